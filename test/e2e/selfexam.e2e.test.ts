import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.js';
import { addDays, apiAs, baseUrl, DESKTOP, newPage, PHONE, shot, signIn, vietnamToday } from './helpers.js';

interface Me {
  member: { id: string; unitId: string; fullName: string } | null;
  roles: { role: string; unitId: string }[];
}
interface Mine {
  suggested: { label: string; askedBy: 'thematic_meeting' | 'cell' | null }[];
}
interface Checklist {
  groups: { list: 'manifestation' | 'exemplary'; items: { id: string; code: string }[] }[];
}
interface MemberList {
  items: { id: string; fullName: string }[];
}
interface SelfExam {
  status: string;
  strengths: string;
  answers: { itemId: string; mark: string }[];
  shortcomings: { text: string }[];
}
interface AccessLog {
  total: number;
  items: { viewerName: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Writes as the browser would (same origin), returning the JSON answer or throwing with the status. */
async function post<T>(url: string, body: unknown, cookie?: string): Promise<{ body: T; cookie: string }> {
  const res = await fetch(`${baseUrl()}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return { body: (await res.json()) as T, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

/**
 * Gives a Đồng Thứ member who has no account one (as the commune office would), with a password
 * already changed from the one-time one: the second member who gives feedback in this story.
 */
async function accountForAnotherMember(cellId: string, exclude: string[]): Promise<{ username: string; password: string; fullName: string }> {
  const office = await apiAs('bithu.dangbo');
  const communeId = (await office<Me>('/api/me')).roles.find((r) => r.role === 'party_committee')!.unitId;
  const { items } = await office<MemberList>(`/api/units/${cellId}/members?pageSize=100`);
  const member = items.find((m) => !exclude.includes(m.fullName))!;
  const admin = await post<unknown>('/api/auth/login', { username: 'bithu.dangbo', password: 'tusoi-demo' });
  const username = `gopy.${Date.now().toString(36)}`;
  const created = await post<{ temporaryPassword: string }>(
    '/api/accounts',
    { username, displayName: member.fullName, unitId: communeId, memberId: member.id, roles: [{ role: 'member', unitId: cellId }] },
    admin.cookie,
  );
  const first = await post<unknown>('/api/auth/login', { username, password: created.body.temporaryPassword });
  const password = 'gop-y-thang-than-2026';
  await post<unknown>('/api/auth/password', { currentPassword: created.body.temporaryPassword, newPassword: password }, first.cookie);
  return { username, password, fullName: member.fullName };
}

/** The save indicator beside the submit button. */
const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: /lưu/ });

describe('tự soi, tự sửa: from a self-examination on a phone to a verified correction', () => {
  it('a member fills it offline and online, submits; another member gives feedback; the member accepts it; the secretary verifies it; the member sees who viewed the record', async () => {
    const memberApi = await apiAs('dangvien.dongthu');
    const member = (await memberApi<Me>('/api/me')).member!;
    const cellId = member.unitId;
    const checklist = await memberApi<Checklist>(`/api/reference/manifestations?unitId=${cellId}`);
    const codesOf = (list: string) => checklist.groups.filter((g) => g.list === list).flatMap((g) => g.items.map((i) => i.code));
    const codes = codesOf('manifestation');
    const exemplary = codesOf('exemplary');
    expect(codes).toHaveLength(27);
    expect(exemplary.length).toBeGreaterThan(0);
    const year = Number(vietnamToday().slice(0, 4));
    const strengths = 'Đi sinh hoạt đầy đủ, đúng giờ; tham gia vận động các hộ giữ vệ sinh đường làng.';
    const offlineText = 'Viết trong lúc mất sóng: còn nể nang, chưa góp ý thẳng cho đồng chí cùng xóm.';
    const shortcoming = 'Còn ngại phát biểu, góp ý trong sinh hoạt chi bộ';
    let selfExamUrl = '';

    // 1. On a phone, the member opens this year's self-examination and marks the 27 manifestations.
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'dangvien.dongthu');
        await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
        const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
        // One's own self-examination and the cell's board are told apart by name.
        expect(await nav.getByRole('link', { name: /^Tự soi/ }).count()).toBe(0);
        await nav.getByRole('link', { name: 'Bản tự soi của tôi', exact: true }).click();
        await page.getByRole('heading', { name: 'Bản tự soi của tôi', level: 1 }).waitFor();
        // The period the cell asked for comes first, with one line saying why (the demo cell is
        // midway through this quarter's self-examinations, or calls a thematic meeting soon).
        const asked = (await memberApi<Mine>('/api/me/self-examination')).suggested.find((x) => x.askedBy);
        expect(asked).toBeDefined();
        const first = page.getByRole('list', { name: 'Kỳ tự soi có thể mở' }).getByRole('listitem').first();
        await expect(first.innerText()).resolves.toContain(asked!.label);
        await first.getByText(asked!.askedBy === 'cell' ? 'Chi bộ đang tự soi theo kỳ này' : /^Chi bộ sinh hoạt chuyên đề ngày/).waitFor();
        await shot(page, 'selfexam-periods-phone');
        await page.getByRole('button', { name: `Bắt đầu tự soi Năm ${year}` }).click();
        await page.getByRole('heading', { name: `Tự soi Năm ${year}`, level: 1 }).waitFor();
        selfExamUrl = page.url();
        expect(selfExamUrl).toMatch(/\/self-examinations\/[0-9a-f-]{36}$/);

        for (const code of codes) {
          const item = page.getByRole('group', { name: new RegExp(`^${code} `) });
          await item.getByRole('radio', { name: code === 'DD3' ? 'Có nguy cơ' : 'Không có' }).check();
        }
        await page.getByText(`đã chọn 27/27`).waitFor();
        for (const code of exemplary) {
          await page.getByRole('group', { name: new RegExp(`^${code} `) }).getByRole('radio', { name: 'Đã gương mẫu' }).check();
        }
        await page.getByText(`— đã chọn ${exemplary.length}/${exemplary.length}.`).waitFor();
        await page.getByLabel('Ưu điểm của bản thân').fill(strengths);
        await page.getByRole('button', { name: 'Thêm hạn chế, khuyết điểm' }).click();
        const box = page.getByRole('group', { name: 'Hạn chế, khuyết điểm 1' });
        await box.getByLabel('Hạn chế, khuyết điểm', { exact: true }).fill(shortcoming);
        await box.getByRole('radio', { name: 'Chủ quan' }).check();
        await box.getByLabel('Nguyên nhân cụ thể').fill('Sợ mất lòng, ngại va chạm với người cùng họ.');
        await box.getByRole('checkbox', { name: 'Đề xuất biện pháp khắc phục' }).check();
        await box.getByRole('textbox', { name: 'Biện pháp khắc phục' }).fill('Mỗi kỳ sinh hoạt chuẩn bị trước ít nhất một ý kiến góp ý.');
        await box.getByLabel('Thời hạn').fill(addDays(vietnamToday(), 60));
        await box.getByLabel('Tiêu chí đánh giá đã khắc phục').fill('Có ý kiến được ghi vào biên bản ở 3 kỳ liền.');
        await expect.poll(async () => saveStatus(page).textContent(), { timeout: 15_000 }).toMatch(/^Đã lưu lúc/);
        await shot(page, 'selfexam-form-phone');

        // 2. The connection drops mid-way: what the member types stays on the phone.
        await context.setOffline(true);
        await box.getByLabel('Nguyên nhân cụ thể').fill(offlineText);
        await expect.poll(async () => saveStatus(page).textContent(), { timeout: 15_000 }).toMatch(/mất kết nối/);
        await page.getByText(/những gì bạn viết vẫn được giữ trên máy này/).waitFor();
        await shot(page, 'selfexam-offline-phone');
        const server = await memberApi<SelfExam>(new URL(selfExamUrl).pathname.replace('/self-examinations/', '/api/self-examinations/'));
        expect(JSON.stringify(server)).not.toContain(offlineText);
        // The tab is closed while still offline; the server never got the text.
        await page.close();
        await context.setOffline(false);

        // 3. Back online, the member opens the form again: the text is back, from this phone, and saved.
        const again = await context.newPage();
        await again.goto(selfExamUrl);
        await again.getByText(/Đã khôi phục nội dung bạn viết trên máy này/).waitFor();
        await expect(again.getByRole('group', { name: 'Hạn chế, khuyết điểm 1' }).getByLabel('Nguyên nhân cụ thể').inputValue()).resolves.toBe(offlineText);
        await expect.poll(async () => saveStatus(again).textContent(), { timeout: 15_000 }).toMatch(/^Đã lưu lúc/);
        const saved = await memberApi<SelfExam>(new URL(selfExamUrl).pathname.replace('/self-examinations/', '/api/self-examinations/'));
        expect(JSON.stringify(saved)).toContain(offlineText);
        expect(saved.strengths).toBe(strengths);

        // 4. Submit: the proposal becomes an item of this year's correction plan.
        await again.getByRole('button', { name: 'Nộp bản tự soi' }).click();
        const dialog = again.getByRole('dialog', { name: 'Nộp bản tự soi?' });
        await dialog.getByText(/1 đề xuất khắc phục đủ biện pháp/).waitFor();
        await dialog.getByRole('button', { name: 'Nộp', exact: true }).click();
        await again.getByText('Đã nộp bản tự soi.').waitFor();
        const submitted = await memberApi<SelfExam>(new URL(selfExamUrl).pathname.replace('/self-examinations/', '/api/self-examinations/'));
        expect(submitted.status).toBe('submitted');
        expect(submitted.answers).toHaveLength(27 + exemplary.length);
        await shot(again, 'selfexam-submitted-phone');
      } finally {
        await context.close();
      }
    }

    // 5. Another member of the cell gives feedback on a phone, outside a meeting.
    const giver = await accountForAnotherMember(cellId, [member.fullName, 'Ngô Thị Loan']);
    const feedbackText = 'Đồng chí còn nói chuyện riêng khi chi bộ thảo luận, đề nghị đồng chí chú ý lắng nghe.';
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, giver.username, giver.password);
        await page.goto(`${baseUrl()}/tu-soi`);
        await page.getByRole('heading', { name: 'Bản tự soi của tôi', level: 1 }).waitFor();
        // Giving feedback sits with the feedback one has sent, not under what one received.
        await page.getByRole('region', { name: 'Góp ý tôi nhận được' }).waitFor();
        expect(await page.getByRole('region', { name: 'Góp ý tôi nhận được' }).getByRole('link', { name: 'Gửi góp ý' }).count()).toBe(0);
        await page.getByRole('region', { name: 'Góp ý tôi đã gửi' }).getByRole('link', { name: 'Gửi góp ý', exact: true }).click();
        await page.getByRole('heading', { name: 'Góp ý', level: 1 }).waitFor();
        await page.getByRole('radio', { name: 'Góp ý cho một đảng viên' }).check();
        await page.getByLabel('Đảng viên được góp ý').selectOption({ label: member.fullName });
        await page.getByLabel('Nội dung góp ý về').selectOption({ label: 'Tác phong, lề lối làm việc' });
        await page.getByLabel('Ý kiến góp ý').fill(feedbackText);
        await page.getByText('Người được góp ý, chi ủy, Đảng ủy và Ủy ban Kiểm tra thấy góp ý này cùng tên bạn.').waitFor();
        await page.getByRole('button', { name: 'Gửi góp ý' }).click();
        await page.getByText(`Đã gửi góp ý tới ${member.fullName}.`).waitFor();
        await shot(page, 'selfexam-feedback-sent-phone');
      } finally {
        await context.close();
      }
    }

    // 6. The member accepts it: it becomes a plan item in one step, linked back to the feedback.
    // Due within two weeks, so it also shows on the member's home.
    const fixBy = addDays(vietnamToday(), 10);
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'dangvien.dongthu');
        await page.goto(`${baseUrl()}/tu-soi`);
        const received = page.getByRole('article').filter({ hasText: feedbackText });
        await received.getByText(`Từ: ${giver.fullName}`).waitFor();
        await received.getByRole('button', { name: 'Trả lời góp ý về Tác phong, lề lối làm việc' }).click();
        const dialog = page.getByRole('dialog', { name: 'Trả lời góp ý' });
        await dialog.getByRole('radio', { name: 'Tiếp thu và lập mục tự sửa' }).check();
        await dialog.getByRole('textbox', { name: 'Biện pháp khắc phục' }).fill('Tắt điện thoại, ghi chép khi chi bộ thảo luận.');
        await dialog.getByLabel('Thời hạn').fill(fixBy);
        await dialog.getByLabel('Tiêu chí đánh giá đã khắc phục').fill('Chi ủy không phải nhắc ở kỳ sinh hoạt nào.');
        await dialog.getByRole('button', { name: 'Gửi trả lời' }).click();
        await page.getByText('Đã tiếp thu góp ý; mục tự sửa đã được thêm vào kế hoạch của bạn.').waitFor();
        const plan = page.getByRole('list', { name: `Các mục của kế hoạch tự sửa năm ${year}` });
        // The shortcoming is pre-filled with the feedback's words.
        const fromFeedback = plan.getByRole('article').filter({ hasText: feedbackText });
        await fromFeedback.getByText('Từ góp ý đã tiếp thu').waitFor();
        await expect(plan.getByRole('article').filter({ hasText: shortcoming }).count()).resolves.toBe(1);

        // "Việc của tôi" on the home page lists it among the items due within 14 days.
        await page.goto(baseUrl());
        const due = page.getByRole('list', { name: 'Mục tự sửa đến hạn trong 14 ngày' });
        await due.getByRole('link', { name: feedbackText }).waitFor();
        await shot(page, 'selfexam-home-due-phone');
        await page.goto(`${baseUrl()}/tu-soi`);

        // The member reports it done; the cell committee has to confirm it.
        await fromFeedback.getByRole('button', { name: /^Báo đã khắc phục xong:/ }).click();
        const claim = page.getByRole('dialog', { name: 'Báo đã khắc phục xong' });
        await claim.getByLabel('Kết quả đã đạt so với tiêu chí').fill('Hai kỳ sinh hoạt vừa rồi đã tắt điện thoại và ghi chép đầy đủ.');
        await claim.getByRole('button', { name: 'Báo đã khắc phục' }).click();
        await fromFeedback.getByText('Chờ chi ủy xác nhận', { exact: true }).waitFor();
        await shot(page, 'selfexam-plan-phone');
      } finally {
        await context.close();
      }
    }

    // 7. The secretary, at a desk, opens the member's plan from the cell board and verifies the item.
    {
      const { context, page } = await newPage(browser, DESKTOP);
      try {
        await signIn(page, 'bithu.dongthu');
        // The menu tells one's own self-examination from the cell's, and directives from local
        // issues, by name and by icon.
        const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
        const icon = (name: string) => nav.getByRole('link', { name, exact: true }).locator('svg').innerHTML();
        const [own, board, directives, issues] = await Promise.all(
          ['Bản tự soi của tôi', 'Tự soi, tự sửa của chi bộ', 'Văn bản chỉ đạo', 'Vấn đề tồn tại'].map(icon),
        );
        expect(new Set([own, board, directives, issues]).size).toBe(4);
        await nav.getByRole('link', { name: 'Tự soi, tự sửa của chi bộ', exact: true }).click();
        await page.getByRole('heading', { name: 'Tự soi, tự sửa', level: 1 }).waitFor();
        expect(new URL(page.url()).pathname).toBe(`/units/${cellId}/tu-soi`);
        await shot(page, 'selfexam-board');
        await page.getByRole('link', { name: `Kế hoạch tự sửa của ${member.fullName}` }).click();
        await page.getByText(/lần bạn xem này đã được ghi lại/).waitFor();
        const item = page.getByRole('article').filter({ hasText: feedbackText });
        await item.getByRole('button', { name: new RegExp(`^Xác nhận kết quả khắc phục của ${member.fullName}`) }).click();
        const verify = page.getByRole('dialog', { name: 'Xác nhận kết quả khắc phục' });
        await verify.getByRole('radio', { name: 'Đã khắc phục' }).check();
        await verify.getByLabel('Ý kiến').fill('Chi ủy đối chiếu biên bản hai kỳ: đạt.');
        await verify.getByRole('button', { name: 'Lưu kết luận' }).click();
        await page.getByText(`Đã xác nhận đồng chí ${member.fullName} khắc phục xong.`).waitFor();
        await item.getByText(/Chi ủy xác nhận đã khắc phục đúng hạn ngày/).waitFor();
        await shot(page, 'selfexam-verified');
        // The item links back to the feedback it came from.
        await item.getByRole('link', { name: 'Từ góp ý đã tiếp thu' }).click();
        await page.getByRole('heading', { name: 'Góp ý: Tác phong, lề lối làm việc', level: 1 }).waitFor();
        const card = page.getByRole('article').filter({ hasText: feedbackText });
        await card.getByText(`${giver.fullName} → ${member.fullName}`).waitFor();
        await card.getByText('Đã tiếp thu', { exact: true }).waitFor();
      } finally {
        await context.close();
      }
    }

    // 8. The member sees who viewed their record: the secretary, just now.
    const log = await memberApi<AccessLog>('/api/me/access-log');
    expect(log.items[0]?.viewerName).toBe('Ngô Thị Loan');
    {
      const { context, page } = await newPage(browser, PHONE);
      try {
        await signIn(page, 'dangvien.dongthu');
        await page.goto(`${baseUrl()}/tu-soi`);
        const viewed = page.getByRole('region', { name: 'Ai đã xem hồ sơ của tôi' });
        await viewed.getByText(`${log.total} lần xem`).waitFor();
        await viewed.getByText('Ngô Thị Loan').first().waitFor();
        await viewed.getByText(`đã xem kế hoạch tự sửa — Năm ${year}`).first().waitFor();
        await shot(page, 'selfexam-access-log-phone');
      } finally {
        await context.close();
      }
    }
  }, 240_000);
});
