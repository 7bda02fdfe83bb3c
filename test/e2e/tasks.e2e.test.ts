import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { addDays, apiAs, baseUrl, ddmmyyyy, DESKTOP, newPage, PHONE, shot, signIn, vietnamToday } from './helpers.js';

interface Me {
  member: { id: string; unitId: string; fullName: string } | null;
  roles: { role: string; unitId: string }[];
}
interface Options {
  meetings: { id: string; date: string }[];
}
interface Board {
  cells: { unitId: string; total: number; exceeded: number; onTimeRate: number | null }[];
}
interface Task {
  status: string;
  progressPercent: number;
  completedOn: string | null;
  sourceMeetingId: string | null;
  ownerMemberId: string | null;
  progress: { percent: number; attachment: { fileName: string; sizeBytes: number } | null }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('a task "rõ người, rõ việc, rõ trách nhiệm, rõ thời gian" from a meeting to the commune view', () => {
  it('the secretary assigns it, the member reports 100% on a phone, the secretary closes it as exceeded, the committee sees it counted', async () => {
    const secretaryApi = await apiAs('bithu.dongthu');
    const cellId = (await secretaryApi<Me>('/api/me')).member!.unitId;
    const meeting = (await secretaryApi<Options>(`/api/units/${cellId}/task-options`)).meetings[0]!;
    const memberApi = await apiAs('dangvien.dongthu');
    const owner = (await memberApi<Me>('/api/me')).member!;
    expect(owner.unitId).toBe(cellId);
    const committeeApi = await apiAs('bithu.dangbo');
    const communeId = (await committeeApi<Me>('/api/me')).roles.find((r) => r.role === 'party_committee')!.unitId;

    const today = vietnamToday();
    const deadline = addDays(today, 7);
    const year = Number(deadline.slice(0, 4));
    const cellBefore = (await committeeApi<Board>(`/api/units/${communeId}/task-board?year=${year}`)).cells.find((c) => c.unitId === cellId)!;
    const title = 'Vận động các hộ xóm Đình ký cam kết giữ vệ sinh đường làng';
    let taskPath = '';

    // 1. The secretary gives the task from the meeting's page of sources, on a phone.
    const secretary = await newPage(browser, PHONE);
    try {
      await signIn(secretary.page, 'bithu.dongthu');
      const page = secretary.page;
      await page.goto(`${baseUrl()}/units/${cellId}/tasks/new?meeting=${meeting.id}`);
      await page.getByRole('heading', { name: 'Giao nhiệm vụ', level: 1 }).waitFor();
      // Without the four "rõ", nothing is sent and each missing one is named.
      await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      await page.getByText('Chưa rõ người: hãy chọn người chịu trách nhiệm.').waitFor();
      await page.getByText('Chưa rõ trách nhiệm: hãy ghi kết quả cần đạt.').waitFor();
      await page.getByText('Chưa rõ thời gian: hãy chọn thời hạn.').waitFor();

      await page.getByRole('textbox', { name: /^Việc cần làm/ }).fill(title);
      await page.getByRole('textbox', { name: /^Kết quả cần đạt/ }).fill('Tất cả 42 hộ trong xóm ký cam kết; danh sách nộp chi bộ.');
      await page.getByRole('combobox', { name: /^Người chịu trách nhiệm/ }).selectOption({ label: owner.fullName });
      await page.getByLabel(/^Thời hạn/).fill(deadline);
      await page.getByRole('combobox', { name: 'Mức ưu tiên' }).selectOption({ label: 'Ưu tiên cao' });
      expect(await page.getByRole('combobox', { name: 'Nguồn giao việc' }).inputValue()).toBe(`meeting:${meeting.id}`);
      await shot(page, 'task-new-phone');
      await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();

      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      taskPath = new URL(page.url()).pathname;
      expect(taskPath).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
      await page.getByText('Đang thực hiện').first().waitFor();
      const source = page.getByRole('link', { name: `Kỳ họp ngày ${ddmmyyyy(meeting.date)}` });
      expect(await source.getAttribute('href')).toBe(`/meetings/${meeting.id}?tab=agenda`);
      // The assigner does not report: the form is the owner's.
      expect(await page.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0);
      await shot(page, 'task-assigned-phone');
    } finally {
      await secretary.context.close();
    }

    // 2. The member finds it in "Việc của tôi" on their phone and reports it done, with a file.
    const member = await newPage(browser, PHONE);
    try {
      await signIn(member.page, 'dangvien.dongthu');
      const page = member.page;
      const mine = page.getByRole('region', { name: 'Việc của tôi' });
      const dueSoon = mine.getByRole('region', { name: /^Sắp đến hạn/ });
      await dueSoon.getByRole('link', { name: title }).waitFor();
      await expect(dueSoon.textContent()).resolves.toContain(`Hạn ${ddmmyyyy(deadline)} · còn 7 ngày`);
      await shot(page, 'my-work-phone');

      await dueSoon.getByRole('link', { name: title }).click();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: 'Đánh giá, kết thúc' }).count()).toBe(0);
      await page.getByRole('textbox', { name: /^Nội dung báo cáo/ }).fill('Đã vận động xong 42/42 hộ, tất cả đã ký cam kết; các hộ còn tự tổ chức tổng vệ sinh.');
      await page.getByRole('spinbutton', { name: /^Mức độ hoàn thành/ }).fill('100');
      await page.locator('input[type="file"]').setInputFiles({
        name: 'danh-sach-ky-cam-ket.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Danh sách 42 hộ xóm Đình đã ký cam kết giữ vệ sinh đường làng\n'),
      });
      await page.getByText('danh-sach-ky-cam-ket.txt').first().waitFor();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByText('Đã gửi báo cáo tiến độ.').waitFor();
      await page.getByText('Chờ đánh giá').first().waitFor();
      await page.getByRole('link', { name: /^Tải tệp: danh-sach-ky-cam-ket\.txt/ }).waitFor();
      await shot(page, 'task-reported-phone');
    } finally {
      await member.context.close();
    }
    const reported = await secretaryApi<Task>(`/api${taskPath}`);
    expect(reported).toMatchObject({ status: 'open', progressPercent: 100, completedOn: today, sourceMeetingId: meeting.id, ownerMemberId: owner.id });
    expect(reported.progress[0]!.attachment?.fileName).toBe('danh-sach-ky-cam-ket.txt');

