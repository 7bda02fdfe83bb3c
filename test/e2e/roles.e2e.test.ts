import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn } from './helpers.js';

interface TreeNode { id: string; name: string; children: TreeNode[] }
interface MemberList { items: { id: string; fullName: string }[] }

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What each demo account must and must not see in the unit tree. */
const treeExpectations: Record<string, { sees: string[]; hidden: string[] }> = {
  'bithu.dangbo': { sees: ['Đảng bộ xã Minh Quang', 'Chi bộ thôn Đồng Thứ', 'Chi bộ thôn Lưu Quang'], hidden: [] },
  ubkt: { sees: ['Đảng bộ xã Minh Quang', 'Chi bộ thôn Đồng Thứ', 'Chi bộ thôn Lưu Quang'], hidden: [] },
  vanphong: { sees: ['Đảng bộ xã Minh Quang', 'Chi bộ thôn Đồng Thứ', 'Chi bộ thôn Lưu Quang'], hidden: [] },
  'bithu.dongthu': { sees: ['Chi bộ thôn Đồng Thứ'], hidden: ['Chi bộ thôn Lưu Quang', 'Đảng bộ xã Minh Quang'] },
  'dangvien.dongthu': { sees: ['Chi bộ thôn Đồng Thứ'], hidden: ['Chi bộ thôn Lưu Quang', 'Đảng bộ xã Minh Quang'] },
  'bithu.luuquang': { sees: ['Chi bộ thôn Lưu Quang'], hidden: ['Chi bộ thôn Đồng Thứ', 'Đảng bộ xã Minh Quang'] },
};

describe('each demo account sees only what its role allows', () => {
  for (const [username, expected] of Object.entries(treeExpectations)) {
    it(`${username}: unit tree`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await signIn(page, username);
        await page.goto(`${baseUrl()}/units`);
        const tree = page.getByRole('list', { name: 'Cây tổ chức' });
        await tree.waitFor();
        for (const name of expected.sees) await expect(tree.getByText(name, { exact: true }).first().isVisible()).resolves.toBe(true);
        for (const name of expected.hidden) expect(await tree.getByText(name, { exact: true }).count()).toBe(0);
        await shot(page, `units-${username}`);
      } finally {
        await context.close();
      }
    });
  }

  it('member page: the committee and inspection see the change history; the office edits but does not see it', async () => {
    const api = await apiAs('bithu.dangbo');
    const { roots } = await api<{ roots: TreeNode[] }>('/api/units');
    const dongThu = roots[0]!.children.find((c) => c.name === 'Chi bộ thôn Đồng Thứ')!;
    const { items } = await api<MemberList>(`/api/units/${dongThu.id}/members?pageSize=1`);
    const member = items[0]!;
    const cases: [string, { history: boolean; edit: boolean }][] = [
      ['bithu.dangbo', { history: true, edit: true }],
      ['ubkt', { history: true, edit: false }],
      ['vanphong', { history: false, edit: true }],
      ['bithu.dongthu', { history: false, edit: false }],
      ['dangvien.dongthu', { history: false, edit: false }],
    ];
    for (const [username, can] of cases) {
      const { context, page } = await newPage(browser);
      try {
        await signIn(page, username);
        await page.goto(`${baseUrl()}/members/${member.id}`);
        await page.getByRole('heading', { name: member.fullName, level: 1 }).waitFor();
        if (can.history) await page.getByRole('heading', { name: 'Lịch sử thay đổi' }).waitFor();
        expect(await page.getByRole('heading', { name: 'Lịch sử thay đổi' }).count(), `${username} history`).toBe(can.history ? 1 : 0);
        expect(await page.getByRole('button', { name: 'Sửa hồ sơ' }).count(), `${username} edit`).toBe(can.edit ? 1 : 0);
        if (username === 'ubkt') await shot(page, 'member-ubkt');
      } finally {
        await context.close();
      }
    }
  });
});

