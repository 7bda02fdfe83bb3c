import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, newPage, PHONE, sessionAs, shot, signIn } from './helpers.js';

/**
 * What makes a person trust the app on a phone (Tự Soi issue 15): the language they picked, a
 * village found without diacritics, buttons and hints that read whole, a checklist that counts
 * its two lists plainly, and sources that name documents, not files.
 */
interface Me {
  account: { locale: string };
  member: { id: string; unitId: string } | null;
}
interface MySelfExam {
  suggested: { periodKind: string; year: number; quarter: number | null; meetingId: string | null; existingId: string | null }[];
  selfExaminations: { id: string; status: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** No text on the page looks like a file path ("../shared/reference/x.json"). */
const FILE_PATH = /[\w.-]*\/[\w./-]*\.(json|ts|js|csv|xlsx)\b/;

describe('trust on a 360 px phone', () => {
  it('the language picked on the sign-in page wins over the account\'s and becomes the account\'s', async () => {
    const as = await sessionAs('bithu.luuquang');
    expect((await as<Me>('PATCH', '/api/me', { locale: 'en' })).account.locale).toBe('en');
    const { context, page } = await newPage(browser, PHONE);
    try {
      // A fresh phone: the sign-in page shows Vietnamese, and the person signs in with it.
      await signIn(page, 'bithu.luuquang'); // waits for "Tài khoản: …", in Vietnamese
      expect(await page.locator('html').getAttribute('lang')).toBe('vi');
      await page.reload();
      await page.getByRole('button', { name: /Tài khoản:/ }).waitFor();
      expect((await as<Me>('GET', '/api/me')).account.locale).toBe('vi');
    } finally {
      await context.close();
    }
  });

  it('sign-in page: both citizens\' buttons read whole', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto(baseUrl());
      for (const id of ['login-send-feedback', 'login-track-feedback']) {
        const label = page.getByTestId(id).locator('.mantine-Button-label');
        const { scroll, client } = await label.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(scroll, id).toBeLessThanOrEqual(client);
      }
      await page.getByTestId('login-track-feedback').getByText('Tra cứu ý kiến', { exact: true }).waitFor();
      await shot(page, 'trust-login-360');
    } finally {
      await context.close();
    }
  });

  it('citizens\' form: "luu" finds Lưu Quang, and the content hint speaks plainly', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto(`${baseUrl()}/y-kien`);
      const village = page.getByTestId('feedback-village');
      await village.click();
      await village.fill('luu');
      await page.getByRole('option', { name: 'Lưu Quang', exact: true }).waitFor();
      await page.getByRole('option', { name: 'Lưu Quang', exact: true }).click();
      expect(await village.inputValue()).toBe('Lưu Quang');
      const topics = await page.getByTestId('feedback-topic').locator('option').allTextContents();
      expect(topics).toContain('Giao thông, hạ tầng');
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('văn bản thường');
      expect(body).toContain('Ý kiến của bạn được ghi lại đúng như bạn viết');
      await shot(page, 'trust-citizen-form-360');
    } finally {
      await context.close();
    }
  });

  it('self-examination: one banner for the unconfirmed checklist, counts as "27 biểu hiện + 10 nội dung nêu gương", no empty text for CT6', async () => {
    const as = await sessionAs('bithu.luuquang');
    const mine = await as<MySelfExam>('GET', '/api/me/self-examination');
    const drafts = new Set(mine.selfExaminations.filter((e) => e.status === 'draft').map((e) => e.id));
    const usable = mine.suggested.find((s) => s.existingId === null || drafts.has(s.existingId));
    expect(usable, 'a period this member may write in').toBeDefined();
    const id =
      usable!.existingId ??
      (await as<{ id: string }>('POST', '/api/self-examinations', { periodKind: usable!.periodKind, year: usable!.year, ...(usable!.quarter ? { quarter: usable!.quarter } : {}), ...(usable!.meetingId ? { meetingId: usable!.meetingId } : {}) })).id;
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.luuquang');
      await page.goto(`${baseUrl()}/self-examinations/${id}`);
      await page.getByRole('group', { name: /^CT1 / }).waitFor();
      const banner = page.getByText(/^Danh mục đang chờ đối chiếu với văn bản chính thức: \d+ biểu hiện \+ \d+ nội dung nêu gương chưa được Đảng ủy xác nhận/);
      expect(await banner.count()).toBe(1);
      expect(await page.getByText('Chưa đối chiếu văn bản chính thức', { exact: true }).count()).toBe(0);
      const ct6 = page.getByRole('group', { name: /^CT6 / });
      expect(await ct6.locator('.ts-se-mark-text').count()).toBe(0);
      expect(await page.getByRole('group', { name: /^CT1 / }).locator('.ts-se-mark-text').count()).toBe(1);
      await shot(page, 'trust-selfexam-360');
      await page.getByRole('button', { name: 'Nộp bản tự soi' }).click();
      await page.getByText(/^Còn (\d+ biểu hiện \+ )?\d+ nội dung nêu gương chưa chọn mức\. Hãy chọn đủ 27 biểu hiện \+ 10 nội dung nêu gương rồi nộp\.$/).waitFor();
      await shot(page, 'trust-selfexam-submit-360');
    } finally {
      await context.close();
    }
  });

  it('meeting score tab names the rubric and its document, never a file', async () => {
    const secretary = await apiAs('bithu.dongthu');
    const cellId = (await secretary<Me>('/api/me')).member!.unitId;
    const meetings = await secretary<{ items: { id: string; scoreTotal: number | null }[] }>(`/api/units/${cellId}/meetings?from=2022-04-01&to=2022-04-30`);
    const scored = meetings.items.find((m) => m.scoreTotal !== null);
    expect(scored, 'the April 2022 meeting was scored').toBeDefined();
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dongthu');
      await page.goto(`${baseUrl()}/meetings/${scored!.id}?tab=score`);
      await page.getByText(/^Văn bản: Bản mẫu của ứng dụng Tự Soi/).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(FILE_PATH);
      await shot(page, 'trust-meeting-score-360');
    } finally {
      await context.close();
    }
  });
});
