import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, SHOTS_DIR, signIn } from './helpers.js';

interface TreeNode { id: string; name: string; children: TreeNode[] }
interface MemberList { items: { id: string; fullName: string; birthYear: number | null }[] }
interface AccountList { items: { username: string; memberId: string | null }[] }

const DEMO_ACCOUNTS = ['bithu.dangbo', 'ubkt', 'vanphong', 'bithu.dongthu', 'dangvien.dongthu', 'bithu.luuquang'];
const DONG_THU = 'Chi bộ thôn Đồng Thứ';
const HAND_OVER =
  'Trao mật khẩu tạm thời này cho người dùng. Họ phải đổi mật khẩu khi đăng nhập lần đầu. Mật khẩu sẽ không hiển thị lại.';
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

/** Picks a unit in a native select by the unit's name (option labels are indented "name (kind)"). */
async function selectUnit(select: Locator, name: string): Promise<void> {
  const value = await select.locator('option', { hasText: `${name} (` }).first().getAttribute('value');
  expect(value, `option ${name}`).toBeTruthy();
  await select.selectOption(value!);
}

async function openAccountsFromNavigation(page: Page, phone = false): Promise<void> {
  if (phone) await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).click();
  await page.getByRole('heading', { name: 'Tài khoản', level: 1 }).waitFor();
  await page.getByText(/Tổng số: \d+ tài khoản/).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Tài khoản:/ }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

/** The one-time password as the page shows it. */
async function temporaryPassword(dialog: Locator): Promise<string> {
  const box = dialog.getByLabel(/^Mật khẩu tạm thời/);
  await box.waitFor();
  const text = (await box.textContent())?.trim() ?? '';
  expect(text).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{4}$/);
  return text;
}