describe('a cell secretary finds members typing without diacritics', () => {
  it('"nguyen van" and "NGUYỄN VĂN" find the same Nguyễn Văn … members of Đồng Thứ', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dongthu');
      const api = await apiAs('bithu.dongthu');
      const me = await api<{ member: { unitId: string } }>('/api/me');
      await page.goto(`${baseUrl()}/units/${me.member.unitId}`);
      await page.getByRole('heading', { name: 'Chi bộ thôn Đồng Thứ', level: 1 }).waitFor();
      const search = page.getByLabel('Tìm đảng viên');
      const expected = await api<MemberList & { total: number }>(`/api/units/${me.member.unitId}/members?q=${encodeURIComponent('Nguyễn Văn')}`);
      expect(expected.total).toBeGreaterThan(0);
      const names = expected.items.map((m) => m.fullName);
      const searchShows = async (typed: string) => {
        await search.fill(typed);
        // The search is debounced: wait until the list shows this search's total, then its names.
        await page.getByRole('status').filter({ hasText: `Tổng số: ${expected.total} đảng viên` }).waitFor();
        for (const name of names) await page.getByRole('link', { name, exact: true }).first().waitFor();
      };
      await searchShows('nguyen van');
      // Something that matches nobody in between, so the next search cannot pass on stale results.
      await search.fill('khong co ai ten nay');
      await page.getByText('Không tìm thấy đảng viên nào.').waitFor();
      await searchShows('NGUYỄN VĂN');
      await shot(page, 'search-phone-bithu.dongthu');
      // And the whole cell by its name typed plainly, from the commune level as well.
      await search.fill('dong thu');
      // The search is debounced: wait for the new total rather than reading the old one.
      await page.getByRole('status').filter({ hasText: 'Tổng số: 24 đảng viên' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('scope is enforced in the browser too', () => {
  it('an ordinary member opening another cell\'s member page sees "Không tìm thấy"', async () => {
    const api = await apiAs('bithu.luuquang');
    const me = await api<{ member: { unitId: string } }>('/api/me');
    const { items } = await api<MemberList>(`/api/units/${me.member.unitId}/members?pageSize=1`);
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'dangvien.dongthu');
      await page.goto(`${baseUrl()}/members/${items[0]!.id}`);
      await page.getByRole('heading', { name: 'Không tìm thấy' }).waitFor();
      expect(await page.getByText(items[0]!.fullName).count()).toBe(0);
      await shot(page, 'not-found-phone');
    } finally {
      await context.close();
    }
  });

  it('signing out returns to the login page and the session no longer works', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'ubkt');
      await page.getByRole('button', { name: /Tài khoản:/ }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
      const status = await page.evaluate(async () => (await fetch('/api/me')).status);
      expect(status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('the login page works on a 360-px phone and says why a wrong password fails', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await page.goto(baseUrl());
      await page.getByLabel('Tên đăng nhập').fill('dangvien.dongthu');
      await page.getByLabel('Mật khẩu', { exact: true }).fill('sai-mat-khau');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth > window.innerWidth');
      expect(overflow).toBe(false);
      await shot(page, 'login-phone-error');
    } finally {
      await context.close();
    }
  });

  it('switching to English changes the interface and is remembered on the account', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'bithu.luuquang');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('button', { name: /Account:/ }).waitFor();
      await page.waitForLoadState('networkidle');
      const locale = await page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { account: { locale: string } }).account.locale);
      expect(locale).toBe('en');
      await shot(page, 'home-english-bithu.luuquang');
      // Lazy pages fetch their own English words with their chunk and show none of their keys.
      for (const [link, heading] of [
        ['Work', 'Work'],
        ['Cell self-examination board', 'Self-examination and correction'],
        ['Local issues', 'Outstanding local issues'],
      ] as const) {
        await page.locator('#ts-nav').getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('main').innerText()).not.toMatch(/\b(tasks|selfexam|localissues|commitments)\.[a-zA-Z_]/);
      }
      await shot(page, 'local-issues-english-bithu.luuquang');
      await page.getByRole('button', { name: 'Tiếng Việt' }).click();
      await page.getByRole('button', { name: /Tài khoản:/ }).waitFor();
    } finally {
      await context.close();
    }
  });
});
