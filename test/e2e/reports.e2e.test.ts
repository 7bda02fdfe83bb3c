import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn } from './helpers.js';

interface TreeNode { id: string; name: string; children: TreeNode[] }
interface Rates { expected: number; present: number; late: number; punctualityRate: number | null }
interface MemberStats { total: Rates; meetings: { meetingId: string; status: string; lateMinutes: number | null }[] }
interface UnitStats { total: Rates; months: (Rates & { month: string })[]; cells: (Rates & { unitId: string; unitName: string })[] }
interface Me { member: { id: string; fullName: string } | null }

const YEAR_2022 = 'from=2022-01-01&to=2022-12-31';
/** This year in Vietnam. */
const THIS_YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

let browser: Browser;
let commune: TreeNode;
let dongThu: TreeNode;
beforeAll(async () => {
  browser = await launchChromium();
  const api = await apiAs('bithu.dangbo');
  const { roots } = await api<{ roots: TreeNode[] }>('/api/units');
  commune = roots[0]!;
  dongThu = commune.children.find((c) => c.name === 'Chi bộ thôn Đồng Thứ')!;
});
afterAll(async () => {
  await browser?.close();
});

/** "92,5 %" → 0.925 (the UI writes vi-VN percentages with a no-break space). */
function rate(text: string): number {
  return Number(text.replace(/[\s\u00a0%]/g, '').replace(',', '.')) / 100;
}

