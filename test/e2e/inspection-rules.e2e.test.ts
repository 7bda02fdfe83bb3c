import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { newPage, PHONE, shot, signIn } from './helpers.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const section = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

describe('the committee keeps the inspection rules (QĐ 296) from a phone', () => {
  it('bithu.dangbo confirms a discipline form and corrects the days off of 2027 at 360 px', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dangbo');
      await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quy định kiểm tra, giám sát' }).click();
      await page.getByRole('heading', { name: 'Quy định kiểm tra, giám sát', level: 1 }).waitFor();

      // Thematic supervision: its steps in order with their working days, the limit with its extension.
      const kinds = section(page, 'Các loại việc kiểm tra, giám sát');
      const thematic = kinds.locator('li[data-code="supervision_thematic"]');
      await thematic.getByText('Giám sát chuyên đề', { exact: true }).waitFor();
      await thematic.getByText(/Thời hạn chung: 20 ngày làm việc.*gia hạn không quá 6 ngày làm việc/).waitFor();
      await thematic.getByText('Chưa đối chiếu văn bản chính thức', { exact: true }).waitFor();

      // Confirm the first discipline form not yet checked.
      const forms = section(page, 'Các hình thức kỷ luật đảng viên');
      const confirmButton = forms.getByRole('button', { name: /^Xác nhận đã đối chiếu: / }).first();
      const formName = (await confirmButton.getAttribute('aria-label'))!.replace('Xác nhận đã đối chiếu: ', '');
      await confirmButton.click();
      const confirmDialog = page.getByRole('dialog', { name: `Xác nhận đã đối chiếu: ${formName}` });
      await confirmDialog.getByLabel('Ghi chú (không bắt buộc)').fill('Đối chiếu Điều lệ Đảng, Điều 35');
      await confirmDialog.getByRole('button', { name: 'Xác nhận', exact: true }).click();
      await page.getByRole('status').getByText(`Đã xác nhận “${formName}” khớp văn bản chính thức.`).waitFor();
      const form = forms.getByRole('listitem').filter({ has: page.getByText(formName, { exact: true }) });
      await form.getByText('Đã đối chiếu', { exact: true }).waitFor();
      await form.getByText(/Đối chiếu bởi .+ lúc \d{2}\/\d{2}\/\d{4}/).waitFor();
      expect(await form.getByRole('button', { name: /^Xác nhận đã đối chiếu/ }).count()).toBe(0);

      // 2027: a day of another year comes back from the server at the days-off field.
      const holidays = section(page, 'Ngày nghỉ lễ, Tết');
      await holidays.getByRole('button', { name: 'Sửa Ngày nghỉ lễ, Tết năm 2027' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sửa ngày nghỉ năm 2027' });
      const days = dialog.getByLabel('Các ngày nghỉ');
      const before = await days.inputValue();
      expect(before.split('\n')[0]).toBe('01/01/2027');
      await days.fill(`${before}\n01/01/2028`);
      await dialog.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await dialog.getByText('Vui lòng nhập trường này.').waitFor();
      await dialog.getByLabel('Lý do').fill('Thông báo nghỉ lễ, Tết năm 2027');
      await dialog.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await dialog.getByText('Ngày 01/01/2028: ngày phải thuộc năm 2027').waitFor();
      await expect(days.getAttribute('aria-invalid')).resolves.toBe('true');
      await shot(page, 'inspection-rules-holidays-error-phone');

      // Corrected: the stray day out, the last day of the year in (a Friday).
      await days.fill(`${before}\n31/12/2027`);
      await dialog.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await page.getByRole('status').getByText(/^Đã sửa “Ngày nghỉ lễ, Tết năm 2027”: quy định sang phiên bản \d+\.$/).waitFor();
      const year = holidays.locator('li[data-year="2027"]');
      await year.getByText('Chưa đối chiếu văn bản chính thức', { exact: true }).waitFor();
      // Only the current year's days are open at first.
      if ((await year.locator('details').getAttribute('open')) === null) await year.locator('summary').click();
      await year.getByText('Thứ Sáu 31/12/2027').waitFor();
      await section(page, 'Các phiên bản của quy định').getByText(/Ngày nghỉ lễ, Tết năm 2027: Thông báo nghỉ lễ, Tết năm 2027/).waitFor();

      expect(await page.evaluate('document.documentElement.scrollWidth > window.innerWidth')).toBe(false);
      await shot(page, 'inspection-rules-phone');
    } finally {
      await context.close();
    }
  });
});
