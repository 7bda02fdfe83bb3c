import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { addDays, apiAs, baseUrl, ddmmyyyy, newPage, PHONE, shot, signIn, vietnamToday } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The options of a select, as their labels. */
const optionLabels = (page: Page, name: string) => page.getByRole('combobox', { name }).locator('option').allTextContents();

describe('discipline on the member page', () => {
  it('the UBKT records a decision from a phone, offered only the forms the body may give, the server\'s refusals shown at their fields; the member reads it on their own page', async () => {
    const me = await (await apiAs('dangvien.dongthu'))<{ member: { id: string } | null }>('/api/me');
    const memberUrl = `${baseUrl()}/members/${me.member!.id}`;
    const today = vietnamToday();
    const reason = `Không tham gia sinh hoạt chi bộ ba kỳ liền không có lý do (${Date.now().toString(36)})`;

    const ubkt = await newPage(browser, PHONE);
    try {
      const { page } = ubkt;
      await signIn(page, 'ubkt');
      await page.goto(memberUrl);
      const section = page.getByRole('region', { name: 'Kỷ luật' });
      await section.waitFor();
      await section.getByRole('button', { name: 'Ghi quyết định kỷ luật' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Cơ quan quyết định' }).waitFor();

      // The bodies over this member, the UBKT's own first: the commune's UBKT and committee, and the cell itself.
      const bodies = await optionLabels(page, 'Cơ quan quyết định');
      expect(bodies).toEqual(['Ủy ban kiểm tra — Đảng bộ xã Minh Quang', 'Cấp ủy — Đảng bộ xã Minh Quang', 'Chi bộ — Chi bộ thôn Đồng Thứ']);
      // The member holds no post: no cách chức, whichever body; the cell only reprimands or warns.
      await dialog.getByRole('combobox', { name: 'Cơ quan quyết định' }).selectOption({ label: 'Ủy ban kiểm tra — Đảng bộ xã Minh Quang' });
      expect(await optionLabels(page, 'Hình thức kỷ luật')).toEqual(['Khiển trách', 'Cảnh cáo', 'Khai trừ']);
      await dialog.getByRole('combobox', { name: 'Cơ quan quyết định' }).selectOption({ label: 'Chi bộ — Chi bộ thôn Đồng Thứ' });
      expect(await optionLabels(page, 'Hình thức kỷ luật')).toEqual(['Khiển trách', 'Cảnh cáo']);
      await dialog.getByRole('combobox', { name: 'Cơ quan quyết định' }).selectOption({ label: 'Ủy ban kiểm tra — Đảng bộ xã Minh Quang' });
      await dialog.getByRole('combobox', { name: 'Hình thức kỷ luật' }).selectOption({ label: 'Khiển trách' });

      // Dated tomorrow, effective before that: the server names both dates, shown at their fields.
      await dialog.getByLabel(/^Số quyết định/).fill('07-QĐ/UBKT');
      await dialog.getByLabel(/^Ngày quyết định/).fill(addDays(today, 1));
      await dialog.getByLabel(/^Ngày có hiệu lực/).fill(today);
      await dialog.getByLabel(/^Lý do kỷ luật/).fill(reason);
      await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
      const decidedOn = dialog.getByLabel(/^Ngày quyết định/);
      await expect.poll(() => decidedOn.getAttribute('aria-invalid')).toBe('true');
      await dialog.getByText(/ngày quyết định không được sau hôm nay/).waitFor();
      await dialog.getByText(/ngày có hiệu lực không được trước ngày quyết định/).waitFor();
      expect(await dialog.getByLabel(/^Ngày có hiệu lực/).getAttribute('aria-invalid')).toBe('true');
      await shot(page, 'discipline-form-errors-360');

      await decidedOn.fill(today);
      await dialog.getByRole('button', { name: 'Ghi quyết định' }).click();
      await section.getByText('Đã ghi quyết định kỷ luật.').waitFor();
      const card = section.getByRole('listitem').filter({ hasText: reason });
      await card.getByRole('heading', { name: 'Khiển trách' }).waitFor();
      await card.getByText('Ủy ban kiểm tra — Đảng bộ xã Minh Quang').waitFor();
      await card.getByText('07-QĐ/UBKT').waitFor();
      await shot(page, 'discipline-recorded-ubkt-360');
    } finally {
      await ubkt.context.close();
    }

    // The member, on their phone, reads their own record and may record nothing.
    const member = await newPage(browser, PHONE);
    try {
      const { page } = member;
      await signIn(page, 'dangvien.dongthu');
      await page.goto(memberUrl);
      const section = page.getByRole('region', { name: 'Kỷ luật' });
      const card = section.getByRole('listitem').filter({ hasText: reason });
      await card.getByRole('heading', { name: 'Khiển trách' }).waitFor();
      await card.getByText(ddmmyyyy(today)).first().waitFor();
      expect(await section.getByRole('button', { name: 'Ghi quyết định kỷ luật' }).count()).toBe(0);
      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
      await shot(page, 'discipline-own-record-360');
    } finally {
      await member.context.close();
    }
  });
});