/** A "vi-VN" percentage as the UI writes it, to compare with the API's rate. */
function percent(r: number): string {
  let v = Math.round(r * 1000) / 10;
  if (v >= 100 && r < 1) v = 99.9;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v)}\u00a0%`;
}

/** The rows of a table as text: each row's cells (th and td), whitespace squeezed. */
async function rows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
  );
}

describe('attendance reports', () => {
  it('a member opens their own page on a phone and sees their punctuality for 2022 with the meetings', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'dangvien.dongthu');
      const me = await (await apiAs('dangvien.dongthu'))<Me>('/api/me');
      const stats = await (await apiAs('dangvien.dongthu'))<MemberStats>(`/api/members/${me.member!.id}/attendance-stats?${YEAR_2022}`);

      // The home card leads to the member's own page.
      const card = page.getByRole('region', { name: 'Sinh hoạt chi bộ' });
      await card.waitFor();
      await card.getByRole('link', { name: 'Xem chuyên cần của tôi' }).click();
      await page.getByRole('heading', { name: me.member!.fullName, level: 1 }).waitFor();

      const section = page.getByRole('region', { name: 'Chuyên cần của tôi' });
      await section.getByLabel('Kỳ báo cáo').selectOption('2022');
      await section.locator('.ts-rp-body').getByText('Năm 2022', { exact: true }).waitFor();

      if (stats.meetings.length === 0) {
        // The demo member joined the Party in 2025: nothing to count in 2022, and the page says so.
        await section.getByText('Chưa có buổi sinh hoạt nào trong kỳ này.').waitFor();
      } else {
        await section.getByRole('heading', { name: 'Các buổi sinh hoạt' }).waitFor();
        const figures = section.locator('.ts-rp-figure').filter({ hasText: 'Tỷ lệ đúng giờ' });
        await expect(figures.locator('.ts-rp-figure-value').textContent()).resolves.toBe(
          stats.total.punctualityRate === null ? 'Chưa có số liệu' : percent(stats.total.punctualityRate),
        );
        const links = section.locator('.ts-rp-meetings a[href^="/meetings/"]');
        expect(await links.count()).toBe(stats.meetings.length);
      }
      await shot(page, 'reports-member-self-phone');
    } finally {
      await context.close();
    }
  });

  it('a member with meetings in 2022 (the Đồng Thứ secretary) sees each one with how she attended', async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dongthu');
      const api = await apiAs('bithu.dongthu');
      const me = await api<Me>('/api/me');
      const stats = await api<MemberStats>(`/api/members/${me.member!.id}/attendance-stats?${YEAR_2022}`);
      expect(stats.meetings.length).toBeGreaterThan(10);

      await page.goto(`${baseUrl()}/members/${me.member!.id}`);
      const section = page.getByRole('region', { name: 'Chuyên cần của tôi' });
      await section.getByLabel('Kỳ báo cáo').selectOption('2022');
      await section.getByRole('heading', { name: 'Các buổi sinh hoạt' }).waitFor();

      const punctuality = section.locator('.ts-rp-figure').filter({ hasText: 'Tỷ lệ đúng giờ' }).locator('.ts-rp-figure-value');
      await expect(punctuality.textContent()).resolves.toBe(percent(stats.total.punctualityRate!));
      const items = section.locator('.ts-rp-meeting');
      expect(await items.count()).toBe(stats.meetings.length);
      const first = stats.meetings[0]!;
      await expect(items.first().getByRole('link').getAttribute('href')).resolves.toBe(`/meetings/${first.meetingId}`);
      const onTime = stats.meetings.filter((m) => m.status === 'present' && !m.lateMinutes).length;
      expect(await items.filter({ hasText: 'Đúng giờ' }).count()).toBe(onTime);
      await shot(page, 'reports-member-secretary-phone');
    } finally {
      await context.close();
    }
  });

  it('the Đồng Thứ secretary sees members late from January to March 2022 and everyone on time in April', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    try {
      await signIn(page, 'bithu.dongthu');
      // The page's year is in its address: opened on 2022, no other year's figures show first.
      await page.goto(`${baseUrl()}/units/${dongThu.id}?year=2022`);
      const section = page.getByRole('region', { name: 'Chuyên cần và đúng giờ' });
      await section.getByRole('heading', { name: 'Theo tháng' }).waitFor();

      // The chart has a title, and a data table as its text alternative.
      await section.getByRole('group', { name: /Tỷ lệ dự họp và tỷ lệ đúng giờ theo tháng, Năm 2022/ }).waitFor();
      await section.getByRole('button', { name: 'Hiện bảng số liệu' }).click();
      const table = section.getByRole('table', { name: /Số liệu theo tháng, Chi bộ thôn Đồng Thứ, Năm 2022/ });
      await table.waitFor();
      const byMonth = new Map((await rows(table)).map((r) => [r[0]!, r]));
      for (const month of ['Tháng 1', 'Tháng 2', 'Tháng 3']) {
        const row = byMonth.get(month)!;
        expect(Number(row[3]), `${month}: late arrivals`).toBeGreaterThanOrEqual(2);
        expect(rate(row[2]!.split(' ')[0]! + ' %'), `${month}: on-time rate`).toBeLessThan(0.85);
      }
      const april = byMonth.get('Tháng 4')!;
      expect(april[3], 'April: nobody late').toBe('0');
      expect(april[2]!.startsWith('100\u00a0%') || april[2]!.startsWith('100 %'), `April on time: ${april[2]}`).toBe(true);

      // The members, least punctual first; the first of them is below the cell's rate.
      const members = section.getByRole('table', { name: /Chuyên cần của từng đảng viên/ });
      const memberRows = await rows(members);
      expect(memberRows.length).toBeGreaterThan(5);
      const rates = memberRows.map((r) => r[7]).filter((v): v is string => !!v && /%/.test(v)).map((v) => rate(v.split('(')[0]!));
      expect(rates).toEqual([...rates].sort((a, b) => a - b));
      await expect(members.locator('tbody tr').first().getAttribute('data-below')).resolves.toBe('true');
      expect(await section.getByRole('heading', { name: 'Các chi bộ theo tỷ lệ đúng giờ' }).count()).toBe(0);

      await shot(page, 'reports-cell-dong-thu-2022');
    } finally {
      await context.close();
    }
  });

  it('the commune page has one year for its meetings and figures, kept in the address; a year without meetings offers the latest', async () => {
    const thisYear = THIS_YEAR;
    const { years } = await (await apiAs('bithu.dangbo'))<{ years: number[] }>(`/api/units/${commune.id}/meetings?${YEAR_2022}&pageSize=1`);
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dangbo');
      await page.goto(`${baseUrl()}/units/${commune.id}`);
      const picker = page.getByLabel('Xem số liệu năm');
      const meetings = page.getByRole('region', { name: 'Sinh hoạt chi bộ' });
      const figures = page.getByRole('region', { name: 'Chuyên cần và đúng giờ' });
      /** Both sections show the year. */
      const showing = async (year: number) => {
        await meetings.getByText(new RegExp(`cuộc họp (nào )?trong năm ${year}`)).first().waitFor();
        await figures.locator('.ts-rp-body').getByText(`Năm ${year}`, { exact: true }).first().waitFor();
        await expect.poll(() => picker.inputValue()).toBe(String(year));
      };
      // This year (Vietnam time) by default, for both.
      await showing(thisYear);
      expect(await page.getByLabel('Năm', { exact: true }).count()).toBe(0);
      expect(await page.getByLabel('Kỳ báo cáo').count()).toBe(0);

      await picker.selectOption('2022');
      await page.waitForURL(/[?&]year=2022/);
      await showing(2022);
      // Away and back: the year stays.
      await page.goto(`${baseUrl()}/units/${dongThu.id}`);
      await page.getByRole('heading', { name: 'Chi bộ thôn Đồng Thứ', level: 1 }).waitFor();
      await page.goBack();
      await showing(2022);

      // A year with no meetings says so and offers the latest year that has some.
      const empty = 2019;
      expect(years).not.toContain(empty);
      await page.goto(`${baseUrl()}/units/${commune.id}?year=${empty}`);
      const notice = page.getByTestId('year-no-data');
      const latest = Math.max(...years);
      await notice.getByText(`Năm ${empty} chưa có buổi sinh hoạt nào. Năm gần nhất có số liệu là ${latest}.`).waitFor();
      await shot(page, 'reports-commune-year-empty-phone');
      await notice.getByRole('button', { name: `Xem năm ${latest}` }).click();
      await page.waitForURL(new RegExp(`[?&]year=${latest}`));
      await showing(latest);
      await expect(notice.count()).resolves.toBe(0);
      await shot(page, 'reports-commune-year-phone');
    } finally {
      await context.close();
    }
  });

  it('the commune secretary\'s home and the task boards count overdue tasks alike, whatever their year', async () => {
    const api = await apiAs('bithu.dangbo');
    const { total } = await api<{ total: number }>(`/api/units/${commune.id}/tasks?status=overdue&pageSize=1`);
    expect(total).toBeGreaterThan(0);
    const board = await api<{ totals: { overdue: number }; overdueFromEarlierYears: number }>(`/api/units/${commune.id}/task-board?year=${THIS_YEAR}`);
    expect(board.totals.overdue + board.overdueFromEarlierYears).toBe(total);
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dangbo');
      const assigned = page.getByRole('heading', { name: /Việc tôi giao đã quá hạn/ });
      await expect(assigned.locator('.ts-tk-count').textContent()).resolves.toBe(String(total));
      // Next year's board carries every task overdue today, and links to them.
      await page.goto(`${baseUrl()}/units/${commune.id}/work?year=${THIS_YEAR + 1}`);
      const line = page.getByTestId('overdue-earlier');
      await line.getByText(`Còn ${total} nhiệm vụ quá hạn từ các năm trước`).waitFor();
      await shot(page, 'tasks-board-carried-phone');
      await line.getByRole('link', { name: 'Xem các nhiệm vụ này' }).click();
      await page.getByRole('heading', { name: `Nhiệm vụ quá hạn từ trước năm ${THIS_YEAR + 1}` }).waitFor();
      await page.getByText(`${total} nhiệm vụ`, { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('the commune committee sees its cells ranked by punctuality, best first', async () => {
    const stats = await (await apiAs('bithu.dangbo'))<UnitStats>(`/api/units/${commune.id}/attendance-stats?${YEAR_2022}`);
    for (const [viewport, name] of [
      [DESKTOP, 'reports-commune-2022'],
      [PHONE, 'reports-commune-2022-phone'],
    ] as const) {
      const { context, page } = await newPage(browser, viewport);
      try {
        await signIn(page, 'bithu.dangbo');
        await page.goto(`${baseUrl()}/units/${commune.id}?year=2022`);
        const section = page.getByRole('region', { name: 'Chuyên cần và đúng giờ' });
        await section.getByRole('heading', { name: 'Các chi bộ theo tỷ lệ đúng giờ' }).waitFor();
        await section.getByRole('img', { name: /Tỷ lệ đúng giờ của các chi bộ, Năm 2022/ }).waitFor();

        const table = section.getByRole('table', { name: /Xếp hạng các chi bộ theo tỷ lệ đúng giờ, Năm 2022/ });
        const ranked = await rows(table);
        expect(ranked.length).toBe(stats.cells.length);
        expect(ranked.map((r) => r[1])).toEqual(stats.cells.map((c) => c.unitName));
        expect(ranked.map((r) => r[0])).toEqual(stats.cells.map((_, i) => String(i + 1)));
        const rates = ranked.map((r) => rate(r[4]!));
        expect(rates).toEqual([...rates].sort((a, b) => b - a));
        await expect(table.getByRole('link', { name: stats.cells[0]!.unitName }).getAttribute('href')).resolves.toBe(
          `/units/${stats.cells[0]!.unitId}`,
        );
        if (viewport === PHONE) await section.getByRole('button', { name: 'Hiện bảng xếp hạng' }).click();
        await shot(page, name);
      } finally {
        await context.close();
      }
    }
  });
});
