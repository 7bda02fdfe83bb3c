import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn } from './helpers.js';

interface IssueList {
  items: { id: string; title: string; confirmations: { confirmed: number; disputed: number } }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Text a script would run if the page ever interpreted it. */
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

describe('a citizen raises a problem without an account and sees it answered and resolved', () => {
  it('sends from a phone, gets a code; the committee links it to Lồng Chấy and answers; the citizen reads the answer and confirms the resolution', async () => {
    const committee = await apiAs('bithu.dangbo');
    const me = await committee<{ roles: { role: string; unitId: string }[] }>('/api/me');
    const communeId = me.roles.find((r) => r.role === 'party_committee')!.unitId;
    const longChay = (await committee<IssueList>(`/api/local-issues?unitId=${communeId}&q=long%20chay`)).items[0]!;
    const before = longChay.confirmations.confirmed;
    const words = `Gia đình tôi ở khu Lồng Chấy đã nhận đất dịch vụ ${Date.now().toString(36)}. ${XSS}`;

    // 1. The citizen, on a phone, with no account.
    const citizen = await newPage(browser, PHONE);
    let code: string;
    try {
      const { page } = citizen;
      await page.goto(`${baseUrl()}/y-kien`);
      await page.getByTestId('feedback-form').waitFor();
      await page.getByLabel('Họ và tên').fill('Phạm Văn Dân');
      await page.getByLabel('Số điện thoại').fill('0912 777 888');
      await page.getByTestId('feedback-village').click();
      await page.getByTestId('feedback-village').fill('Đồng Thứ');
      await page.getByRole('option', { name: 'Đồng Thứ' }).click();
      await page.getByTestId('feedback-topic').selectOption({ label: 'Quản lý đất đai' });
      await page.getByTestId('feedback-content').fill(words);
      await page.getByTestId('feedback-counter').filter({ hasText: `${words.length}/5000` }).waitFor();
      await page.getByTestId('feedback-consent').check();
      await shot(page, 'citizen-feedback-form-phone');
      // A person takes more than the form's few seconds; a robot posting at once is refused.
      await page.waitForTimeout(3200);
      await page.getByTestId('feedback-submit').click();
      const receipt = page.getByTestId('feedback-receipt');
      await receipt.waitFor();
      code = (await page.getByTestId('tracking-code').textContent())!.trim();
      expect(code).toMatch(/^[2-9ACDEGHKMNPRSTUVXY]{4}-[2-9ACDEGHKMNPRSTUVXY]{4}-[2-9ACDEGHKMNPRSTUVXY]{4}$/);
      await shot(page, 'citizen-feedback-code-phone');
    } finally {
      await citizen.context.close();
    }

    // 2. The committee finds it in the inbox, links it to the Lồng Chấy issue and answers.
    const staff = await newPage(browser, DESKTOP);
    try {
      const { page } = staff;
      await signIn(page, 'bithu.dangbo');
      await page.goto(`${baseUrl()}/citizen-feedback`);
      const card = page.locator('article').filter({ hasText: 'Phạm Văn Dân' }).or(page.locator('article').filter({ hasText: words.slice(0, 60) })).first();
      await card.getByRole('link').first().click();
      await page.getByTestId('feedback-detail-content').waitFor();
      // The script is shown as the citizen wrote it, and nothing ran.
      expect(await page.getByTestId('feedback-detail-content').textContent()).toContain('<script>window.__xss=1</script>');
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      await page.getByText('0912 777 888').first().waitFor();
      await page.getByTestId('triage-action').selectOption('link');
      await page.getByTestId('triage-link-issue').click();
      await page.getByRole('option', { name: longChay.title }).click();
      await page.getByTestId('triage-submit').click();
      await page.getByText(longChay.title).first().waitFor();
      await page.getByTestId('answer-text').fill('Ngày 20/5/2023 xã đã giao đất dịch vụ cho các hộ khu Lồng Chấy; đề nghị ông xác nhận kết quả.');
      await page.getByTestId('answer-submit').click();
      await page.getByText('Đã trả lời').first().waitFor();
      await shot(page, 'citizen-feedback-triaged');
    } finally {
      await staff.context.close();
    }

    // 3. The citizen checks with the code, reads the answer and confirms the resolution.
    const back = await newPage(browser, PHONE);
    try {
      const { page } = back;
      await page.goto(`${baseUrl()}/y-kien/tra-cuu`);
      await page.getByTestId('tracking-code-input').fill(code.toLowerCase().replace(/-/g, ' '));
      await page.getByTestId('tracking-submit').click();
      await page.getByTestId('tracking-answer').filter({ hasText: 'đã giao đất dịch vụ cho các hộ khu Lồng Chấy' }).waitFor();
      expect(await page.getByTestId('tracking-content').textContent()).toContain(XSS);
      expect(await page.locator('[data-testid="tracking-content"] img, [data-testid="tracking-content"] script').count()).toBe(0);
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      await page.getByTestId('tracking-issue').filter({ hasText: longChay.title }).waitFor();
      await page.getByTestId('confirm-comment').fill('Gia đình đã nhận đất, cảm ơn xã.');
      await page.getByTestId('confirm-button').click();
      await page.getByTestId('my-decision').waitFor();
      await shot(page, 'citizen-feedback-confirmed-phone');
    } finally {
      await back.context.close();
    }
    const after = (await committee<IssueList>(`/api/local-issues?unitId=${communeId}&q=long%20chay`)).items[0]!;
    expect(after.confirmations.confirmed).toBe(before + 1);
  });
});
