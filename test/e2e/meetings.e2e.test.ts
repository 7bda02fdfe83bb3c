import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { addDays, apiAs, baseUrl, ddmmyyyy, newPage, PHONE, shot, SHOTS_DIR, signIn } from './helpers.js';

interface Me { member: { id: string; unitId: string; fullName: string } }
interface Detail {
  id: string;
  status: string;
  participants: { memberId: string; fullName: string; role: string; memberStatus: string; status: string; lateMinutes: number | null }[];
  agenda: { outcomes: { kind: string; votes: unknown; task: { ownerName: string } | null }[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Vietnam's wall clock now (UTC+7, no daylight saving): date yyyy-mm-dd and minutes since midnight. */
function vietnamNow(): { date: string; minutes: number } {
  const local = new Date(Date.now() + 7 * 3600_000);
  return { date: local.toISOString().slice(0, 10), minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The screen as the person sees it (a full-page shot misplaces the sticky summary bar). */
async function viewShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`) });
}

/** Sets one person's arrival through the row's correction dialog. */
async function setArrival(page: Page, name: string, time: string): Promise<void> {
  await page.getByRole('button', { name: `Điều chỉnh điểm danh: ${name}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('radio', { name: 'Có mặt' }).check();
  await dialog.getByLabel('Giờ đến').fill(time);
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('a cell holds its monthly meeting on a phone', () => {
  it('the secretary schedules it, takes attendance at the door, records outcomes, approves and downloads the minutes; a member reads it', async () => {
    const secretaryApi = await apiAs('bithu.dongthu');
    const me = await secretaryApi<Me>('/api/me');
    const cellId = me.member.unitId;

    // Start at the current minute with 5 minutes' grace, so that everyone tapped "now" is on time
    // and one arrival corrected to start + 15 is late. Near midnight the taps could fall on the
    // next day: then the meeting starts at 23:00 and every arrival is typed in.
    const now = vietnamNow();
    const lateNight = now.minutes >= 23 * 60 + 40;
    const start = lateNight ? 23 * 60 : now.minutes;
    const startTime = hhmm(start);
    const lateTime = hhmm(start + 15);

    let meetingId = '';
    const { context, page } = await newPage(browser, PHONE);
    try {
      await signIn(page, 'bithu.dongthu');
      await page.goto(`${baseUrl()}/units/${cellId}`);
      await page.getByRole('heading', { name: 'Sinh hoạt chi bộ', level: 2 }).waitFor();
      await page.getByRole('link', { name: 'Tạo cuộc họp' }).click();

      // The new-meeting form: today, now, 5 minutes' grace; the usual agenda and participants.
      await page.getByRole('heading', { name: 'Tạo cuộc họp chi bộ', level: 1 }).waitFor();
      await page.getByLabel('Ngày họp').fill(now.date);
      await page.getByLabel('Giờ bắt đầu').fill(startTime);
      // What the secretary rarely changes is folded, so the form fits a few phone screens (it was
      // 4,000 px tall: 24 members to tick, every agenda item's presenter and minutes, the open tasks).
      const height = await page.evaluate<number>('document.documentElement.scrollHeight');
      expect(height).toBeLessThan(3 * PHONE.height);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      expect(await page.getByLabel('Người trình bày').count()).toBe(0);
      await page.getByRole('button', { name: 'Thêm chi tiết' }).click();
      await page.getByLabel('Cho phép muộn (phút)').fill('5');
      await page.getByRole('button', { name: 'Người trình bày, số phút' }).click();
      expect(await page.getByLabel('Người trình bày').count()).toBe(4);
      await page.getByRole('button', { name: 'Thay đổi người dự họp' }).click();
      expect(await page.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(5);
      expect(await page.getByRole('textbox', { name: /^Tên nội dung/ }).first().inputValue()).toBe(
        'Đánh giá kết quả thực hiện nghị quyết tháng trước',
      );
      await shot(page, 'meeting-new-phone');
      await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();

      // The meeting page opens on the door list.
      await page.getByRole('heading', { name: /^Sinh hoạt thường kỳ tháng \d+\/\d{4}$/, level: 1 }).waitFor();
      meetingId = new URL(page.url()).pathname.split('/').pop()!;
      const created = await secretaryApi<Detail>(`/api/meetings/${meetingId}`);
      const members = created.participants.filter((p) => p.role === 'member');
      expect(members.length).toBeGreaterThan(5);
      expect(members.every((p) => p.status === 'pending')).toBe(true);
      // The late one is the ordinary member, who later finds it on their own page.
      const memberId = (await (await apiAs('dangvien.dongthu'))<Me>('/api/me')).member.id;
      const lateOne = members.find((p) => p.memberId === memberId)!;
      const summary = page.getByRole('group', { name: 'Tổng hợp điểm danh' });
      await expect(summary.textContent()).resolves.toContain(`0/${members.length}`);
      // Its day has come and nobody is marked: it is being marked, and counts in no rate yet.
      const marking = page.getByText(`Chưa điểm danh xong: còn ${members.length} người chưa điểm danh.`, { exact: false });
      await marking.waitFor();

      if (lateNight) {
        for (const p of members) await setArrival(page, p.fullName, startTime);
      } else {
        // One tap per person: marked present at once, saved in the background.
        const pending = page.getByRole('button', { name: /^Điểm danh có mặt: / });
        let tapped = 0;
        while ((await pending.count()) > 0) {
          await pending.first().click();
          tapped += 1;
          if (tapped === Math.floor(members.length / 2)) await viewShot(page, 'meeting-door-phone-mid');
        }
        expect(tapped).toBe(members.length);
      }
      await page.getByText(`${members.length}/${members.length}`, { exact: true }).first().waitFor();
      await expect(summary.textContent()).resolves.toContain('Muộn 0');

      // One member really came 15 minutes after the start.
      await setArrival(page, lateOne.fullName, lateTime);
      const lateRow = page.getByRole('button', { name: new RegExp(`^${lateOne.fullName}: Đến ${lateTime} · muộn 15 phút`) });
      await lateRow.waitFor();
      await expect(summary.textContent()).resolves.toContain('Muộn 1');
      await page.getByText('Chưa điểm danh xong', { exact: false }).waitFor({ state: 'hidden' });
      // Marked but not held: a meeting created by mistake can still be deleted.
      const deleteButton = page.locator('.ts-mt-actions').getByRole('button', { name: 'Xóa', exact: true });
      await deleteButton.waitFor();
      await viewShot(page, 'meeting-door-phone-done');

      const marked = await secretaryApi<Detail>(`/api/meetings/${meetingId}`);
      const markedMembers = marked.participants.filter((p) => p.role === 'member');
      expect(markedMembers.every((p) => p.status === 'present')).toBe(true);
      expect(markedMembers.filter((p) => (p.lateMinutes ?? 0) > 0).map((p) => [p.memberId, p.lateMinutes])).toEqual([
        [lateOne.memberId, 15],
      ]);

      // The meeting takes place.
      await page.getByRole('button', { name: 'Bắt đầu / Đã họp' }).click();
      await page.getByText('Cuộc họp đã chuyển sang “Đã họp”.', { exact: false }).waitFor();
      expect(await deleteButton.count()).toBe(0);

      // Official members vote; probationary ones take part without a vote.
      const voters = markedMembers.filter((p) => p.memberStatus !== 'probationary').length;

      // Minutes, a conclusion with its vote, and a task with an owner and a deadline.
      await page.getByRole('tab', { name: 'Nội dung, biên bản' }).click();
      const first = page.getByRole('group', { name: 'Nội dung 1' });
      await first
        .getByRole('textbox', { name: 'Biên bản', exact: true })
        .fill('Chi bộ hoàn thành các việc đề ra trong nghị quyết tháng trước; chỉ rõ việc chưa làm được và trách nhiệm từng đồng chí.');
      await page.getByRole('button', { name: 'Lưu biên bản' }).click();
      await page.getByRole('status').filter({ hasText: /^Đã lưu$/ }).waitFor();

      await first.getByRole('button', { name: 'Thêm kết luận, nhiệm vụ' }).click();
      await first.getByRole('textbox', { name: /^Nội dung kết luận/ }).fill('Biểu quyết thông qua nghị quyết chi bộ tháng này.');
      await first.getByRole('checkbox', { name: 'Có biểu quyết' }).check();
      // The form was drawn before anyone was marked; the votes start from those present now.
      expect(await first.getByRole('textbox', { name: 'Tán thành', exact: true }).inputValue()).toBe(String(voters));
      await first.getByText(`Đã ghi đủ ${voters}/${voters} phiếu.`).waitFor();
      await first.getByRole('textbox', { name: 'Tán thành', exact: true }).fill(String(voters - 1));
      await first.getByText(`Đã ghi ${voters - 1}/${voters} phiếu: còn thiếu 1 người.`).waitFor();
      await first.getByRole('textbox', { name: 'Không tán thành', exact: true }).fill('0');
      await first.getByRole('textbox', { name: 'Không biểu quyết', exact: true }).fill('1');
      await first.getByRole('button', { name: 'Thêm', exact: true }).click();
      await first.getByText(`Tán thành ${voters - 1}, không tán thành 0, không biểu quyết 1`).waitFor();

      const owner = members.find((p) => p.memberId !== me.member.id && p.memberId !== lateOne.memberId)!;
      const deadline = addDays(now.date, 14);
      const taskTitle = 'Vận động các hộ dọn vật liệu xây dựng lấn ra đường làng';
      const fourth = page.getByRole('group', { name: 'Nội dung 4' });
      await fourth.getByRole('button', { name: 'Thêm kết luận, nhiệm vụ' }).click();
      await fourth.locator('label', { hasText: /^Nhiệm vụ$/ }).click();
      await fourth.getByRole('textbox', { name: /^Việc cần làm/ }).fill(taskTitle);
      // Rõ trách nhiệm: what counts as done is required of every task.
      await fourth.getByRole('textbox', { name: /^Kết quả cần đạt/ }).fill('Đường làng thông thoáng, không còn vật liệu lấn chiếm.');
      await fourth.getByRole('combobox', { name: /^Người phụ trách/ }).selectOption({ label: owner.fullName });
      await fourth.getByLabel(/^Thời hạn/).fill(deadline);
      await fourth.getByRole('button', { name: 'Thêm', exact: true }).click();
      await fourth.getByText(`Phụ trách: ${owner.fullName} · Thời hạn: ${ddmmyyyy(deadline)}`).waitFor();
      await fourth.getByText(taskTitle).waitFor();
      await shot(page, 'meeting-agenda-phone');

      // The secretary approves the minutes: they are locked.
      await page.getByRole('button', { name: 'Thông qua biên bản' }).click();
      await page.getByRole('dialog', { name: 'Thông qua biên bản?' }).getByRole('button', { name: 'Thông qua biên bản' }).click();
      await page.getByText('Biên bản đã khóa').waitFor();
      await page.getByText('Đã thông qua biên bản', { exact: true }).first().waitFor();
      expect(await page.getByRole('button', { name: 'Lưu biên bản' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Điểm danh có mặt: / }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Mở lại để điều chỉnh' }).count()).toBe(1);
      await shot(page, 'meeting-approved-phone');

      const approved = await secretaryApi<Detail>(`/api/meetings/${meetingId}`);
      expect(approved.status).toBe('approved');
      const outcomes = approved.agenda.flatMap((a) => a.outcomes);
      expect(outcomes.some((o) => o.kind === 'decision' && o.votes)).toBe(true);
      expect(outcomes.find((o) => o.kind === 'task')?.task?.ownerName).toBe(owner.fullName);

      // The Word minutes download.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải biên bản (Word)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = fs.readFileSync((await download.path())!);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5_000);
    } finally {
      await context.close();
    }

    // An ordinary member of the cell finds the meeting on the cell page and reads it.
    const member = await newPage(browser, PHONE);
    try {
      const memberApi = await apiAs('dangvien.dongthu');
      const memberMe = await memberApi<Me>('/api/me');
      await signIn(member.page, 'dangvien.dongthu');
      await member.page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      await member.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chi bộ của tôi' }).click();
      await member.page.getByRole('heading', { name: 'Sinh hoạt chi bộ', level: 2 }).waitFor();
      expect(await member.page.getByRole('link', { name: 'Tạo cuộc họp' }).count()).toBe(0);
      const link = member.page.getByRole('link', { name: `${ddmmyyyy(now.date)} ${startTime}` });
      await link.first().waitFor();
      await shot(member.page, 'meeting-list-member-phone');
      await link.first().click();
      await member.page.getByRole('heading', { name: /^Sinh hoạt thường kỳ tháng/, level: 1 }).waitFor();
      await member.page.getByText('Biên bản đã khóa').waitFor();
      // Read-only: no door buttons, no editing; their own row is marked.
      await member.page.getByRole('tab', { name: /^Điểm danh/ }).click();
      await member.page.getByText('(bạn)').first().waitFor();
      expect(await member.page.locator('.ts-mt-person[data-self]').count()).toBe(1);
      expect(await member.page.getByRole('button', { name: /^Điều chỉnh điểm danh/ }).count()).toBe(0);
      expect(await member.page.getByRole('button', { name: 'Thông qua biên bản' }).count()).toBe(0);
      await member.page.getByRole('tab', { name: 'Nội dung, biên bản' }).click();
      await member.page.getByText('Vận động các hộ dọn vật liệu xây dựng lấn ra đường làng').waitFor();
      expect(await member.page.getByRole('textbox').count()).toBe(0);
      expect(memberMe.member.unitId).toBe(cellId);
      await shot(member.page, 'meeting-member-phone');

      // Their own punctuality: this meeting, 15 minutes late.
      await member.page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      await member.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trang của tôi' }).click();
      const own = member.page.getByRole('region', { name: 'Chuyên cần của tôi' });
      const item = own.locator(`.ts-rp-meetings a[href="/meetings/${meetingId}"]`);
      await item.waitFor();
      const row = own.locator('.ts-rp-meetings li').filter({ has: member.page.locator(`a[href="/meetings/${meetingId}"]`) });
      await expect(row.textContent()).resolves.toContain('Muộn 15 phút');
      await shot(member.page, 'meeting-member-own-punctuality-phone');
    } finally {
      await member.context.close();
    }
  }, 300_000);
});

describe('the next meeting is on the home page and in the menu', () => {
  interface Work { nextMeetings: { id: string; unitId: string; date: string; startTime: string; place: string; agenda: string[] }[] }

  it('a member sees when and where their cell meets next and what it will discuss; the secretary opens the door screen from it', async () => {
    const memberApi = await apiAs('dangvien.dongthu');
    const cellId = (await memberApi<Me>('/api/me')).member.unitId;
    // The demo calls this month's meeting of every cell a few days from now.
    const [next] = (await memberApi<Work>('/api/me/work')).nextMeetings;
    expect(next?.unitId).toBe(cellId);
    expect(next!.agenda.length).toBeGreaterThan(0);

    const member = await newPage(browser, PHONE);
    try {
      await signIn(member.page, 'dangvien.dongthu');
      const card = member.page.getByRole('region', { name: 'Cuộc họp sắp tới' });
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain(`${next!.startTime}, ngày ${ddmmyyyy(next!.date)}`);
      expect(text).toContain(next!.place);
      for (const title of next!.agenda) expect(text).toContain(title);
      // Above "Việc của tôi": the first thing on the page.
      const [cardTop, workTop] = await Promise.all([
        card.boundingBox(),
        member.page.getByRole('heading', { name: 'Việc của tôi', level: 2 }).boundingBox(),
      ]);
      expect(cardTop!.y).toBeLessThan(workTop!.y);
      expect(await card.getByRole('link', { name: 'Mở màn hình điểm danh' }).count()).toBe(0);
      await shot(member.page, 'home-next-meeting-member-phone');
      await card.getByRole('link', { name: 'Xem cuộc họp' }).click();
      await member.page.waitForURL(`**/meetings/${next!.id}`);

      // "Sinh hoạt chi bộ" in the menu opens the cell's meetings.
      await member.page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
      await member.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sinh hoạt chi bộ', exact: true }).click();
      await member.page.getByRole('heading', { name: 'Sinh hoạt chi bộ', level: 1 }).waitFor();
      expect(new URL(member.page.url()).pathname).toBe(`/units/${cellId}/meetings`);
      await member.page.getByRole('link', { name: `${ddmmyyyy(next!.date)} ${next!.startTime}` }).first().waitFor();
      await shot(member.page, 'meetings-menu-member-phone');
    } finally {
      await member.context.close();
    }

    const secretary = await newPage(browser, PHONE);
    try {
      await signIn(secretary.page, 'bithu.dongthu');
      const card = secretary.page.getByRole('region', { name: 'Cuộc họp sắp tới' });
      await card.getByRole('link', { name: 'Mở màn hình điểm danh' }).click();
      await secretary.page.waitForURL(`**/meetings/${next!.id}`);
      await secretary.page.getByRole('heading', { name: /^Sinh hoạt (thường kỳ|chuyên đề)/, level: 1 }).waitFor();
    } finally {
      await secretary.context.close();
    }
  }, 120_000);
});
