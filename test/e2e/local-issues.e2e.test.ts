import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { addDays, apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn, vietnamToday } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the committee keeps one list of the commune\'s problems, each with an owner, a deadline, actions and the people\'s word', () => {
  it('adds an issue from the board, gives an action as a task, resolves it; the village cell confirms from a phone; the board and timeline show it', async () => {
    const title = `Cống thoát nước đầu ngõ xóm Trại bị vỡ ${Date.now().toString(36)}`;
    const staff = await newPage(browser, DESKTOP);
    let issueUrl: string;
    try {
      const { page } = staff;
      await signIn(page, 'bithu.dangbo');
      await page.getByRole('navigation').getByRole('link', { name: 'Vấn đề tồn tại' }).first().click();
      await page.getByTestId('issue-list').waitFor();
      // The overdue filter keeps only what is late.
      await page.getByTestId('filter-overdue').check();
      await page.getByText(/^Có \d+ vấn đề$/).waitFor();
      const overdueCards = page.getByTestId('issue-list').locator('article');
      expect(await overdueCards.count()).toBeGreaterThan(0);
      expect(await overdueCards.filter({ hasNotText: 'Quá hạn' }).count()).toBe(0);
      await page.getByTestId('filter-overdue').uncheck();

      await page.getByTestId('issue-add').click();
      const form = page.getByTestId('issue-create-form');
      // Sent empty: every required field is named, nothing is written.
      await page.getByTestId('issue-form-submit').click();
      await form.getByText('Trường này bắt buộc.').first().waitFor();
      await page.getByTestId('issue-form-category').selectOption({ label: 'Vệ sinh môi trường' });
      await page.getByTestId('issue-form-title').fill(title);
      await page.getByTestId('issue-form-description').fill('Cống vỡ làm nước thải tràn ra đường, trẻ em đi học phải lội qua.');
      await form.getByRole('combobox', { name: 'Thôn' }).selectOption({ label: 'Đồng Thứ' });
      await page.getByTestId('issue-form-since').fill('2025');
      await page.getByTestId('issue-form-deadline').fill('31/03/2027');
      await page.getByTestId('issue-form-unit').selectOption({ label: 'Chi bộ thôn Đồng Thứ' });
      await page.getByTestId('issue-form-public').check();
      await page.getByTestId('issue-form-submit').click();
      await page.getByTestId('issue-title').filter({ hasText: title }).waitFor();
      issueUrl = page.url();

      // An action: a task given from the issue, owned by the responsible cell.
      await page.getByTestId('issue-add-task').click();
      await page.getByRole('combobox', { name: 'Nguồn giao việc' }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Nguồn giao việc' }).inputValue()).toMatch(/^local_issue:/);
      await page.getByRole('textbox', { name: /^Việc cần làm/ }).fill('Sửa cống thoát nước đầu ngõ xóm Trại');
      await page.getByRole('textbox', { name: /^Kết quả cần đạt/ }).fill('Cống mới, nước thải không tràn ra đường');
      const owner = page.getByRole('combobox', { name: /^Người chịu trách nhiệm/ });
      const cellOption = await owner.locator('option', { hasText: 'Chi bộ thôn Đồng Thứ' }).first().getAttribute('value');
      await owner.selectOption(cellOption!);
      await page.getByLabel(/^Thời hạn/).fill(addDays(vietnamToday(), 30));
      await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
      await page.locator('main').getByRole('link', { name: 'Vấn đề tồn tại' }).click();
      await page.getByTestId('issue-title').filter({ hasText: title }).waitFor();
      await page.getByRole('link', { name: 'Sửa cống thoát nước đầu ngõ xóm Trại' }).waitFor();

      // Resolving needs what was done (for the people to confirm).
      await page.getByTestId('issue-new-status').selectOption({ label: 'Đã giải quyết' });
      await page.getByTestId('issue-status-submit').click();
      await page.getByText('Cần ghi kết quả đã làm để người dân xác nhận.').waitFor();
      await page.getByTestId('issue-resolution').fill('Đã thay 12 m cống bê tông, nước thải chảy thông.');
      await page.getByTestId('issue-status-submit').click();
      await page.getByText('Đã cập nhật tình trạng.').waitFor();
      await page.getByTestId('issue-confirmation-counts').filter({ hasText: 'Đồng ý: 0' }).waitFor();
      await shot(page, 'local-issue-resolved');
    } finally {
      await staff.context.close();
    }

    // The village cell's secretary, on a phone, gives the cell's word.
    const cell = await newPage(browser, PHONE);
    try {
      const { page } = cell;
      await signIn(page, 'bithu.dongthu');
      await page.goto(issueUrl);
      await page.getByTestId('issue-title').filter({ hasText: title }).waitFor();
      // The cell may not change the committee's record of who is responsible.
      expect(await page.getByTestId('issue-form-unit').count()).toBe(0);
      await page.getByTestId('confirm-comment').fill('Chi bộ đã kiểm tra thực tế, bà con đồng tình.');
      await page.getByTestId('confirm-button').click();
      await page.getByText('Đã ghi ý kiến xác nhận.').waitFor();
      await page.getByTestId('issue-confirmation-counts').filter({ hasText: 'Đồng ý: 1' }).waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
      expect(overflow).toBe(false);
      await shot(page, 'local-issue-cell-confirmed-phone');
    } finally {
      await cell.context.close();
    }

    // The timeline tells it in order; the public list shows it without personal data.
    const committee = await apiAs('bithu.dangbo');
    const id = issueUrl.split('/').pop()!;
    const detail = await committee<{ timeline: { kind: string }[]; tasks: unknown[] }>(`/api/local-issues/${id}`);
    expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'task_created', 'status', 'confirmation']);
    expect(detail.tasks).toHaveLength(1);
    const publicPage = await newPage(browser, PHONE);
    try {
      const { page } = publicPage;
      await page.goto(`${baseUrl()}/van-de-cong-khai`);
      const card = page.locator('article').filter({ hasText: title });
      await card.waitFor();
      expect(await card.textContent()).toContain('Đồng ý: 1');
    } finally {
      await publicPage.context.close();
    }
  });

  it('turns a citizen\'s new message into an issue, with the village and the words carried over, and links them both ways', async () => {
    const staff = await newPage(browser, PHONE);
    try {
      const { page } = staff;
      await signIn(page, 'bithu.dangbo');
      await page.goto(`${baseUrl()}/citizen-feedback`);
      await page.locator('article').filter({ hasText: 'cầu tràn thôn Đồng Thứ' }).getByRole('link').first().click();
      await page.getByTestId('feedback-detail-content').waitFor();
      await page.getByTestId('triage-action').selectOption('create_issue');
      const form = page.getByTestId('issue-create-form');
      await form.waitFor();
      // The citizen's words and village are there already; the committee names the problem.
      expect(await page.getByTestId('issue-form-description').inputValue()).toContain('cầu tràn');
      expect(await form.getByRole('combobox', { name: 'Thôn' }).locator('option:checked').textContent()).toBe('Đồng Thứ');
      await page.getByTestId('issue-form-category').selectOption({ label: 'An ninh trật tự' });
      await page.getByTestId('issue-form-title').fill('Cắm biển báo nguy hiểm tại cầu tràn thôn Đồng Thứ');
      await page.getByTestId('issue-form-submit').click();
      await page.getByText('Cắm biển báo nguy hiểm tại cầu tràn thôn Đồng Thứ').first().waitFor();
      await shot(page, 'citizen-feedback-new-issue-phone');
      await page.getByRole('link', { name: 'Cắm biển báo nguy hiểm tại cầu tràn thôn Đồng Thứ' }).first().click();
      await page.getByTestId('issue-title').waitFor();
      await page.getByText('Đoạn đường qua cầu tràn thôn Đồng Thứ').first().waitFor();
    } finally {
      await staff.context.close();
    }
  });
});
