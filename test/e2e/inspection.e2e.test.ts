import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { docxText } from '../helpers/docx.js';
import { addDays, apiAs, baseUrl, ddmmyyyy, DESKTOP, newPage, PHONE, shot, signIn, vietnamToday } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs `user` in on a fresh page of `viewport`, does `work`, and closes the page whatever happens. */
async function as(user: string, viewport: typeof DESKTOP, work: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, viewport);
  try {
    await signIn(page, user);
    await work(page);
  } finally {
    await context.close();
  }
}

/** Records the case's next step from the step form (its name is in the form's heading). */
async function recordStep(page: Page, code: string, note: string, fill?: () => Promise<void>): Promise<void> {
  const form = page.locator(`[data-testid="step-form"][data-step="${code}"]`);
  await form.waitFor();
  await form.getByTestId('step-note').fill(note);
  await fill?.();
  await form.getByTestId('step-submit').click();
  await page.locator(`[data-testid="case-step"][data-step="${code}"][data-look^="done"]`).waitFor();
}

describe('the UBKT supervises a cell: from the decision to the recommendations verified fixed', () => {
  it('starts a thematic supervision of Đồng Thứ; the secretary reports from a phone; evidence, conclusion, the cell’s board, a fix reported and verified; the conclusion downloads as Word', async () => {
    const stamp = Date.now().toString(36);
    const programmeTitle = `Chương trình kiểm tra, giám sát của Đảng ủy ${stamp}`;
    const recFirst = `Phân công mỗi nhiệm vụ cho một người phụ trách ${stamp}`;
    const recSecond = `Sinh hoạt đúng giờ, điểm danh đầu buổi ${stamp}`;
    const today = vietnamToday();
    const fixBy = addDays(today, 30);
    let caseUrl = '';

    // 1. The UBKT: a programme, an item on Đồng Thứ, adopted, started.
    await as('ubkt', DESKTOP, async (page) => {
      await page.getByTestId('home-inspections').waitFor();
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kiểm tra, giám sát', exact: true }).click();
      await page.getByRole('heading', { name: 'Kiểm tra, giám sát', level: 1, exact: true }).waitFor();
      await page.getByTestId('programme-create-open').click();
      // The party committee's programme (one per body and year; the demo may hold the UBKT's own), carried out by the UBKT.
      await page.getByTestId('programme-body').selectOption('party_committee');
      await page.getByTestId('programme-title').fill(programmeTitle);
      await page.getByTestId('programme-submit').click();
      await page.getByTestId('programme-heading').filter({ hasText: programmeTitle }).waitFor();

      await page.getByTestId('item-add-open').click();
      const item = page.getByTestId('item-form');
      // The kinds come from the rules (reference data), each with its name.
      await item.getByTestId('kind-select').locator('option', { hasText: 'Giám sát chuyên đề' }).waitFor({ state: 'attached' });
      await item.getByTestId('kind-select').selectOption('supervision_thematic');
      await item.getByTestId('subject-unit').selectOption({ label: 'Chi bộ thôn Đồng Thứ' });
      await item.getByTestId('item-content').fill('Chất lượng sinh hoạt chi bộ: đúng giờ, tự phê bình và phê bình, giao việc rõ người.');
      await item.getByTestId('item-planned-start').fill(ddmmyyyy(today));
      // Within the programme's year (this year's), which is what the page opens on.
      await item.getByTestId('item-planned-end').fill(`31/12/${today.slice(0, 4)}`);
      await item.getByTestId('item-submit').click();
      await page.getByTestId('programme-item').filter({ hasText: 'Chi bộ thôn Đồng Thứ' }).waitFor();
      await page.getByTestId('adopt-submit').click();
      await page.getByTestId('programme-heading').waitFor();
      await page.getByText(/Thông qua ngày/).first().waitFor();
      // The bar has its table: the same numbers, readable without colour.
      await page.getByTestId('programme-counts').getByRole('columnheader', { name: 'Theo kế hoạch' }).waitFor();

      await page.getByTestId('item-start-open').click();
      await page.getByTestId('start-decision-no').fill(`01-QĐ/UBKT-${stamp}`);
      await page.getByTestId('start-submit').click();
      await page.getByTestId('case-title').waitFor();
      caseUrl = page.url();
      expect(caseUrl).toMatch(/\/inspections\/[^/]+$/);

      // The form walks the steps: only the next one is offered.
      for (const [code, note] of [
        ['plan', 'Kế hoạch giám sát: mục đích, nội dung, mốc thời gian.'],
        ['notice', 'Đã công bố quyết định và kế hoạch với chi bộ.'],
      ] as const) {
        if ((await page.locator(`[data-testid="case-step"][data-step="${code}"][data-look^="done"]`).count()) > 0) continue;
        expect(await page.locator('[data-testid="step-form"]').getAttribute('data-step')).toBe(code);
        await recordStep(page, code, note);
      }
      // The timeline is an ordered list of the kind's steps.
      expect(await page.getByTestId('case-timeline').evaluate((el) => el.tagName)).toBe('OL');
      await shot(page, 'inspection-case-notified');
    });

    // 2. The cell's secretary, on a phone: the home says what waits; the report goes with a file.
    await as('bithu.dongthu', PHONE, async (page) => {
      const card = page.getByTestId('home-my-inspections');
      await card.waitFor();
      await card.getByRole('link').first().click();
      await page.getByTestId('subject-report-form').waitFor();
      await page.getByRole('heading', { name: 'Báo cáo tự kiểm tra' }).waitFor();
      await page.getByTestId('subject-report-text').fill('Chi bộ đã sinh hoạt đủ 12 kỳ; còn đảng viên đến muộn, phê bình còn nể nang, có việc chưa rõ người phụ trách.');
      await page.getByTestId('file-input').setInputFiles({ name: 'bao-cao-chi-bo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 báo cáo tự kiểm tra') });
      await page.getByTestId('subject-report-submit').click();
      await page.getByText('Đã gửi báo cáo.').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
      await shot(page, 'inspection-subject-report-phone');
    });

    // 3. The UBKT: verification with evidence, the draft-report meeting, the result, the conclusion.
    await as('ubkt', DESKTOP, async (page) => {
      await page.goto(caseUrl);
      await page.locator('[data-testid="case-step"][data-step="subject_report"][data-look^="done"]').getByRole('link', { name: 'bao-cao-chi-bo.pdf' }).waitFor();
      await recordStep(page, 'verification', 'Đối chiếu biên bản sinh hoạt và bảng giao việc của chi bộ.', async () => {
        await page.getByTestId('evidence-option').first().check();
      });
      expect(await page.locator('[data-step="verification"]').getByTestId('step-evidence').getByRole('link').count()).toBe(1);
      await recordStep(page, 'draft_report', 'Hội nghị thông qua dự thảo báo cáo với chi ủy.', async () => {
        await page.getByTestId('step-subject-comments').fill('Chi bộ nhất trí, xin khắc phục trước kỳ sinh hoạt tới.');
      });
      await recordStep(page, 'result_report', 'Báo cáo kết quả với Ủy ban Kiểm tra.');

      const form = page.getByTestId('conclusion-form');
      await form.getByTestId('conclusion-strengths').fill('Sinh hoạt đều đặn, nội dung bám sát nghị quyết.');
      await form.getByTestId('conclusion-shortcomings').fill('Còn đến muộn; phê bình nể nang; giao việc chưa rõ người.');
      await form.getByTestId('conclusion-causes').fill('Chi ủy chưa quyết liệt.');
      await form.getByTestId('rec-text').first().fill(recFirst);
      await form.getByTestId('rec-deadline').first().fill(ddmmyyyy(fixBy));
      await form.getByTestId('rec-add').click();
      await form.getByTestId('rec-text').nth(1).fill(recSecond);
      await form.getByTestId('rec-deadline').nth(1).fill(ddmmyyyy(fixBy));
      await form.getByTestId('conclusion-submit').click();
      await page.getByTestId('case-conclusion').waitFor();
      await page.getByTestId('case-rec').filter({ hasText: recFirst }).getByTestId('rec-follow-up').waitFor();
      await shot(page, 'inspection-concluded');
    });

    // 4. The recommendations are tasks on the cell's board; the secretary reports one fixed.
    await as('bithu.dongthu', PHONE, async (page) => {
      const me = await (await apiAs('bithu.dongthu'))<{ member: { unitId: string } }>('/api/me');
      // The board of the deadline's year, its open tasks.
      await page.goto(`${baseUrl()}/units/${me.member.unitId}/work?year=${fixBy.slice(0, 4)}&status=open`);
      await page.getByText(recFirst).first().waitFor();
      await page.getByText(recSecond).first().waitFor();
      await page.goto(caseUrl);
      const rec = page.getByTestId('case-rec').filter({ hasText: recFirst });
      await rec.getByTestId('rec-report-open').click();
      await rec.getByTestId('rec-report-note').fill('Từ kỳ sinh hoạt tháng này, mỗi nhiệm vụ ghi rõ một người phụ trách.');
      await rec.getByTestId('rec-report-submit').click();
      await rec.getByTestId('rec-status').filter({ hasText: 'Đã báo cáo khắc phục' }).waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
      await shot(page, 'inspection-rec-reported-phone');
    });

    // 5. The UBKT verifies it fixed, and downloads the conclusion notice.
    await as('ubkt', DESKTOP, async (page) => {
      await page.goto(caseUrl);
      const rec = page.getByTestId('case-rec').filter({ hasText: recFirst });
      await rec.getByTestId('rec-verify-fixed').click();
      await rec.getByTestId('rec-verify-comment').fill('Đã kiểm tra bảng giao việc tháng này: đủ người phụ trách.');
      await rec.getByTestId('rec-verify-submit').click();
      await rec.getByTestId('rec-status').filter({ hasText: 'Đã khắc phục' }).waitFor();
      await page.getByTestId('rec-counts').filter({ hasText: 'Đã khắc phục 1' }).waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('doc-conclusion').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = fs.readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(docxText(bytes)).toContain('Đồng Thứ');
    });
  });

  it('a citizen’s message becomes a denunciation: the form is filled from it, the case opens on the member', async () => {
    await as('bithu.dangbo', PHONE, async (page) => {
      await page.goto(`${baseUrl()}/citizen-feedback`);
      await page.locator('main a[href^="/citizen-feedback/"]').first().click();
      const content = (await page.getByTestId('feedback-detail-content').innerText()).trim();
      await page.getByTestId('feedback-to-denunciation').click();
      const form = page.getByTestId('case-form');
      await form.waitFor();
      // The kinds come with the rules; the denunciation is chosen already.
      await form.locator('[data-testid="kind-select"] option[value="denunciation"]').waitFor({ state: 'attached' });
      expect(await form.getByTestId('kind-select').inputValue()).toBe('denunciation');
      expect((await form.getByTestId('case-form-content').inputValue()).trim()).toBe(content);
      // Sent as it came: the member it is about is still to be named, and the form says so at the field.
      await form.getByTestId('case-form-submit').click();
      await form.locator('[aria-invalid="true"]').first().waitFor();
      await form.getByTestId('subject-kind').getByText('Đảng viên').click();
      await form.getByTestId('subject-member').fill('Loan');
      await page.locator('[role=option]').filter({ hasText: 'Loan' }).first().click();
      await form.getByTestId('case-form-title').fill(`Tố cáo từ ý kiến người dân ${Date.now().toString(36)}`);
      await form.getByTestId('case-form-submit').click();
      await page.getByTestId('case-title').waitFor();
      await page.getByText('Giải quyết tố cáo ·').first().waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
    });
  });
});
