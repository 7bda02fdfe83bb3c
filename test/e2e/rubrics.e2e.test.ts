import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, SHOTS_DIR, signIn } from './helpers.js';

interface Me { roles: { role: string; unitId: string; unitName: string }[] }
interface RubricList {
  items: {
    kind: 'regular' | 'thematic';
    name: string;
    source: string;
    retired: boolean;
    maxPoints: number;
    criteria: { code: string; points: number; measure?: string; threshold?: number }[];
    levels: { name: string; min: number }[];
  }[];
}

const SAMPLE_FILE = path.resolve(import.meta.dirname, '../../reference/meeting-rubric-sample.json');
const SAMPLE_NAME = 'Mẫu chấm điểm chất lượng sinh hoạt chi bộ thường kỳ (bản mẫu)';
const SOURCE = 'Quy định 27-QĐ/TU ngày 30/10/2023 của Tỉnh ủy Nghệ An';
/** Unique per run, so the test also passes against a database that has seen earlier runs. */
const RUN = Date.now().toString(36);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A dialog as the person sees it: the viewport only (a full-page shot would show the page behind). */
async function dialogShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

async function openRubricsFromNavigation(page: Page, phone = false): Promise<void> {
  if (phone) await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Mẫu chấm điểm' }).click();
  await page.getByRole('heading', { name: 'Mẫu chấm điểm sinh hoạt chi bộ', level: 1 }).waitFor();
}

const section = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

/** The commune's forms as the API has them (the office's unit). */
async function communeRubrics(username: string): Promise<RubricList['items']> {
  const api = await apiAs(username);
  const me = await api<Me>('/api/me');
  const unitId = me.roles.find((r) => r.role === 'office' || r.role === 'party_committee')!.unitId;
  return (await api<RubricList>(`/api/meeting-rubrics?unitId=${unitId}`)).items;
}

