import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { requester } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { openPublicLimits, publicForm, sendCitizen, setStatus as setStatusAs } from '../../../test/helpers/local-issues.js';
import { buildAccount, buildIssue, useStaffedCommune } from '../../../test/helpers/factories.js';
import type { CitizenFeedbackListResponse, CitizenFeedbackSummary, PublicFeedbackStatus } from './schemas.js';
import type { LocalIssueDetail, LocalIssueListResponse } from '../local-issues/schemas.js';

forEachDialect((dialect) => {
  describe('citizens\' feedback (ý kiến người dân): the public form, tracking codes, triage, contacts, the people\'s word', () => {
    const t = useTestApp(dialect, openPublicLimits);
    const call = requester(t);
    /** A commune of two village cells (the staff's own "Đồng Thứ" and "Lưu Quang") and the six staff roles. */
    const { home, staff, as } = useStaffedCommune(t, { villages: ['Đồng Thứ', 'Lưu Quang'] });
    /** An office-only account, and a cell that stands for no village (the commune police's). */
    const extra = { officeOnly: '', police: '' };
    beforeAll(async () => {
      extra.officeOnly = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
      const police = await call('POST', '/api/units', staff().office.cookie, { parentId: home().id, kind: 'cell', name: 'Chi bộ Công an xã' });
      expect(police.statusCode, police.body).toBe(201);
      extra.police = police.json().id as string;
    });
    const officeOnly = async () => extra.officeOnly;
    const dongThu = () => home().cells[0]!;
    /** A citizen's message from the staff's village, through the public form. */
    const send = (body: Record<string, unknown> = {}) => sendCitizen(t(), body, dongThu().name);
    /** A new public issue of the staff's village, filed by the committee. */
    const createIssue = (body: Record<string, unknown> = {}) =>
      buildIssue(t(), { cookie: staff().committee.cookie, communeId: home().id, villageUnitId: dongThu().id }, body);
    const setStatus = (id: string, body: Record<string, unknown>) => setStatusAs(t(), id, body, staff().committee.cookie);
    const publicPost = async (payload: Record<string, unknown>, lang?: string) =>
      t().app.inject({ method: 'POST', url: '/api/public/feedback', payload, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
    const track = (code: string) => t().app.inject({ method: 'GET', url: `/api/public/feedback/${encodeURIComponent(code)}` });
    const idOf = async (code: string) => {
      const status = await track(code);
      expect(status.statusCode).toBe(200);
      const rows = await t().db.db.selectFrom('citizen_feedback').select(['id', 'content']).execute();
      return rows.find((r) => r.content === (status.json() as PublicFeedbackStatus).content)!.id;
    };
    const feedbackRow = (id: string) => t().db.db.selectFrom('citizen_feedback').selectAll().where('id', '=', id).executeTakeFirst();
    const countRows = async () => Number((await t().db.db.selectFrom('citizen_feedback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    type Fixture = { id: string; commune: string; dongThu: string };
    const row = (r: AccessRow<Fixture>) => r;
    const rows: AccessRow<Fixture>[] = [
      row({
        route: 'GET /api/citizen-feedback',
        method: 'GET',
        url: (f) => `/api/citizen-feedback?unitId=${f.commune}`,
        missing: () => `/api/citizen-feedback?unitId=${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: as('otherSecretary'),
        happy: {
          who: as('committee'),
          status: 200,
          check: (res, f) => {
            const list = res.json() as CitizenFeedbackListResponse;
            expect(list.items.find((i) => i.id === f.id)?.contact?.name).toBe('Nguyễn Thị Thử');
            expect(list.counts.new).toBeGreaterThan(0);
          },
        },
      }),
      row({
        route: 'GET /api/citizen-feedback/:id',
        method: 'GET',
        url: (f) => `/api/citizen-feedback/${f.id}`,
        missing: () => `/api/citizen-feedback/${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: as('otherSecretary'),
        // UBKT reads the message to supervise, never who wrote it.
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.json()).toMatchObject({ contact: null, actions: [] }) },
      }),
      row({
        route: 'POST /api/citizen-feedback/:id/triage',
        method: 'POST',
        url: (f) => `/api/citizen-feedback/${f.id}/triage`,
        missing: () => `/api/citizen-feedback/${missingId()}/triage`,
        body: (f) => ({ action: 'route', unitId: f.dongThu }),
        forbidden: [officeOnly, as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('committee'), status: 200, audit: 'citizen_feedback.route', check: (res) => expect(res.json()).toMatchObject({ status: 'in_progress', routedUnit: { name: dongThu().name } }) },
      }),
      row({
        route: 'POST /api/citizen-feedback/:id/answer',
        method: 'POST',
        url: (f) => `/api/citizen-feedback/${f.id}/answer`,
        missing: () => `/api/citizen-feedback/${missingId()}/answer`,
        body: () => ({ text: 'Xã đã ghi nhận, sẽ trả lời bà sau khi rà soát hồ sơ.' }),
        forbidden: [officeOnly, as('inspection')],
        other: as('otherSecretary'),
        happy: { who: as('committee'), status: 200, audit: 'citizen_feedback.answer', check: (res) => expect(res.json().status).toBe('answered') },
      }),
    ];
    describe('who may call each endpoint', () => {
      accessMatrix(t, {
        routesFile: new URL('./routes.ts', import.meta.url),
        rows,
        fixture: async () => {
          const sent = await send();
          return { id: await idOf(sent.trackingCode), commune: home().id, dongThu: dongThu().id };
        },
        state: (f) => feedbackRow(f.id),
      });
    });
    describe("who may give the people's word on a resolved issue (the cell's path; the citizen's, with a code, is below)", () => {
      const confirmationRows: AccessRow<{ issue: LocalIssueDetail }>[] = [
        {
          route: 'POST /api/local-issues/:id/confirmations',
          method: 'POST',
          url: (f) => `/api/local-issues/${f.issue.id}/confirmations`,
          missing: () => `/api/local-issues/${missingId()}/confirmations`,
          body: () => ({ decision: 'confirm', comment: 'Chi bộ đã kiểm tra, bà con đồng tình.' }),
          // The commune's committee reads it but the word is the village cell's.
          forbidden: [officeOnly, as('member'), as('committee')],
          other: as('otherSecretary'),
          happy: { who: as('secretary'), status: 201, audit: 'local_issue.confirmation', check: (res) => expect(res.json().confirmations).toEqual({ confirmed: 1, disputed: 0 }) },
        },
      ];
      accessMatrix(t, {
        routesFile: new URL('./confirmation-routes.ts', import.meta.url),
        rows: confirmationRows,
        fixture: async () => {
          const issue = await createIssue();
          await setStatus(issue.id, { status: 'resolved', resolutionSummary: 'Đã thu dọn, bố trí lịch thu gom 3 buổi/tuần.' });
          return { issue };
        },
        state: async (f) => t().db.db.selectFrom('local_issue_confirmations').select(['decision']).where('issue_id', '=', f.issue.id).execute(),
      });
    });

    it('the form offers the villages (not the other cells) and the topics; a message gets a readable code and is audited without the contact', async () => {
      const form = await publicForm(t());
      expect(form.villages.map((v) => v.name)).toContain(dongThu().villageName);
      expect(form.villages.map((v) => v.name)).not.toContain('Chi bộ Công an xã');
      expect(form.villages.every((v) => v.communeName === home().name)).toBe(true);
      expect(form.topics.map((c) => c.code)).toContain('moi_truong');
      const before = await auditCount(t());
      const sent = await send({ content: '<script>alert("xss")</script><b>Đường</b> ngập nước', email: 'nguoidan@example.vn' });
      expect(sent.trackingCode).toMatch(/^[2-9ACDEGHKMNPRSTUVXY]{4}-[2-9ACDEGHKMNPRSTUVXY]{4}-[2-9ACDEGHKMNPRSTUVXY]{4}$/);
      expect(sent.merged).toBe(false);
      expect(await auditCount(t())).toBe(before + 1);
      const entry = await lastAudit(t());
      expect(entry.action).toBe('citizen_feedback.create');
      expect(entry.actor_account_id).toBeNull();
      expect(JSON.stringify(entry)).not.toMatch(/Nguyễn Thị Thử|0912|nguoidan@/);
      // Stored and answered as the very text: nothing is interpreted.
      const status = (await track(sent.trackingCode)).json() as PublicFeedbackStatus;
      expect(status).toMatchObject({ status: 'new', villageName: dongThu().villageName, topicName: 'Quản lý đất đai', answer: null, issue: null });
      expect(status.content).toBe('<script>alert("xss")</script><b>Đường</b> ngập nước');
      // Case, spaces and dashes do not matter.
      const typed = sent.trackingCode.toLowerCase().replace(/-/g, ' ');
      expect((await track(typed)).statusCode).toBe(200);
    });

    it('the committee names the village a cell stands for; only a cell can stand for one', async () => {
      const police = extra.police;
      const set = await call('PATCH', `/api/units/${police}`, staff().committee.cookie, { villageName: 'Khu tập thể Công an' });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().villageName).toBe('Khu tập thể Công an');
      expect((await publicForm(t())).villages.map((v) => v.name)).toContain('Khu tập thể Công an');
      expect((await call('PATCH', `/api/units/${police}`, staff().committee.cookie, { villageName: null })).json().villageName).toBeNull();
      const commune = await call('PATCH', `/api/units/${home().id}`, staff().committee.cookie, { villageName: 'Minh Quang' });
      expect(commune.statusCode).toBe(400);
      expect(fieldsOf(commune)).toEqual(['villageName']);
    });

    it('a wrong, guessed or malformed code answers exactly like an unknown one', async () => {
      const sent = await send();
      const wrong = sent.trackingCode.slice(0, -1) + (sent.trackingCode.endsWith('2') ? '3' : '2');
      const answers = await Promise.all([wrong, 'AAAA-AAAA-AAAA', 'không-phải-mã', 'x'.repeat(40)].map(track));
      for (const a of answers) {
        expect(a.statusCode).toBe(404);
        expect(a.body).toBe(answers[0]!.body);
      }
      expect(answers[0]!.json().error.message).toContain('mã tra cứu');
      expect(answers[0]!.headers['cache-control']).toBe('no-store');
    });

    it('every field is checked with a plain message naming it; nothing is stored', async () => {
      const form = await publicForm(t());
      const before = await countRows();
      const base = { name: 'Lê Văn Khách', villageUnitId: dongThu().id, topic: 'khac', content: 'Nội dung đủ dài để gửi.', formToken: form.formToken };
      const noContact = await publicPost(base);
      expect(noContact.statusCode).toBe(400);
      expect(fieldsOf(noContact)).toEqual(['phone']);
      expect(noContact.json().error.message).toContain('số điện thoại hoặc email');
      const bad = await publicPost({ ...base, name: 'A', phone: 'gọi tôi', email: 'không phải email', content: 'x'.repeat(5001), consentContact: 'có' });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad).sort()).toEqual(['consentContact', 'content', 'email', 'name', 'phone'].sort());
      expect(bad.json().error.message).toContain('Nội dung ý kiến (content): tối đa 5000');
      const unknownVillage = await publicPost({ ...base, phone: '0912000111', villageUnitId: extra.police });
      expect(fieldsOf(unknownVillage)).toEqual(['villageUnitId']);
      const unknownTopic = await publicPost({ ...base, phone: '0912000111', topic: 'bau_cu' });
      expect(fieldsOf(unknownTopic)).toEqual(['topic']);
      const badToken = await publicPost({ ...base, phone: '0912000111', formToken: `${Date.now() - 60_000}.abc.forged` });
      expect(fieldsOf(badToken)).toEqual(['formToken']);
      const english = await publicPost({ ...base }, 'en');
      expect(english.json().error.message).toContain('phone number or an email');
      const huge = await t().app.inject({ method: 'POST', url: '/api/public/feedback', payload: { ...base, content: 'x'.repeat(40_000) } });
      expect(huge.statusCode).toBe(413);
      expect(await countRows()).toBe(before);
    });

    it('robots: the honeypot is answered like a success and stored nowhere; a form sent too fast is refused', async () => {
      const before = await countRows();
      const audits = await auditCount(t());
      const form = await publicForm(t());
      const bot = await publicPost({ name: 'Bot', phone: '0900111222', villageUnitId: dongThu().id, topic: 'khac', content: 'Mua thuốc giá rẻ tại đây', formToken: form.formToken, website: 'http://spam.example' });
      expect(bot.statusCode).toBe(201);
      expect(bot.json().trackingCode).toMatch(/^.{4}-.{4}-.{4}$/);
      expect((await track(bot.json().trackingCode)).statusCode).toBe(404);
      expect(await countRows()).toBe(before);
      expect(await auditCount(t())).toBe(audits);

      const config = t().ctx.config;
      config.publicFormMinSeconds = 60;
      try {
        const fast = await publicPost({ name: 'Người gửi nhanh', phone: '0900111333', villageUnitId: dongThu().id, topic: 'khac', content: 'Gửi ngay khi mở trang', formToken: (await publicForm(t())).formToken });
        expect(fast.statusCode).toBe(400);
        expect(fieldsOf(fast)).toEqual(['formToken']);
        expect(fast.json().error.message).toContain('nhanh quá');
      } finally {
        config.publicFormMinSeconds = 0;
      }
      expect(await countRows()).toBe(before);
    });

    it('rate limits: per contact and per address, 429 in Vietnamese with when to retry', async () => {
      const config = t().ctx.config;
      config.publicFeedbackPerContactPerDay = 2;
      try {
        const phone = '0987 654 321';
        await send({ phone, content: 'Ý kiến thứ nhất về đường làng.' });
        await send({ phone: '+84 987 654 321', content: 'Ý kiến thứ hai về đường làng.' });
        const third = await publicPost({ ...(await sendCitizenBody()), phone: '0987654321', content: 'Ý kiến thứ ba về đường làng.' });
        expect(third.statusCode).toBe(429);
        expect(third.json().error.message).toBe('Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau 1440 phút.');
        expect(third.headers['retry-after']).toBe(String(24 * 3600));
      } finally {
        config.publicFeedbackPerContactPerDay = openPublicLimits.publicFeedbackPerContactPerDay;
      }
      config.publicFeedbackPerIpPerHour = 1;
      try {
        const byIp = await publicPost({ ...(await sendCitizenBody()), phone: '0933 222 111' });
        expect(byIp.statusCode).toBe(429);
        expect(byIp.headers['retry-after']).toBe('3600');
      } finally {
        config.publicFeedbackPerIpPerHour = openPublicLimits.publicFeedbackPerIpPerHour;
      }
    });
    async function sendCitizenBody() {
      return { name: 'Người dân', villageUnitId: dongThu().id, topic: 'khac', content: 'Nội dung ý kiến để thử giới hạn.', formToken: (await publicForm(t())).formToken };
    }

    it('the same message from the same contact within a day is merged: one record, a code for each send', async () => {
      const first = await send({ phone: '0977 100 200', content: 'Đèn đường ngõ 5 bị hỏng, đề nghị sửa!' });
      const before = await countRows();
      const again = await send({ phone: '0977100200', content: 'đèn đường NGÕ 5 bị hỏng — đề nghị sửa' });
      expect(again.merged).toBe(true);
      expect(again.trackingCode).not.toBe(first.trackingCode);
      expect(await countRows()).toBe(before);
      const id = await idOf(first.trackingCode);
      expect((await feedbackRow(id))!.duplicate_count).toBe(1);
      expect((await lastAudit(t())).action).toBe('citizen_feedback.merge');
      expect((await track(again.trackingCode)).body).toBe((await track(first.trackingCode)).body);
      // Other words are another message.
      expect((await send({ phone: '0977100200', content: 'Cống thoát nước ngõ 5 bị tắc.' })).merged).toBe(false);
    });

    it('triage to answer to the people\'s word: link to Lồng Chấy, answer, the citizen confirms the resolution once with their code', async () => {
      const sent = await send({ content: 'Gia đình tôi ở Lồng Chấy đã nhận đất dịch vụ, xin xác nhận.' });
      const id = await idOf(sent.trackingCode);
      // A resolved land issue on which the village has already given its word twice and a citizen once
      // (as the demo's Lồng Chấy): the cell confirms, and another citizen disputes with their code.
      const resolved = await createIssue({ categoryCode: 'dat_dai', title: 'Giao đất dịch vụ cho các hộ dân khu vực Lồng Chấy' });
      await setStatus(resolved.id, { status: 'in_progress' });
      await setStatus(resolved.id, { status: 'resolved', resolutionSummary: 'Đã giao đất dịch vụ cho các hộ.' });
      expect((await call('POST', `/api/local-issues/${resolved.id}/confirmations`, staff().secretary.cookie, { decision: 'confirm' })).statusCode).toBe(201);
      const neighbour = await send({ content: 'Nhà tôi ở Lồng Chấy chưa nhận đủ đất dịch vụ.' });
      const neighbourId = await idOf(neighbour.trackingCode);
      expect((await call('POST', `/api/citizen-feedback/${neighbourId}/triage`, staff().committee.cookie, { action: 'link', localIssueId: resolved.id })).statusCode).toBe(200);
      const disputed = await t().app.inject({ method: 'POST', url: `/api/local-issues/${resolved.id}/confirmations`, payload: { decision: 'dispute', trackingCode: neighbour.trackingCode, comment: 'Chưa đủ' } });
      expect(disputed.statusCode, disputed.body).toBe(200);
      const commune = home().id;
      const issues = (await call('GET', `/api/local-issues?unitId=${commune}&q=long%20chay`, staff().committee.cookie)).json() as LocalIssueListResponse;
      const longChay = issues.items[0]!;
      expect(longChay.id).toBe(resolved.id);
      const linked = await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, { action: 'link', localIssueId: longChay.id });
      expect(linked.statusCode, linked.body).toBe(200);
      expect((linked.json() as CitizenFeedbackSummary).localIssue).toMatchObject({ id: longChay.id, status: 'resolved' });
      expect((await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, { action: 'link', localIssueId: longChay.id })).statusCode).toBe(409);
      expect((await call('POST', `/api/citizen-feedback/${id}/answer`, staff().committee.cookie, { text: 'Xã đã giao đất dịch vụ cho gia đình ngày 20/5/2023.' })).statusCode).toBe(200);

      const seen = (await track(sent.trackingCode)).json() as PublicFeedbackStatus;
      expect(seen).toMatchObject({ status: 'answered', answer: { text: 'Xã đã giao đất dịch vụ cho gia đình ngày 20/5/2023.' }, issue: { id: longChay.id, status: 'resolved', canConfirm: true, myDecision: null, confirmations: { confirmed: 1, disputed: 1 } } });
      const confirm = (code: string, issueId = longChay.id) => t().app.inject({ method: 'POST', url: `/api/local-issues/${issueId}/confirmations`, payload: { decision: 'confirm', trackingCode: code } });
      const other = await createIssue();
      expect((await confirm(sent.trackingCode, other.id)).statusCode).toBe(404);
      expect((await confirm('AAAA-AAAA-AAAA')).statusCode).toBe(404);
      const before = await auditCount(t());
      const done = await confirm(sent.trackingCode);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ issue: { canConfirm: false, myDecision: 'confirm', confirmations: { confirmed: 2, disputed: 1 } } });
      expect(await auditCount(t())).toBe(before + 1);
      expect((await lastAudit(t())).actor_account_id).toBeNull();
      expect((await confirm(sent.trackingCode)).statusCode).toBe(409);
      const issue = (await call('GET', `/api/local-issues/${longChay.id}`, staff().committee.cookie)).json() as LocalIssueDetail;
      expect(issue.confirmations).toEqual({ confirmed: 2, disputed: 1 });
      expect(issue.citizenFeedback.some((m) => m.id === id)).toBe(true);
      expect(issue.timeline.some((e) => e.kind === 'citizen_feedback' && e.citizenFeedbackId === id)).toBe(true);
      // Members of the village read the issue, not the citizens' words.
      const member = (await call('GET', `/api/local-issues/${longChay.id}`, staff().member.cookie)).json() as LocalIssueDetail;
      expect(member.citizenFeedback).toEqual([]);
      expect(member.timeline.filter((e) => e.kind === 'citizen_feedback').every((e) => e.note === null && e.citizenFeedbackId === null)).toBe(true);
    });

    it('contacts: the committee and the cell it was routed to see them; UBKT, other cells and the office never', async () => {
      const sent = await send({ name: 'Trần Văn Liên Hệ', phone: '0911 222 333' });
      const id = await idOf(sent.trackingCode);
      const contactOf = async (who: string) => ((await call('GET', `/api/citizen-feedback/${id}`, who)).json() as CitizenFeedbackSummary).contact;
      expect(await contactOf(staff().committee.cookie)).toMatchObject({ name: 'Trần Văn Liên Hệ', phone: '0911 222 333' });
      expect(await contactOf(staff().inspection.cookie)).toBeNull();
      expect((await call('GET', `/api/citizen-feedback/${id}`, staff().secretary.cookie)).statusCode).toBe(404);
      const route = await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, { action: 'route', unitId: dongThu().id });
      expect(route.statusCode).toBe(200);
      expect(await contactOf(staff().secretary.cookie)).toMatchObject({ name: 'Trần Văn Liên Hệ' });
      expect((await call('GET', `/api/citizen-feedback/${id}`, staff().otherSecretary.cookie)).statusCode).toBe(404);
      const inbox = (await call('GET', `/api/citizen-feedback?unitId=${dongThu().id}`, staff().secretary.cookie)).json() as CitizenFeedbackListResponse;
      expect(inbox.items.map((i) => i.id)).toContain(id);
      expect(inbox.items.every((i) => i.routedUnit?.name === dongThu().name)).toBe(true);
      // The routed cell answers; triage stays the committee's.
      expect((await call('POST', `/api/citizen-feedback/${id}/answer`, staff().secretary.cookie, { text: 'Chi bộ thôn sẽ đến gặp ông.' })).statusCode).toBe(200);
      expect((await call('POST', `/api/citizen-feedback/${id}/triage`, staff().secretary.cookie, { action: 'close', reason: 'Đã xong' })).statusCode).toBe(403);
      const other = await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, { action: 'route', unitId: home().cells[1]!.id });
      expect(other.statusCode).toBe(200);
      expect((await call('GET', `/api/citizen-feedback/${id}`, staff().secretary.cookie)).statusCode).toBe(404);
    });

    it('a message becomes a new issue in its village; closing stops all further handling', async () => {
      const sent = await send({ topic: 'moi_truong', content: 'Cống thoát nước đầu thôn bị vỡ, nước thải chảy ra đường.' });
      const id = await idOf(sent.trackingCode);
      const bad = await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, { action: 'create_issue', issue: { categoryCode: 'khong_co', title: 'Cống vỡ', description: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(fieldsOf(bad)).toEqual(['issue.categoryCode']);
      const made = await call('POST', `/api/citizen-feedback/${id}/triage`, staff().committee.cookie, {
        action: 'create_issue',
        issue: { categoryCode: 'moi_truong', title: 'Cống thoát nước đầu thôn Đồng Thứ bị vỡ', description: 'Theo ý kiến người dân: nước thải chảy ra đường.', public: true },
      });
      expect(made.statusCode, made.body).toBe(200);
      const issueId = (made.json() as CitizenFeedbackSummary).localIssue!.id;
      const issue = (await call('GET', `/api/local-issues/${issueId}`, staff().committee.cookie)).json() as LocalIssueDetail;
      expect(issue).toMatchObject({ village: { name: dongThu().villageName }, status: 'new', citizenFeedbackCount: 1 });
      await setStatus(issueId, { status: 'resolved', resolutionSummary: 'Đã thay đoạn cống vỡ.' });
      expect(((await track(sent.trackingCode)).json() as PublicFeedbackStatus).issue).toMatchObject({ status: 'resolved', canConfirm: true, resolutionSummary: 'Đã thay đoạn cống vỡ.' });

      const spam = await send({ content: 'Quảng cáo vay tiền nhanh, gọi ngay.' });
      const spamId = await idOf(spam.trackingCode);
      expect((await call('POST', `/api/citizen-feedback/${spamId}/triage`, staff().committee.cookie, { action: 'close', reason: 'Tin quảng cáo.' })).statusCode).toBe(200);
      expect(((await track(spam.trackingCode)).json() as PublicFeedbackStatus)).toMatchObject({ status: 'closed', closeReason: 'Tin quảng cáo.' });
      expect((await call('POST', `/api/citizen-feedback/${spamId}/answer`, staff().committee.cookie, { text: 'x' })).statusCode).toBe(409);
      expect((await call('POST', `/api/citizen-feedback/${spamId}/triage`, staff().committee.cookie, { action: 'route', unitId: dongThu().id })).statusCode).toBe(409);
    });
  });
});