describe('the office manages accounts', () => {
  it('vanphong creates an account for a Đồng Thứ member; the person signs in, must change the password, then sees Đồng Thứ', async () => {
    // A Đồng Thứ member who has no account yet.
    const api = await apiAs('vanphong');
    const { roots } = await api<{ roots: TreeNode[] }>('/api/units');
    const dongThu = roots[0]!.children.find((c) => c.name === DONG_THU)!;
    const linked = new Set((await api<AccountList>('/api/accounts?pageSize=100')).items.map((a) => a.memberId));
    const { items } = await api<MemberList>(`/api/units/${dongThu.id}/members?pageSize=100`);
    const member = items.find((m) => !linked.has(m.id))!;
    const username = `chiuy.${RUN}`;

    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'vanphong');
      await openAccountsFromNavigation(page);
      const table = page.getByRole('table');
      for (const name of DEMO_ACCOUNTS) await expect(table.getByText(name, { exact: true }).isVisible()).resolves.toBe(true);
      await shot(page, 'accounts-list-desktop');

      // Search runs on the server and ignores diacritics: "dong thu" finds the Đồng Thứ accounts.
      await page.getByLabel('Tìm tài khoản').fill('dong thu');
      await page.getByText('Tổng số: 2 tài khoản').waitFor();
      await expect(table.getByText('bithu.dongthu', { exact: true }).isVisible()).resolves.toBe(true);
      await expect(table.getByText('dangvien.dongthu', { exact: true }).isVisible()).resolves.toBe(true);
      await page.getByLabel('Tìm tài khoản').fill('');
      await page.getByText(/Tổng số: (6|[7-9]|\d\d+) tài khoản/).waitFor();

      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản' });
      await dialog.getByLabel('Tên đăng nhập').fill(username);
      await selectUnit(dialog.getByLabel('Đơn vị quản lý'), DONG_THU);
      // The member picker searches the managing unit's members (typed without diacritics).
      const picker = dialog.getByLabel('Đảng viên', { exact: true });
      await picker.click();
      await picker.fill(member.fullName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase());
      await page.getByRole('option', { name: new RegExp(`^${member.fullName}`) }).click();
      await expect(dialog.getByLabel('Họ và tên hiển thị').inputValue()).resolves.toBe(member.fullName);
      const row = dialog.getByRole('group', { name: 'Vai trò 1' });
      await row.getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Chi ủy viên' });
      // The role's unit starts at the managing unit.
      await expect(row.getByLabel('Tại đơn vị').inputValue()).resolves.toBe(dongThu.id);
      await dialogShot(page, 'accounts-create-desktop');
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();

      const done = page.getByRole('dialog', { name: `Đã tạo tài khoản ${username}` });
      const password = await temporaryPassword(done);
      await done.getByText(HAND_OVER).waitFor();
      await dialogShot(page, 'accounts-created-desktop');
      await done.getByRole('button', { name: 'Đóng', exact: true }).click();
      await done.waitFor({ state: 'hidden' });

      // The list has refreshed: the new account, its role and the must-change badge.
      const newRow = table.getByRole('row').filter({ hasText: username });
      await newRow.waitFor();
      await newRow.getByText('Chi ủy viên · Chi bộ thôn Đồng Thứ').waitFor();
      await newRow.getByText('Phải đổi mật khẩu').waitFor();

      await signOut(page);
      await signIn(page, username, password);
      const change = page.getByRole('dialog', { name: 'Đổi mật khẩu' });
      await change.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor();
      await dialogShot(page, 'accounts-first-sign-in');
      const newPassword = `mat-khau-moi-${RUN}`;
      await change.getByLabel('Mật khẩu hiện tại').fill(password);
      await change.getByLabel('Mật khẩu mới', { exact: true }).fill(newPassword);
      await change.getByLabel('Nhập lại mật khẩu mới').fill(newPassword);
      await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      await change.getByText('Đã đổi mật khẩu thành công.').waitFor();
      await change.getByRole('button', { name: 'Đóng', exact: true }).click();
      // The temporary-password notice is gone once the server knows.
      await page.getByText('Bạn đang dùng mật khẩu tạm thời').waitFor({ state: 'hidden' });

      await page.goto(`${baseUrl()}/units`);
      const tree = page.getByRole('list', { name: 'Cây tổ chức' });
      await tree.getByText(DONG_THU, { exact: true }).waitFor();
      expect(await tree.getByText('Chi bộ thôn Lưu Quang', { exact: true }).count()).toBe(0);
      // A cell committee member manages no accounts.
      expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);

      // The new password works; the temporary one no longer does.
      await signOut(page);
      await signIn(page, username, newPassword);
      const stale = await page.evaluate(
        async ([u, p]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) })).status,
        [username, password],
      );
      expect(stale).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('on a 360-px phone: a taken username is named beside its field; then create, reset the password, lock', async () => {
    const username = `vanthu.${RUN}`;
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'vanphong');
      await openAccountsFromNavigation(page, true);
      await page.getByRole('list').filter({ hasText: 'vanphong' }).first().waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
      expect(overflow).toBe(false);
      await shot(page, 'accounts-list-phone');

      await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tạo tài khoản' });
      await dialog.getByLabel('Tên đăng nhập').fill('vanphong');
      await dialog.getByLabel('Họ và tên hiển thị').fill('Văn thư Đảng ủy');
      await selectUnit(dialog.getByLabel('Đơn vị quản lý'), 'Đảng bộ xã Minh Quang');
      await dialog.getByRole('group', { name: 'Vai trò 1' }).getByLabel('Vai trò', { exact: true }).selectOption({ label: 'Văn phòng' });
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
      // 409 from the server, shown under the username.
      await dialog.getByText(/Tên đăng nhập.*đã tồn tại/).first().waitFor();
      await expect(dialog.getByLabel('Tên đăng nhập').getAttribute('aria-invalid')).resolves.toBe('true');
      await dialog.getByLabel('Tên đăng nhập').scrollIntoViewIfNeeded();
      await dialogShot(page, 'accounts-create-phone-error');

      // A second role row, then removed again; one row cannot be removed.
      await dialog.getByRole('button', { name: 'Thêm vai trò' }).click();
      await dialog.getByRole('group', { name: 'Vai trò 2' }).waitFor();
      await dialog.getByRole('button', { name: 'Bỏ vai trò 2' }).click();
      expect(await dialog.getByRole('group', { name: 'Vai trò 2' }).count()).toBe(0);
      await expect(dialog.getByRole('button', { name: 'Bỏ vai trò 1' }).isDisabled()).resolves.toBe(true);
      await dialogShot(page, 'accounts-create-phone-roles');

      await dialog.getByLabel('Tên đăng nhập').fill(username);
      await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
      const done = page.getByRole('dialog', { name: `Đã tạo tài khoản ${username}` });
      const first = await temporaryPassword(done);
      await done.getByText(HAND_OVER).waitFor();
      await dialogShot(page, 'accounts-created-phone');
      await done.getByRole('button', { name: 'Đóng', exact: true }).click();

      // Reset: confirm, then a different one-time password.
      await page.getByLabel('Tìm tài khoản').fill(username);
      await page.getByText('Tổng số: 1 tài khoản').waitFor();
      await page.getByRole('button', { name: `Đặt lại mật khẩu của ${username}` }).click();
      const reset = page.getByRole('dialog', { name: 'Đặt lại mật khẩu' });
      await reset.getByText(/bị đăng xuất khỏi mọi thiết bị/).waitFor();
      await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      const resetDone = page.getByRole('dialog', { name: `Đã đặt lại mật khẩu của ${username}` });
      const second = await temporaryPassword(resetDone);
      expect(second).not.toBe(first);
      await dialogShot(page, 'accounts-reset-phone');
      await resetDone.getByRole('button', { name: 'Đóng', exact: true }).click();

      // Lock: the switch explains it signs the person out everywhere.
      await page.getByRole('button', { name: `Sửa tài khoản ${username}` }).click();
      const edit = page.getByRole('dialog', { name: `Sửa tài khoản ${username}` });
      await edit.getByText('Người dùng bị đăng xuất ngay trên mọi thiết bị').waitFor();
      await edit.getByRole('switch', { name: 'Khóa tài khoản' }).check();
      await dialogShot(page, 'accounts-edit-phone');
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText(`Đã lưu tài khoản ${username}.`).waitFor();
      await page.getByRole('listitem').filter({ hasText: username }).getByText('Đã khóa').waitFor();
      const login = await page.evaluate(
        async ([u, p]) => (await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: u, password: p }) })).status,
        [username, second],
      );
      expect(login).toBe(401);
    } finally {
      await context.close();
    }
  });
});

describe('only the office and the committee manage accounts', () => {
  it('the party committee has the navigation item', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'bithu.dangbo');
      await openAccountsFromNavigation(page);
    } finally {
      await context.close();
    }
  });

  it('an ordinary member has no "Tài khoản" item, and /accounts says they may not', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'dangvien.dongthu');
      await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: 'Trang chủ' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
      await page.goto(`${baseUrl()}/accounts`);
      await page.getByRole('heading', { name: 'Không có quyền truy cập', level: 1 }).waitFor();
      await page.getByText('Tài khoản của bạn không có quyền xem nội dung này.', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Tạo tài khoản' }).count()).toBe(0);
      await shot(page, 'accounts-forbidden-phone');
    } finally {
      await context.close();
    }
  });
});