describe('the committee loads its province’s meeting rubrics', () => {
  it('vanphong sees the sample form, then loads a thematic form typed into the editor', async () => {
    const name = `Tiêu chí đánh giá sinh hoạt chuyên đề ${RUN}`;
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'vanphong');
      await openRubricsFromNavigation(page);

      // The regular form in use: the demo sample, 8 criteria, 100 points, said to be a sample.
      const regular = section(page, 'Sinh hoạt thường kỳ');
      await regular.getByRole('heading', { name: SAMPLE_NAME }).waitFor();
      await regular.getByText('Đang dùng', { exact: true }).waitFor();
      await regular.getByText('8 tiêu chí, tổng 100 điểm').waitFor();
      await regular.getByText('Bản mẫu, chưa phải mẫu chính thức', { exact: true }).waitFor();
      const table = regular.getByRole('table', { name: `Tiêu chí chấm điểm: ${SAMPLE_NAME}` });
      expect(await table.locator('tbody tr').count()).toBe(8);
      await table.getByRole('row', { name: /^Tổng cộng\s+100$/ }).waitFor();
      await table.getByRole('row').filter({ hasText: 'attendance' }).getByText('Tỷ lệ dự họp, đủ điểm từ 90%').waitFor();
      await table.getByRole('row').filter({ hasText: 'punctual' }).getByText('Tính từ dữ liệu').waitFor();
      await regular.getByRole('table', { name: `Mức xếp loại: ${SAMPLE_NAME}` }).getByRole('row', { name: /Tốt\s+Từ 90 điểm trở lên/ }).waitFor();
      await shot(page, 'rubrics-page-desktop');

      await page.getByRole('button', { name: 'Nạp mẫu của tỉnh' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nạp mẫu chấm điểm của tỉnh' });
      // Nothing filled in: each required field says so.
      await dialog.getByRole('button', { name: 'Xem trước' }).click();
      await dialog.getByText('Vui lòng kiểm tra lại các trường được đánh dấu.').waitFor();
      await expect(dialog.getByLabel('Tên mẫu').getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(dialog.getByLabel('Nguồn (văn bản ban hành)').getAttribute('aria-invalid')).resolves.toBe('true');

      await dialog.getByLabel('Loại sinh hoạt').selectOption({ label: 'Sinh hoạt chuyên đề' });
      await dialog.getByText('Hiện chưa có mẫu riêng cho sinh hoạt chuyên đề; mẫu này sẽ được dùng từ nay.').waitFor();
      await dialog.getByLabel('Tên mẫu').fill(name);
      await dialog.getByLabel('Nguồn (văn bản ban hành)').fill(SOURCE);

      const fill = async (n: number, code: string, text: string, points: string) => {
        const row = dialog.getByRole('group', { name: `Tiêu chí ${n}` });
        await row.getByLabel('Mã').fill(code);
        await row.getByLabel('Nội dung tiêu chí').fill(text);
        await row.getByLabel('Điểm tối đa').fill(points);
        return row;
      };
      await fill(1, 'chuan-bi', 'Chuẩn bị chuyên đề kỹ, gửi tài liệu trước cho đảng viên', '40');
      await dialog.getByRole('button', { name: 'Thêm tiêu chí' }).click();
      await fill(2, 'thao-luan', 'Thảo luận thẳng thắn, liên hệ trách nhiệm bản thân', '25');
      await dialog.getByRole('button', { name: 'Thêm tiêu chí' }).click();
      const third = await fill(3, 'du-hop', 'Đảng viên dự họp đầy đủ', '35');
      await third.getByLabel('Cách chấm').selectOption({ label: 'Tính từ tỷ lệ dự họp' });
      await third.getByLabel('Đủ điểm từ (%)').fill('85');
      // Attendance goes second: rows move with their content.
      await dialog.getByRole('button', { name: 'Đưa tiêu chí 3 lên' }).click();
      await expect(dialog.getByRole('group', { name: 'Tiêu chí 2' }).getByLabel('Mã').inputValue()).resolves.toBe('du-hop');
      await dialog.getByText('Tổng điểm: 100').waitFor();

      const top = dialog.getByRole('group', { name: 'Mức 1' });
      await top.getByLabel('Tên mức').fill('Tốt');
      await top.getByLabel('Từ (điểm)').fill('80');
      await dialog.getByRole('button', { name: 'Thêm mức' }).click();
      const middle = dialog.getByRole('group', { name: 'Mức 2' });
      await middle.getByLabel('Tên mức').fill('Đạt');
      await middle.getByLabel('Từ (điểm)').fill('50');
      await dialog.getByRole('button', { name: 'Thêm mức' }).click();
      const bottom = dialog.getByRole('group', { name: 'Mức 3' });
      await bottom.getByLabel('Tên mức').fill('Chưa đạt');
      await bottom.getByLabel('Từ (điểm)').fill('0');
      await dialogShot(page, 'rubrics-editor-desktop');

      await dialog.getByRole('button', { name: 'Xem trước' }).click();
      await dialog.getByRole('heading', { name: 'Xem lại trước khi nạp' }).waitFor();
      await dialog.getByText('Mẫu mới được dùng từ nay').waitFor();
      await dialog.getByText('3 tiêu chí, tổng 100 điểm').waitFor();
      await dialog.getByText('Tỷ lệ dự họp, đủ điểm từ 85%').waitFor();
      await dialogShot(page, 'rubrics-preview-desktop');

      // A message from the server about one row comes back beside that row.
      await page.route('**/api/meeting-rubrics', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              contentType: 'application/json',
              body: JSON.stringify({
                error: {
                  code: 'validation',
                  message: 'Dữ liệu không hợp lệ',
                  fields: [{ field: 'criteria.1.points', message: 'Điểm (criteria.1.points): quá lớn' }],
                },
              }),
            })
          : route.fallback(),
      );
      await dialog.getByRole('button', { name: 'Nạp mẫu', exact: true }).click();
      const second = dialog.getByRole('group', { name: 'Tiêu chí 2' });
      await second.getByText('Điểm (criteria.1.points): quá lớn').waitFor();
      await expect(second.getByLabel('Điểm tối đa').getAttribute('aria-invalid')).resolves.toBe('true');
      await dialogShot(page, 'rubrics-server-error-desktop');
      await page.unroute('**/api/meeting-rubrics');

      await dialog.getByRole('button', { name: 'Xem trước' }).click();
      await dialog.getByRole('button', { name: 'Nạp mẫu', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Đã nạp “${name}”. Từ nay các buổi sinh hoạt chuyên đề được chấm theo mẫu này`).waitFor();

      // The thematic form is now in use; the regular one is untouched.
      const thematic = section(page, 'Sinh hoạt chuyên đề');
      await thematic.getByRole('heading', { name }).waitFor();
      await thematic.getByText('Đang dùng', { exact: true }).waitFor();
      await thematic.getByText(SOURCE).waitFor();
      await thematic.getByText('3 tiêu chí, tổng 100 điểm').waitFor();
      expect(await thematic.getByText('Chưa có mẫu riêng cho sinh hoạt chuyên đề').count()).toBe(0);
      await regular.getByRole('heading', { name: SAMPLE_NAME }).waitFor();
      await shot(page, 'rubrics-thematic-loaded-desktop');

      const items = await communeRubrics('vanphong');
      const loaded = items.find((r) => r.kind === 'thematic' && !r.retired)!;
      expect(loaded.name).toBe(name);
      expect(loaded.source).toBe(SOURCE);
      expect(loaded.maxPoints).toBe(100);
      expect(loaded.criteria.map((c) => c.code)).toEqual(['chuan-bi', 'du-hop', 'thao-luan']);
      expect(loaded.criteria[1]).toMatchObject({ measure: 'attendance_rate', threshold: 0.85 });
      expect(loaded.levels.map((l) => [l.name, l.min])).toEqual([
        ['Tốt', 80],
        ['Đạt', 50],
        ['Chưa đạt', 0],
      ]);
    } finally {
      await context.close();
    }
  });

  it('on a 360-px phone the committee loads the province’s JSON file; the replaced form goes to the history', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dangbo');
      await openRubricsFromNavigation(page, true);
      await section(page, 'Sinh hoạt thường kỳ').getByText('8 tiêu chí, tổng 100 điểm').waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
      expect(overflow).toBe(false);
      await shot(page, 'rubrics-page-phone');

      await page.getByRole('button', { name: 'Nạp mẫu của tỉnh' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nạp mẫu chấm điểm của tỉnh' });
      const file = dialog.locator('input[type=file]');

      // Not JSON: said plainly, the editor is left as it was.
      await file.setInputFiles({ name: 'mau-loi.json', mimeType: 'application/json', buffer: Buffer.from('{ "name": "Mẫu", ') });
      await dialog.getByText('Không dùng được tệp này').waitFor();
      await dialog.getByText(/Tệp “mau-loi\.json” không phải JSON hợp lệ/).waitFor();
      await expect(dialog.getByLabel('Tên mẫu').inputValue()).resolves.toBe('');
      await dialogShot(page, 'rubrics-file-error-phone');

      // JSON with fields missing: what could be read is filled in, the rest is listed.
      const partial = { name: 'Mẫu thiếu nguồn', kind: 'regular', criteria: [{ code: 'a', text: 'Tiêu chí A', points: 10 }] };
      await file.setInputFiles({ name: 'mau-thieu.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(partial)) });
      await dialog.getByText('Tệp còn thiếu hoặc sai').waitFor();
      await dialog.getByText(/Các mục: source, levels\./).waitFor();
      await expect(dialog.getByLabel('Tên mẫu').inputValue()).resolves.toBe('Mẫu thiếu nguồn');

      // The reference file: everything filled in.
      await file.setInputFiles(SAMPLE_FILE);
      await dialog.getByText('Đã đọc tệp “meeting-rubric-sample.json”: 8 tiêu chí.', { exact: false }).waitFor();
      await expect(dialog.getByLabel('Tên mẫu').inputValue()).resolves.toBe(SAMPLE_NAME);
      await dialog.getByText('Tổng điểm: 100').waitFor();
      await expect(
        dialog.getByRole('group', { name: 'Tiêu chí 2' }).getByLabel('Đủ điểm từ (%)').inputValue(),
      ).resolves.toBe('90');
      await dialogShot(page, 'rubrics-file-read-phone');

      await dialog.getByRole('button', { name: 'Xem trước' }).click();
      await dialog.getByText('Mẫu mới thay mẫu đang dùng').waitFor();
      await dialogShot(page, 'rubrics-preview-phone');
      await dialog.getByRole('button', { name: 'Nạp mẫu', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(`Đã nạp “${SAMPLE_NAME}”.`, { exact: false }).waitFor();

      // The form it replaced is kept, folded, with the span it was in use.
      const history = section(page, 'Các mẫu đã được thay');
      const replaced = history.locator('summary').filter({ hasText: SAMPLE_NAME }).first();
      await replaced.getByText(/Sinh hoạt thường kỳ · Dùng từ \d\d\/\d\d\/\d{4} đến \d\d\/\d\d\/\d{4}/).waitFor();
      await replaced.click();
      await history.getByText('8 tiêu chí, tổng 100 điểm').first().waitFor();
      await shot(page, 'rubrics-history-phone');

      const items = await communeRubrics('bithu.dangbo');
      expect(items.filter((r) => r.kind === 'regular' && !r.retired)).toHaveLength(1);
      expect(items.some((r) => r.kind === 'regular' && r.retired)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('a cell secretary has no "Mẫu chấm điểm" item, and the page says they may not', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'bithu.dongthu');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Trang chủ' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Mẫu chấm điểm' }).count()).toBe(0);
      await page.goto(`${baseUrl()}/meeting-rubrics`);
      await page.getByRole('heading', { name: 'Không có quyền truy cập', level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: 'Nạp mẫu của tỉnh' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
