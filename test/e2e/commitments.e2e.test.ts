import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn } from './helpers.js';

interface Me {
  member: { id: string; unitId: string; fullName: string } | null;
  roles: { role: string; unitId: string; unitName: string }[];
}
interface Target { unitId: string; unitName: string; acknowledgedAt: string | null; acknowledgedByName: string | null; note: string | null }
interface Directive { id: string; title: string; targets: number; acknowledged: number; targetUnits: Target[] }
interface Commitments {
  year: number;
  subjects: { subjectKind: string; subjectId: string; items: { id: string; title: string; kind: string; targetValue: number | null; measureUnit: string | null; confirmedAt: string | null; confirmedByName: string | null }[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A full-page shot from the top (scrolled, the fixed header would be drawn mid-page). */
async function pageShot(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)');
  await shot(page, name);
}

/** Vietnam's date today and a later one, yyyy-mm-dd. */
function vietnamDate(plusDays = 0): string {
  return new Date(Date.now() + 7 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

describe('directives and commitments', () => {
  it('the committee directs all cells; Đồng Thứ acknowledges; a member pledges on a phone; the secretary confirms and exports', async () => {
    const stamp = Date.now().toString(36);
    const title = `Ra quân tổng vệ sinh đường làng, ngõ xóm (${stamp})`;
    const year = Number(vietnamDate().slice(0, 4));
    const committeeApi = await apiAs('bithu.dangbo');
    const committeeMe = await committeeApi<Me>('/api/me');
    const communeId = committeeMe.roles.find((r) => r.role === 'party_committee')!.unitId;
    const secretaryApi = await apiAs('bithu.dongthu');
    const cellId = (await secretaryApi<Me>('/api/me')).member!.unitId;
    const member = (await (await apiAs('dangvien.dongthu'))<Me>('/api/me')).member!;

    // 1. The party committee issues a directive to every cell.
    let directiveId = '';
    {
      const { context, page } = await newPage(browser, DESKTOP);
      try {
        await signIn(page, 'bithu.dangbo');
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản chỉ đạo', exact: true }).click();
        await page.getByRole('heading', { name: 'Chỉ đạo đã ban hành', level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/units/${communeId}/directives`);
        await page.getByRole('button', { name: 'Ra chỉ đạo' }).click();
        const dialog = page.getByRole('dialog', { name: /^Ra chỉ đạo/ });
        await dialog.getByRole('textbox', { name: /^Trích yếu/ }).fill(title);
        await dialog
          .getByRole('textbox', { name: /^Nội dung chỉ đạo/ })
          .fill('Các chi bộ chỉ đạo chi hội, đoàn thể ra quân tổng vệ sinh; báo cáo kết quả về Đảng ủy trước thời hạn.');
        await dialog.getByLabel(/^Thời hạn thực hiện/).fill(vietnamDate(14));
        await expect(dialog.getByRole('radio', { name: /^Tất cả chi bộ/ }).isChecked()).resolves.toBe(true);
        await dialog.getByRole('button', { name: 'Ban hành chỉ đạo' }).click();

        // The new directive opens on its own page: nobody has acknowledged it yet.
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        directiveId = new URL(page.url()).pathname.split('/').pop()!;
        const created = await committeeApi<Directive>(`/api/directives/${directiveId}`);
        expect(created.targets).toBeGreaterThan(20);
        expect(created.acknowledged).toBe(0);
        expect(created.targetUnits.some((x) => x.unitId === cellId)).toBe(true);
        await page.getByRole('heading', { name: `Các chi bộ nhận (${created.targets})` }).waitFor();
        await pageShot(page, 'directive-committee-desktop');

        // The list shows it with its acknowledgements.
        await page.getByRole('link', { name: /^Chỉ đạo của / }).click();
        await page.getByRole('link', { name: title }).waitFor();
        await page.getByRole('progressbar', { name: `Số chi bộ đã nhận “${title}”` }).waitFor();
        await pageShot(page, 'directives-list-desktop');
      } finally {
        await context.close();
      }
    }

    // 2. The Đồng Thứ secretary acknowledges it on a phone.
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'bithu.dongthu');
        await page.goto(`${baseUrl()}/units/${cellId}/directives`);
        await page.getByRole('heading', { name: 'Chỉ đạo chi bộ nhận được', level: 1 }).waitFor();
        await page.getByRole('link', { name: title }).click();
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        await page.getByRole('button', { name: 'Xác nhận đã nhận cho Chi bộ thôn Đồng Thứ' }).first().click();
        const dialog = page.getByRole('dialog', { name: 'Xác nhận đã nhận chỉ đạo' });
        await dialog.getByRole('textbox', { name: /^Ghi chú/ }).fill('Triển khai tại kỳ sinh hoạt tháng tới.');
        await dialog.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByText('Đã xác nhận Chi bộ thôn Đồng Thứ nhận chỉ đạo.').waitFor();
        expect(await page.getByRole('button', { name: 'Xác nhận đã nhận cho Chi bộ thôn Đồng Thứ' }).count()).toBe(0);
        await page.getByRole('link', { name: 'Giao nhiệm vụ cho Chi bộ thôn Đồng Thứ' }).first().waitFor();
        await pageShot(page, 'directive-cell-phone');

        const acknowledged = await committeeApi<Directive>(`/api/directives/${directiveId}`);
        const own = acknowledged.targetUnits.find((x) => x.unitId === cellId)!;
        expect(own.acknowledgedAt).not.toBeNull();
        expect(own.note).toBe('Triển khai tại kỳ sinh hoạt tháng tới.');
        expect(acknowledged.acknowledged).toBe(1);
      } finally {
        await context.close();
      }
    }

    // 3. A member registers a measurable commitment on a phone.
    const pledge = `Vận động hộ gia đình phân loại rác tại nguồn (${stamp})`;
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'dangvien.dongthu');
        await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cam kết', exact: true }).click();
        await page.getByRole('heading', { name: `Cam kết của tôi năm ${year}`, level: 1 }).waitFor();
        await page.getByRole('button', { name: 'Thêm cam kết', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: `Thêm cam kết năm ${year}` });
        await dialog.getByRole('combobox', { name: /^Mục trong bản cam kết/ }).selectOption({ label: 'Về thực hiện chức trách, nhiệm vụ được giao' });
        await dialog.getByRole('textbox', { name: /^Chỉ tiêu/ }).fill(pledge);
        await dialog.getByRole('textbox', { name: /^Mức cam kết/ }).fill('15');
        await dialog.getByRole('textbox', { name: /^Đơn vị tính/ }).fill('hộ');
        await pageShot(page, 'commitment-new-phone');
        await dialog.getByRole('button', { name: 'Thêm cam kết' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByText(`Đã thêm cam kết “${pledge}”.`).waitFor();
        const line = page.locator('.ts-cm-line').filter({ hasText: pledge });
        await line.getByText('Chưa xác nhận').waitFor();
        await expect(line.textContent()).resolves.toContain('Chỉ tiêu: 15 hộ');
        await page.getByRole('heading', { name: 'Về thực hiện chức trách, nhiệm vụ được giao' }).first().waitFor();
        await pageShot(page, 'commitments-member-phone');
      } finally {
        await context.close();
      }
    }
    const registered = await secretaryApi<Commitments>(`/api/units/${cellId}/commitments?year=${year}`);
    const mine = registered.subjects.find((s) => s.subjectId === member.id)!;
    const added = mine.items.find((c) => c.title === pledge)!;
    expect(added).toMatchObject({ kind: 'measurable', targetValue: 15, measureUnit: 'hộ', confirmedAt: null });

    // 4. The secretary confirms the member's pledge, then downloads the cell's workbook.
    {
      const { context, page } = await newPage(browser, DESKTOP);
      try {
        await signIn(page, 'bithu.dongthu');
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cam kết', exact: true }).click();
        await page.getByRole('heading', { name: `Chỉ tiêu cam kết năm ${year}`, level: 1 }).waitFor();
        await page.getByRole('button', { name: new RegExp(`^Xác nhận \\d+ cam kết của ${member.fullName}$`) }).click();
        const dialog = page.getByRole('dialog', { name: 'Xác nhận cam kết?' });
        await dialog.getByRole('button', { name: 'Xác nhận' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByText(new RegExp(`^Đã xác nhận \\d+ cam kết của ${member.fullName}\\.$`)).waitFor();
        const section = page.getByRole('region', { name: new RegExp(member.fullName) });
        const line = section.locator('.ts-cm-line').filter({ hasText: pledge });
        if (!(await line.isVisible())) await section.getByRole('button', { name: new RegExp(member.fullName) }).click();
        await line.getByText('Đã xác nhận', { exact: true }).waitFor();
        await pageShot(page, 'commitments-secretary-desktop');

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải tệp Excel' }).click()]);
        expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
        const bytes = fs.readFileSync((await download.path())!);
        expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      } finally {
        await context.close();
      }
    }
    const confirmed = await secretaryApi<Commitments>(`/api/units/${cellId}/commitments?year=${year}`);
    const line = confirmed.subjects.flatMap((s) => s.items).find((c) => c.id === added.id)!;
    expect(line.confirmedAt).not.toBeNull();
    expect(line.confirmedByName).not.toBeNull();

    // The commitments page of the demo year, as the secretary sees it on a phone (for a person to look at).
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'bithu.dongthu');
        await page.goto(`${baseUrl()}/units/${cellId}/commitments?year=2022`);
        await page.getByRole('heading', { name: 'Chỉ tiêu cam kết năm 2022', level: 1 }).waitFor();
        // The demo year's pledges, or (while none are seeded) the cell's roster of who has not registered.
        await page.locator('.ts-cm-line, .ts-cm-empty').first().waitFor();
        await pageShot(page, 'commitments-2022-secretary-phone');
      } finally {
        await context.close();
      }
    }
  }, 300_000);
});
