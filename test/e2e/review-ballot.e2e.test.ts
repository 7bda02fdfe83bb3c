import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { fullText, pointsFor, reviewSteps } from '../helpers/reviews.js';
import { addDays, DESKTOP, newPage, PHONE, sessionAs, shot, signIn, vietnamToday } from './helpers.js';

interface Me {
  member: { id: string; unitId: string } | null;
  roles: { role: string; unitId: string }[];
}
interface MemberList {
  items: { id: string; fullName: string; status: string }[];
}
interface MyReviews {
  items: { id: string; periodId: string }[];
}
interface Review {
  revision: number;
  reviewForm: string;
  status: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = 'phieu-kin-dong-thu-2026';

/**
 * Another official member of the cell with an account (the commune's committee gives one, as in
 * the accounts screen), its one-time password already changed.
 */
async function newVoter(cellId: string, communeId: string, taken: readonly string[]): Promise<string> {
  const committee = await sessionAs('bithu.dangbo');
  const { items } = await committee<MemberList>('GET', `/api/units/${cellId}/members?pageSize=100`);
  const member = items.find((m) => m.status === 'official' && !taken.includes(m.id))!;
  const username = `phieukin.${Date.now().toString(36)}.${taken.length}`;
  const created = await committee<{ temporaryPassword: string }>('POST', '/api/accounts', {
    username,
    displayName: member.fullName,
    unitId: communeId,
    memberId: member.id,
    roles: [{ role: 'member', unitId: cellId }],
  });
  const first = await sessionAs(username, created.temporaryPassword);
  await first('POST', '/api/auth/password', { currentPassword: created.temporaryPassword, newPassword: PASSWORD });
  return username;
}

/** The member writes and submits their self-review of the period (what their own page does). */
async function submitOwnReview(username: string, periodId: string, password?: string): Promise<void> {
  const me = await sessionAs(username, password);
  const mine = (await me<MyReviews>('GET', '/api/me/reviews')).items.find((r) => r.periodId === periodId)!;
  const review = await me<Review>('GET', `/api/reviews/${mine.id}`);
  if (review.status === 'submitted') return;
  await me('PUT', `/api/reviews/${mine.id}/self-assessment`, {
    ...fullText('HTTNV', pointsFor(80), review.revision, { selfLevelReason: 'Hoàn thành các nhiệm vụ được giao đúng hạn.' }),
    reviewForm: review.reviewForm,
  });
  await me('POST', `/api/reviews/${mine.id}/submit`);
}

async function phone(username: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const p = await newPage(browser, PHONE);
  await signIn(p.page, username, password);
  return p;
}

describe('the cell\'s review meeting: a secret ballot from three phones', () => {
  it('the secretary links the meeting and opens the ballot; three phones vote; the progress moves; the tally shows after close; the secretary proposes', async () => {
    const today = vietnamToday();
    const year = Number(today.slice(0, 4));
    const day = today.endsWith('-01-01') ? today : addDays(today, -1);

    // This year's period: the demo keeps one open; the committee opens it if not.
    const committee = await sessionAs('bithu.dangbo');
    const communeId = (await committee<Me>('GET', '/api/me')).roles.find((r) => r.role === 'party_committee')!.unitId;
    const open = (await committee<{ items: { id: string; kind: string; status: string }[] }>('GET', `/api/review-periods?unitId=${communeId}&year=${year}`)).items.find((p) => p.kind === 'year');
    const period = open ?? (await committee<{ id: string }>('POST', '/api/review-periods', { unitId: communeId, kind: 'year', year, steps: reviewSteps(year) }));

    // Three official members of Lưu Quang (a cell whose review meeting the demo leaves unlinked): the secretary and two given accounts now.
    const secretary = await sessionAs('bithu.luuquang');
    const secretaryMember = (await secretary<Me>('GET', '/api/me')).member!;
    const cellId = secretaryMember.unitId;
    const second = await newVoter(cellId, communeId, [secretaryMember.id]);
    const secondMember = (await (await sessionAs(second, PASSWORD))<Me>('GET', '/api/me')).member!;
    const third = await newVoter(cellId, communeId, [secretaryMember.id, secondMember.id]);
    await submitOwnReview('bithu.luuquang', period.id);
    await submitOwnReview(second, period.id, PASSWORD);
    await submitOwnReview(third, period.id, PASSWORD);
    const thirdMember = (await (await sessionAs(third, PASSWORD))<Me>('GET', '/api/me')).member!;

    // The meeting at which the cell reviews, the three present.
    const meeting = await secretary<{ id: string }>('POST', '/api/meetings', {
      unitId: cellId,
      kind: 'regular',
      date: day,
      startTime: '07:30',
      place: 'Nhà văn hóa thôn Lưu Quang',
      agenda: [{ title: 'Kiểm điểm, đánh giá, xếp loại đảng viên cuối năm' }],
    });
    await secretary('PUT', `/api/meetings/${meeting.id}/attendance`, {
      entries: [secretaryMember.id, secondMember.id, thirdMember.id].map((memberId) => ({ memberId, status: 'present', arrivedAt: `${day}T07:25:00+07:00` })),
    });

    // The secretary, at a desktop: from the home card to the link form, then the meeting's page.
    const desk = await newPage(browser, DESKTOP);
    const phones: { context: BrowserContext; page: Page }[] = [];
    try {
      const page = desk.page;
      await signIn(page, 'bithu.luuquang');
      const card = page.getByRole('region', { name: 'Kiểm điểm cuối năm của chi bộ' });
      await card.getByText('Đã nộp 3 /').waitFor();
      await card.getByRole('link', { name: 'Liên kết buổi họp kiểm điểm' }).click();
      await page.getByRole('heading', { name: 'Liên kết buổi họp kiểm điểm', level: 1 }).waitFor();
      await page.getByLabel('Buổi sinh hoạt').selectOption(meeting.id);
      await page.getByRole('radio', { name: 'Bỏ phiếu kín trên điện thoại' }).check();
      await page.getByRole('button', { name: 'Liên kết' }).click();
      await page.getByRole('heading', { name: 'Hội nghị kiểm điểm', level: 1 }).waitFor();
      const reviewMeetingUrl = page.url();
      expect(reviewMeetingUrl).toMatch(/\/review-meetings\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Mở bỏ phiếu' }).click();
      const progress = page.getByTestId('ballot-progress');
      await progress.getByText(/Đã bỏ phiếu 0 \/ 3/).waitFor();
      expect(await progress.getAttribute('aria-live')).toBe('polite');
      // Before close no count shows, only that the tally comes then.
      expect(await page.getByTestId('rm-tally').count()).toBe(0);
      await shot(page, 'review-meeting-open-desktop');

      // Three phones: each from the home card to the sheet, a level for every person, sent once.
      const choices = ['Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'];
      for (const [i, [username, password]] of ([['bithu.luuquang'], [second, PASSWORD], [third, PASSWORD]] as [string, string?][]).entries()) {
        const p = await phone(username, password);
        phones.push(p);
        const ballots = p.page.getByRole('region', { name: 'Bỏ phiếu kín xếp loại đảng viên' });
        await ballots.getByRole('link', { name: 'Vào bỏ phiếu' }).click();
        await p.page.getByRole('heading', { name: 'Phiếu bầu xếp loại đảng viên', level: 1 }).waitFor();
        await p.page.getByText('ứng dụng chỉ ghi nhận ai đã bỏ phiếu').waitFor();
        const groups = p.page.getByRole('radiogroup');
        expect(await groups.count()).toBe(3);
        // Sending with a person left out says so and sends nothing.
        if (i === 0) {
          await groups.nth(0).getByRole('radio', { name: choices[0] }).check();
          await p.page.getByRole('button', { name: 'Gửi phiếu' }).click();
          await p.page.getByText('Còn 2 người chưa chọn mức.').waitFor();
          await shot(p.page, 'review-ballot-sheet-phone');
        }
        for (let g = 0; g < 3; g++) {
          await groups.nth(g).getByRole('radio', { name: g === 2 && i === 1 ? 'Phiếu trắng' : choices[i]! }).check();
        }
        await p.page.getByRole('button', { name: 'Gửi phiếu' }).click();
        await p.page.getByText('Bạn đã bỏ phiếu').waitFor();
        expect(await p.page.getByRole('button', { name: 'Gửi phiếu' }).count()).toBe(0);
        if (i === 0) await shot(p.page, 'review-ballot-voted-phone');
      }
      // Back on the home page the member is told they have voted: no way to vote again.
      await phones[0]!.page.goto(new URL('/', phones[0]!.page.url()).href);
      await phones[0]!.page.getByRole('region', { name: 'Bỏ phiếu kín xếp loại đảng viên' }).getByText('Bạn đã bỏ phiếu').waitFor();
      expect(await phones[0]!.page.getByRole('link', { name: 'Vào bỏ phiếu' }).count()).toBe(0);

      // The secretary's page follows without a reload.
      await progress.getByText(/Đã bỏ phiếu 3 \/ 3/).waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
      await page.getByText('Đã kết thúc bỏ phiếu').first().waitFor();
      const tallies = page.getByTestId('rm-tally');
      await tallies.first().waitFor();
      expect(await tallies.count()).toBe(3);
      // Each tally: per level over the denominator, and the level the rules' majority gives.
      const firstTally = await tallies.first().innerText();
      expect(firstTally).toMatch(/Hoàn thành tốt nhiệm vụ\s+2 \/ \d+/);
      expect(firstTally).toMatch(/Hoàn thành xuất sắc nhiệm vụ\s+1 \/ \d+/);
      expect(firstTally).toMatch(/Trên tổng số \d+ đảng viên chính thức/);
      await shot(page, 'review-meeting-closed-desktop');

      // The cell committee proposes: the vote's level by default; any other needs a note, which the server asks for at the field.
      const detail = await secretary<{ reviews: { memberName: string; status: string; voteLevel: string | null }[] }>('GET', `/api${new URL(reviewMeetingUrl).pathname}`);
      const first = detail.reviews.find((r) => r.status === 'submitted')!;
      const review = page.getByRole('article', { name: first.memberName });
      const level = review.getByLabel('Mức đề xuất');
      expect(await level.inputValue()).toBe(first.voteLevel ?? '');
      await level.selectOption(first.voteLevel === 'HTXSNV' ? 'HTTNV' : 'HTXSNV');
      await review.getByRole('button', { name: 'Đề xuất' }).click();
      const note = review.getByLabel(/^Ghi chú/);
      await review.locator('[aria-invalid="true"]').first().waitFor();
      expect(await note.getAttribute('aria-invalid')).toBe('true');
      // Said once, at the field.
      expect(await review.getByText('hãy ghi lý do').count()).toBe(1);
      await note.fill('Chi ủy đánh giá đồng chí vượt chỉ tiêu vận động các hộ trong thôn.');
      await review.getByRole('button', { name: 'Đề xuất' }).click();
      await review.getByText(/^Đã đề xuất: /).waitFor();

      // The same page on a phone.
      const small = await newPage(browser, PHONE);
      phones.push(small);
      await signIn(small.page, 'bithu.luuquang');
      await small.page.goto(reviewMeetingUrl);
      await small.page.getByTestId('rm-tally').first().waitFor();
      await shot(small.page, 'review-meeting-closed-phone');
    } finally {
      await desk.context.close();
      for (const p of phones) await p.context.close();
    }
  }, 90_000);
});