    // 3. The secretary evaluates it: finished before the deadline, beyond what was asked.
    const closing = await newPage(browser, DESKTOP);
    try {
      await signIn(closing.page, 'bithu.dongthu');
      const page = closing.page;
      await page.goto(`${baseUrl()}${taskPath}`);
      await page.getByRole('button', { name: 'Đánh giá, kết thúc' }).click();
      const dialog = page.getByRole('dialog', { name: 'Đánh giá, kết thúc nhiệm vụ' });
      // Finished in time: "late" is not on offer, and the dialog says why.
      expect(await dialog.getByRole('radio', { name: 'Hoàn thành chậm' }).isDisabled()).toBe(true);
      await dialog.getByText(`Xong ngày ${ddmmyyyy(today)}, trong thời hạn ${ddmmyyyy(deadline)}`, { exact: false }).waitFor();
      await dialog.getByRole('radio', { name: 'Vượt yêu cầu' }).check();
      await dialog.getByRole('textbox', { name: /^Nhận xét/ }).fill('Xong trước hạn; vượt yêu cầu vì các hộ còn tự tổ chức tổng vệ sinh.');
      await shot(page, 'task-close-dialog');
      await dialog.getByRole('button', { name: 'Kết thúc nhiệm vụ' }).click();
      await page.getByText('Đã đánh giá và kết thúc nhiệm vụ.').waitFor();
      await page.getByRole('region', { name: 'Kết quả đánh giá' }).getByText('Vượt yêu cầu', { exact: true }).waitFor();
      await shot(page, 'task-closed');
    } finally {
      await closing.context.close();
    }
    expect((await secretaryApi<Task>(`/api${taskPath}`)).status).toBe('exceeded');

    // 4. The party committee's commune view counts it for Đồng Thứ.
    const committee = await newPage(browser, DESKTOP);
    try {
      await signIn(committee.page, 'bithu.dangbo');
      const page = committee.page;
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Công việc' }).click();
      await page.getByRole('heading', { name: 'Công việc', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Năm' }).selectOption(String(year));
      const row = page.locator(`tr[data-unit="${cellId}"]`);
      await row.locator('[data-col="exceeded"]').filter({ hasText: String(cellBefore.exceeded + 1) }).waitFor();
      await expect(row.locator('[data-col="total"]').textContent()).resolves.toBe(String(cellBefore.total + 1));
      await expect(row.locator('[data-col="onTimeRate"]').textContent()).resolves.toMatch(/%$/);
      await shot(page, 'commune-view');
    } finally {
      await committee.context.close();
    }
    const cellAfter = (await committeeApi<Board>(`/api/units/${communeId}/task-board?year=${year}`)).cells.find((c) => c.unitId === cellId)!;
    expect(cellAfter.exceeded).toBe(cellBefore.exceeded + 1);
    expect(cellAfter.onTimeRate).not.toBeNull();
  }, 300_000);
});
