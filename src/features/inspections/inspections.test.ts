import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, missingId } from '../../../test/helpers/accounts.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { fieldsOf } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune, buildMeeting, useStaffedCommune } from '../../../test/helpers/factories.js';
import { openPublicLimits, sendCitizen } from '../../../test/helpers/local-issues.js';
import { caseDates, conclude, createProgramme, openCase, recordStep, walkToConclusion } from '../../../test/helpers/inspections.js';
import type { InspectionDetail, InspectionOverview, ProgrammeDetail, SubjectRecordsResponse } from './schemas.js';

forEachDialect((dialect) => {
  describe('inspection and supervision (kiểm tra, giám sát): programmes, cases, conclusions, follow-up', () => {
    const t = useTestApp(dialect, openPublicLimits);
    const call = requester(t);
    const { home, staff } = useStaffedCommune(t);
    let otherCommuneCell = '';
    let otherCommuneMember = '';
    let officeOnly = '';
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      otherCommuneCell = other.cells[0]!.id;
      otherCommuneMember = other.cells[0]!.members[0]!.id;
      officeOnly = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const ubkt = () => staff().inspection.cookie;
    const secretary = () => staff().secretary.cookie;
    const cell = () => home().cells[0]!;
    const get = async (id: string, who: string) => call('GET', `/api/inspections/${id}`, who);

    it('a programme is drafted, adopted and its item started as a case; the programme shows its progress', async () => {
      const d = caseDates();
      const year = Number(vnToday().slice(0, 4));
      const programme = await createProgramme(t(), ubkt(), {
        unitId: home().id,
        items: [
          { kindCode: 'supervision_thematic', subjectUnitId: cell().id, content: 'Chất lượng sinh hoạt chi bộ', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, plannedStart: `${year}-01-05`, plannedEnd: `${year}-12-31`, teamMemberIds: [] },
          { kindCode: 'supervision_regular', subjectUnitId: home().cells[1]!.id, content: 'Giám sát thường xuyên', reviewFrom: `${year}-01-01`, reviewTo: `${year}-12-31`, plannedStart: `${year}-12-28`, plannedEnd: `${year}-12-31`, teamMemberIds: [] },
        ],
      });
      expect(programme).toMatchObject({ status: 'draft', counts: { total: 2 }, actions: ['add_item', 'adopt', 'download'] });
      expect(programme.items[0]).toMatchObject({ kindName: 'Giám sát chuyên đề', subjectUnitName: cell().name, actions: [] });
      const again = await call('POST', '/api/inspection-programmes', ubkt(), { unitId: home().id, body: 'inspection_committee', year, title: 'x' });
      expect(fieldsOf(again)).toEqual(['year']);
      const notYet = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', programmeItemId: programme.items[0]!.id, decidedOn: d.decidedOn });
      expect(fieldsOf(notYet)).toEqual(['programmeItemId']);
      const adopted = (await call('POST', `/api/inspection-programmes/${programme.id}/adopt`, ubkt(), { adoptedOn: `${year}-01-03` })).json() as ProgrammeDetail;
      expect(adopted).toMatchObject({ status: 'adopted', adoptedOn: `${year}-01-03` });
      expect(adopted.items[0]!.actions).toEqual(['start']);
      const started = (await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', programmeItemId: programme.items[0]!.id, decidedOn: d.decidedOn, decisionNo: '01-QĐ/UBKT' })).json() as InspectionDetail;
      expect(started).toMatchObject({ kindCode: 'supervision_thematic', programmeItemId: programme.items[0]!.id, subject: { kind: 'unit', unitId: cell().id }, status: 'open', nextStep: 'plan', viewer: 'staff' });
      expect(started.steps[0]).toMatchObject({ code: 'decision', entry: { doneOn: d.decidedOn, documentNo: '01-QĐ/UBKT' } });
      const twice = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', programmeItemId: programme.items[0]!.id, decidedOn: d.decidedOn });
      expect(fieldsOf(twice)).toEqual(['programmeItemId']);
      const after = (await call('GET', `/api/inspection-programmes/${programme.id}`, staff().committee.cookie)).json() as ProgrammeDetail;
      // The thematic one is under way, late by now (its steps were due weeks ago); the regular one is still to come.
      expect(after.items.map((i) => i.state)).toEqual(['in_progress', 'planned']);
      expect(after.items[0]!.inspectionId).toBe(started.id);
    });

    it('a thematic supervision of a cell: steps in order with working-day due dates, the subject sees only what is addressed to it, recommendations become the cell\'s tasks and are verified', async () => {
      const d = caseDates();
      const meeting = await buildMeeting(t(), secretary(), { unitId: cell().id, date: shiftDate(d.reviewTo, -5) });
      const c = await openCase(t(), ubkt(), { unitId: home().id, subjectUnitId: cell().id });
      // The subject does not know yet: the secretary gets exactly what a missing case gives.
      expect((await get(c.id, secretary())).statusCode).toBe(404);
      expect((await get(c.id, staff().member.cookie)).statusCode).toBe(404);
      // Out of order: the plan comes before the notice.
      const early = await call('POST', `/api/inspections/${c.id}/steps`, ubkt(), { code: 'notice', doneOn: d.notice, note: 'x' });
      expect(early.statusCode).toBe(400);
      expect(fieldsOf(early)).toEqual(['code']);
      await recordStep(t(), ubkt(), c.id, { code: 'plan', doneOn: d.plan });
      const before = await call('POST', `/api/inspections/${c.id}/steps`, ubkt(), { code: 'notice', doneOn: shiftDate(d.plan, -1), note: 'x' });
      expect(fieldsOf(before)).toEqual(['doneOn']);
      const noticed = await recordStep(t(), ubkt(), c.id, { code: 'notice', doneOn: d.notice });
      expect(noticed.notifiedOn).toBe(d.notice);
      // Now the cell's secretary sees what is addressed to the cell, and sends its report from a phone.
      const subjectView = (await get(c.id, secretary())).json() as InspectionDetail;
      expect(subjectView).toMatchObject({ viewer: 'subject', actions: ['subject_report'], nextStep: null, unconfirmedRules: [] });
      expect(subjectView.steps.map((s) => s.code)).toEqual(['decision', 'notice', 'subject_report', 'conclusion', 'follow_up']);
      expect((await get(c.id, staff().otherSecretary.cookie)).statusCode).toBe(404);
      expect((await get(c.id, officeOnly)).statusCode).toBe(404);
      const report = await call('POST', `/api/inspections/${c.id}/steps`, secretary(), {
        code: 'subject_report',
        doneOn: d.subjectReport,
        note: 'Báo cáo tự kiểm tra của chi bộ',
        attachment: { fileName: 'bao-cao.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 báo cáo').toString('base64') },
      });
      expect(report.statusCode, report.body).toBe(200);
      const withReport = report.json() as InspectionDetail;
      const file = withReport.steps.find((s) => s.code === 'subject_report')!.entry!.attachment!;
      expect(file.fileName).toBe('bao-cao.pdf');
      expect((await call('GET', `/api/inspections/${c.id}/attachments/${file.id}`, ubkt())).body).toBe('%PDF-1.4 báo cáo');
      // The subject may not record the team's steps.
      expect((await call('POST', `/api/inspections/${c.id}/steps`, secretary(), { code: 'verification', doneOn: d.verification, note: 'x' })).statusCode).toBe(403);
      // Verification with evidence from the cell's own records in the period.
      const records = (await call('GET', `/api/inspections/${c.id}/subject-records`, ubkt())).json() as SubjectRecordsResponse;
      const cited = records.items.find((r) => r.recordType === 'meeting' && r.recordId === meeting.id)!;
      expect(cited.label).toContain('Sinh hoạt chi bộ');
      const stranger = await call('POST', `/api/inspections/${c.id}/steps`, ubkt(), { code: 'verification', doneOn: d.verification, note: 'x', evidence: [{ recordType: 'meeting', recordId: missingId() }] });
      expect(fieldsOf(stranger)).toEqual(['evidence.0.recordId']);
      const verified = await recordStep(t(), ubkt(), c.id, { code: 'verification', doneOn: d.verification, note: 'Dự 2 buổi sinh hoạt; 3 đảng viên đến muộn', evidence: [{ recordType: 'meeting', recordId: meeting.id, note: 'Biên bản ghi 3 người đến muộn' }] });
      expect(verified.steps.find((s) => s.code === 'verification')!.entry!.evidence).toEqual([expect.objectContaining({ recordType: 'meeting', recordId: meeting.id, label: cited.label })]);
      const noComments = await call('POST', `/api/inspections/${c.id}/steps`, ubkt(), { code: 'draft_report', doneOn: d.draftReport, note: 'x', subjectComments: 'y', evidence: [] });
      expect(noComments.statusCode).toBe(200);
      await recordStep(t(), ubkt(), c.id, { code: 'result_report', doneOn: d.resultReport });
      // A conclusion needs findings; a deadline may not precede it.
      const empty = await call('POST', `/api/inspections/${c.id}/conclusion`, ubkt(), { concludedOn: d.concludedOn, strengths: '', shortcomings: '', causes: '' });
      expect(fieldsOf(empty)).toEqual(['strengths', 'shortcomings']);
      const audits = await auditCount(t());
      const badDeadline = await call('POST', `/api/inspections/${c.id}/conclusion`, ubkt(), { concludedOn: d.concludedOn, strengths: 'a', shortcomings: 'b', causes: 'c', recommendations: [{ text: 'x', deadline: shiftDate(d.concludedOn, -1) }] });
      expect(fieldsOf(badDeadline)).toEqual(['recommendations.0.deadline']);
      expect(await auditCount(t())).toBe(audits);
      const concluded = await conclude(t(), ubkt(), c.id);
      expect(concluded).toMatchObject({ status: 'concluded', recommendationCounts: { total: 2, fixed: 0, open: 2, overdue: 0 } });
      // The team is warned of the unconfirmed rules its dates stand on, by the rules' own names.
      expect(concluded.unconfirmedRules).toEqual(expect.arrayContaining(['Giám sát chuyên đề', `Ngày nghỉ lễ, Tết năm ${d.decidedOn.slice(0, 4)}`]));
      const [first, second] = concluded.recommendations;
      expect(first!.followUp!.kind).toBe('task');
      // The recommendations are tasks on the cell's board, owned by its secretary.
      const task = (await call('GET', `/api/tasks/${first!.followUp!.id}`, secretary())).json();
      expect(task).toMatchObject({ title: 'Chấn chỉnh giờ giấc sinh hoạt chi bộ', sourceKind: 'inspection', sourceInspectionId: c.id, status: 'open' });
      // The secretary reports one fixed; the UBKT verifies it, and the task closes on time.
      const reported = await call('POST', `/api/inspections/${c.id}/recommendations/${first!.id}/report`, secretary(), { note: 'Từ tháng này chi bộ điểm danh đúng giờ' });
      expect(reported.statusCode, reported.body).toBe(200);
      expect((reported.json() as InspectionDetail).recommendations[0]).toMatchObject({ status: 'reported', actions: [] });
      expect((await call('POST', `/api/inspections/${c.id}/recommendations/${first!.id}/verify`, secretary(), { outcome: 'fixed', comment: 'x' })).statusCode).toBe(403);
      const fixed = (await call('POST', `/api/inspections/${c.id}/recommendations/${first!.id}/verify`, ubkt(), { outcome: 'fixed', comment: 'Đã kiểm tra biên bản 2 buổi' })).json() as InspectionDetail;
      expect(fixed.recommendations[0]).toMatchObject({ status: 'fixed', verifiedOn: vnToday() });
      expect((await call('GET', `/api/tasks/${first!.followUp!.id}`, secretary())).json()).toMatchObject({ status: 'on_time' });
      // The second is returned once, then fixed: the case closes with its follow-up step.
      await call('POST', `/api/inspections/${c.id}/recommendations/${second!.id}/report`, secretary(), { note: 'Đã làm' });
      const returned = (await call('POST', `/api/inspections/${c.id}/recommendations/${second!.id}/verify`, ubkt(), { outcome: 'returned', comment: 'Biên bản tháng trước vẫn giao chung chung' })).json() as InspectionDetail;
      expect(returned.recommendations[1]).toMatchObject({ status: 'returned' });
      expect((await call('POST', `/api/inspections/${c.id}/recommendations/${second!.id}/report`, secretary(), { note: 'Đã sửa biên bản' })).statusCode).toBe(200);
      const closed = (await call('POST', `/api/inspections/${c.id}/recommendations/${second!.id}/verify`, ubkt(), { outcome: 'fixed', comment: 'Đạt' })).json() as InspectionDetail;
      expect(closed).toMatchObject({ status: 'closed', recommendationCounts: { total: 2, fixed: 2, open: 0, overdue: 0 } });
      expect(closed.steps.at(-1)).toMatchObject({ code: 'follow_up', entry: { doneOn: vnToday() } });
      // The documents in Word: the team has all three; the subject what is addressed to it.
      const word = await call('GET', `/api/inspections/${c.id}/documents/conclusion.docx`, ubkt());
      expect(word.statusCode).toBe(200);
      expect(word.headers['content-disposition']).toContain('ket-luan-');
      expect(word.rawPayload.subarray(0, 2).toString()).toBe('PK');
      expect((await call('GET', `/api/inspections/${c.id}/documents/decision.docx`, secretary())).statusCode).toBe(200);
      expect((await call('GET', `/api/inspections/${c.id}/documents/plan.docx`, secretary())).statusCode).toBe(404);
      expect((await call('GET', `/api/inspections/${c.id}/documents/plan.docx`, staff().otherSecretary.cookie)).statusCode).toBe(404);
      expect((await call('GET', `/api/inspections/${c.id}/documents/minutes.docx`, ubkt())).statusCode).toBe(400);
      const conclusionDue = closed.steps.find((s) => s.code === 'conclusion')!;
      expect(conclusionDue).toMatchObject({ limitEnds: true, late: false });
    });

    it('a case about a member: recommendations become their correction items; they report on their plan, the UBKT verifies; every read of their case is in their access log', async () => {
      const member = staff().member;
      const memberId = home().cells[0]!.members[1]!.id;
      const c = await openCase(t(), ubkt(), { unitId: home().id, kindCode: 'inspection_signs_of_violation', subjectMemberId: memberId, title: 'Kiểm tra đảng viên khi có dấu hiệu vi phạm', content: 'Dấu hiệu vi phạm quy định về nêu gương' });
      expect(c.subject).toMatchObject({ kind: 'member', memberId, unitId: cell().id });
      // The cell's secretary does not see a case about one of its members.
      await walkToConclusion(t(), ubkt(), member.cookie, c.id);
      expect((await get(c.id, secretary())).statusCode).toBe(404);
      const seqBefore = await auditCount(t());
      const concluded = await conclude(t(), ubkt(), c.id, { violations: 'Vi phạm trách nhiệm nêu gương', shortcomings: '', strengths: '' });
      // The answer to the UBKT's own change is not a read of the member's file: only the writes are logged.
      const written = await t().db.db.selectFrom('audit_log').select('action').where('seq', '>', seqBefore).execute();
      expect(written.map((w) => w.action)).not.toContain('read.inspection');
      expect(written.map((w) => w.action)).toContain('inspection.conclude');
      const rec = concluded.recommendations[0]!;
      expect(rec.followUp!.kind).toBe('plan_item');
      const { plan_id: planId } = await t().db.db.selectFrom('correction_plan_items').select('plan_id').where('id', '=', rec.followUp!.id).executeTakeFirstOrThrow();
      const plan = (await call('GET', `/api/correction-plans/${planId}`, member.cookie)).json() as { items: { id: string; sourceKind: string; actions: string[] }[] };
      const item = plan.items.find((i) => i.id === rec.followUp!.id)!;
      expect(item).toMatchObject({ sourceKind: 'inspection', actions: ['progress', 'claim'] });
      await call('POST', `/api/correction-plans/${planId}/items/${item.id}/progress`, member.cookie, { note: 'Đã khắc phục', claimFixed: true });
      const seen = (await get(c.id, member.cookie)).json() as InspectionDetail;
      expect(seen).toMatchObject({ viewer: 'subject', complaint: null });
      expect(seen.recommendations[0]).toMatchObject({ status: 'reported' });
      // The cell may not verify an inspection's recommendation on the plan: the UBKT does, on the case.
      expect((await call('POST', `/api/correction-plans/${planId}/items/${item.id}/verify`, secretary(), { decision: 'fixed' })).json().error.code).toBe('plan_item_inspection_verifies');
      const done = (await call('POST', `/api/inspections/${c.id}/recommendations/${rec.id}/verify`, ubkt(), { outcome: 'fixed', comment: 'Đạt' })).json() as InspectionDetail;
      expect(done).toMatchObject({ status: 'concluded', recommendationCounts: { total: 2, fixed: 1 } });
      expect((await get(c.id, ubkt())).statusCode).toBe(200);
      const log = (await call('GET', '/api/me/access-log', member.cookie)).json();
      expect(log.items.some((e: { recordType: string; recordId: string }) => e.recordType === 'inspection' && e.recordId === c.id)).toBe(true);
    });

    it('refuses bad input naming the field and writes nothing', async () => {
      const d = caseDates();
      const audits = await auditCount(t());
      const outside = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', kindCode: 'supervision_thematic', subjectUnitId: otherCommuneCell, title: 'x', content: 'x', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn });
      expect(fieldsOf(outside)).toEqual(['subjectUnitId']);
      const future = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', kindCode: 'nope', subjectUnitId: cell().id, title: 'x', content: 'x', reviewFrom: d.reviewTo, reviewTo: d.reviewFrom, decidedOn: shiftDate(vnToday(), 1) });
      expect(fieldsOf(future).sort()).toEqual(['decidedOn', 'kindCode', 'reviewTo']);
      const denunciation = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', kindCode: 'denunciation', subjectUnitId: cell().id, title: 'x', content: 'x', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn });
      expect(fieldsOf(denunciation)).toEqual(['receivedOn', 'complainantName']);
      // The label is the one every feature shares: it says what was received, the message says what is missing.
      expect(denunciation.json().error.fields[0].message).toBe('Ngày nhận (receivedOn): cần nhập');
      const inTeam = home().cells[0]!.members[0]!.id;
      const team = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', kindCode: 'supervision_thematic', subjectUnitId: cell().id, title: 'x', content: 'x', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn, leadMemberId: missingId(), teamMemberIds: [inTeam, inTeam, otherCommuneMember] });
      expect(fieldsOf(team)).toEqual(['leadMemberId', 'teamMemberIds.1', 'teamMemberIds.2']);
      const wrongBody = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'cell', kindCode: 'supervision_thematic', subjectUnitId: cell().id, title: 'x', content: 'x', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn });
      expect(fieldsOf(wrongBody)).toEqual(['body']);
      expect(await auditCount(t())).toBe(audits);
      const c = await openCase(t(), ubkt(), { unitId: home().id, subjectUnitId: home().cells[1]!.id });
      const long = await call('POST', `/api/inspections/${c.id}/extension`, ubkt(), { workingDays: 7, reason: 'Tết' });
      expect(fieldsOf(long)).toEqual(['workingDays']);
      const ok = (await call('POST', `/api/inspections/${c.id}/extension`, ubkt(), { workingDays: 6, reason: 'Trùng Tết' })).json() as InspectionDetail;
      expect(ok).toMatchObject({ extensionWorkingDays: 6, maxExtensionWorkingDays: 6 });
      const tooEarly = await call('POST', `/api/inspections/${c.id}/conclusion`, ubkt(), { concludedOn: d.concludedOn, strengths: 'a', shortcomings: 'b', causes: 'c' });
      expect(tooEarly.statusCode).toBe(409);
      expect((await call('POST', `/api/inspections/${c.id}/steps`, ubkt(), { code: 'conclusion', doneOn: d.concludedOn, note: 'x' })).json().error.fields[0].field).toBe('code');
    });

    it('a citizen\'s message becomes a denunciation case: the committee sees who wrote, the UBKT does not', async () => {
      const receipt = await sendCitizen(t(), { name: 'Trần Văn Báo', content: 'Tôi tố cáo đảng viên X nhận tiền hỗ trợ sai đối tượng, có giấy tờ kèm theo.' }, cell().name);
      const { id: feedbackId } = await t().db.db.selectFrom('citizen_feedback').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(receipt.trackingCode).toBeTruthy();
      const d = caseDates();
      const fields = { kindCode: 'denunciation', subjectMemberId: cell().members[1]!.id, title: 'Giải quyết tố cáo từ ý kiến người dân', receivedOn: d.decidedOn, sourceCitizenFeedbackId: feedbackId };
      const byCommittee = await openCase(t(), staff().committee.cookie, { unitId: home().id, body: 'party_committee', ...fields });
      expect(byCommittee.complaint).toMatchObject({ complainantName: 'Trần Văn Báo', sourceCitizenFeedbackId: feedbackId });
      const byUbkt = await openCase(t(), ubkt(), { unitId: home().id, ...fields });
      expect(byUbkt.complaint).toMatchObject({ complainantName: null, sourceCitizenFeedbackId: feedbackId });
      const unknown = await call('POST', '/api/inspections', ubkt(), { unitId: home().id, body: 'inspection_committee', ...fields, sourceCitizenFeedbackId: missingId(), content: 'x', reviewFrom: d.reviewFrom, reviewTo: d.reviewTo, decidedOn: d.decidedOn });
      expect(fieldsOf(unknown)).toEqual(['sourceCitizenFeedbackId']);
    });

    it('a cell keeps its own yearly plan of supervising its members; the commune\'s UBKT sees it, another cell does not', async () => {
      const year = Number(vnToday().slice(0, 4));
      const d = caseDates();
      const plan = await createProgramme(t(), secretary(), {
        unitId: cell().id,
        body: 'cell',
        title: 'Kế hoạch giám sát của chi bộ',
        items: [{ kindCode: 'supervision_regular', subjectMemberId: cell().members[1]!.id, content: 'Giám sát việc thực hiện nhiệm vụ được giao', reviewFrom: `${year}-01-01`, reviewTo: `${year}-12-31`, plannedStart: `${year}-01-10`, plannedEnd: `${year}-12-31` }],
      });
      expect(plan).toMatchObject({ body: 'cell', unitId: cell().id });
      const itself = await call('POST', `/api/inspection-programmes/${plan.id}/items`, secretary(), { kindCode: 'supervision_regular', subjectUnitId: cell().id, content: 'x', reviewFrom: `${year}-01-01`, reviewTo: `${year}-12-31`, plannedStart: `${year}-01-10`, plannedEnd: `${year}-12-31` });
      expect(fieldsOf(itself)).toEqual(['subjectUnitId']);
      const asCommune = await call('POST', '/api/inspection-programmes', secretary(), { unitId: home().id, body: 'inspection_committee', year, title: 'x' });
      expect(asCommune.statusCode).toBe(404);
      expect((await call('GET', `/api/inspection-programmes/${plan.id}`, ubkt())).statusCode).toBe(200);
      expect((await call('GET', `/api/inspection-programmes/${plan.id}`, staff().otherSecretary.cookie)).statusCode).toBe(404);
      await call('POST', `/api/inspection-programmes/${plan.id}/adopt`, secretary(), { adoptedOn: d.decidedOn });
      const started = (await call('POST', '/api/inspections', secretary(), { unitId: cell().id, body: 'cell', programmeItemId: plan.items[0]!.id, decidedOn: d.decidedOn })).json() as InspectionDetail;
      expect(started).toMatchObject({ body: 'cell', kindCode: 'supervision_regular', nextStep: 'plan', subject: { kind: 'member' } });
    });

    it('the UBKT home: late cases, cases waiting for the subject, overdue recommendations; a denunciation concluded unfounded', async () => {
      const d = caseDates();
      const late = await openCase(t(), ubkt(), { unitId: home().id, subjectUnitId: home().cells[1]!.id, title: 'Giám sát chuyên đề đang chậm' });
      await recordStep(t(), ubkt(), late.id, { code: 'plan', doneOn: d.plan });
      await recordStep(t(), ubkt(), late.id, { code: 'notice', doneOn: d.notice });
      const denunciation = await openCase(t(), ubkt(), { unitId: home().id, kindCode: 'denunciation', subjectMemberId: home().cells[1]!.members[0]!.id, title: 'Giải quyết đơn tố cáo', receivedOn: shiftDate(d.decidedOn, -3), complainantName: 'Nguyễn Văn A', complainantContact: '0912 345 678' });
      await walkToConclusion(t(), ubkt(), staff().otherSecretary.cookie, denunciation.id);
      const missingVerdict = await call('POST', `/api/inspections/${denunciation.id}/conclusion`, ubkt(), { concludedOn: d.concludedOn, strengths: 'Không có căn cứ', shortcomings: '', causes: '' });
      expect(fieldsOf(missingVerdict)).toEqual(['verdict']);
      const unfounded = await conclude(t(), ubkt(), denunciation.id, { verdict: 'unfounded', strengths: 'Nội dung tố cáo không có cơ sở', shortcomings: '', causes: '', recommendations: [] });
      expect(unfounded).toMatchObject({ status: 'closed', complaint: { verdict: 'unfounded', complainantName: 'Nguyễn Văn A' } });
      // The subject never learns who denounced them.
      const asSubject = (await get(denunciation.id, staff().otherSecretary.cookie)).json() as InspectionDetail;
      expect(asSubject.complaint).toMatchObject({ verdict: 'unfounded', complainantName: null, complainantContact: null });
      // Decided last year, concluded, a recommendation still overdue: carried into this year's lists.
      const overdueCase = await openCase(t(), ubkt(), { unitId: home().id, subjectUnitId: home().cells[1]!.id, title: 'Giám sát chuyên đề có kiến nghị quá hạn', decidedOn: shiftDate(vnToday(), -400), reviewFrom: shiftDate(vnToday(), -500), reviewTo: shiftDate(vnToday(), -401) });
      await walkToConclusion(t(), ubkt(), staff().otherSecretary.cookie, overdueCase.id);
      await conclude(t(), ubkt(), overdueCase.id, { recommendations: [{ text: 'Hoàn thiện sổ ghi biên bản', deadline: d.concludedOn }, { text: 'Rà soát nhiệm vụ quá hạn', deadline: shiftDate(vnToday(), 30) }] });
      const overviewRes = await call('GET', `/api/inspections/overview?unitId=${home().id}`, ubkt());
      expect(overviewRes.statusCode, overviewRes.body).toBe(200);
      const overview = overviewRes.json() as InspectionOverview;
      expect(overview.waitingForSubject.map((s) => s.id)).toContain(late.id);
      expect(overview.lateCases.map((s) => s.id)).toContain(late.id);
      // Every figure is a count of what the page lists: the year's cases, the recommendations shown.
      const year = (await call('GET', `/api/inspections?unitId=${home().id}&year=${overview.year}`, ubkt())).json() as { items: { status: string }[] };
      expect(overview.openCases).toBe(year.items.filter((c) => c.status === 'open').length);
      expect(overview.concludedCases).toBe(year.items.filter((c) => c.status !== 'open').length);
      expect(overview.overdueRecommendations.map((r) => r.inspectionId)).toContain(overdueCase.id);
      expect(overview.recommendationCounts.overdue).toBe(overview.overdueRecommendations.length);
      for (const p of overview.programmes) expect(p.counts.planned + p.counts.in_progress + p.counts.concluded + p.counts.late).toBe(p.counts.total);

      const mineRes = await call('GET', '/api/me/inspections', staff().otherSecretary.cookie);
      expect(mineRes.statusCode, mineRes.body).toBe(200);
      const mine = mineRes.json();
      expect(mine.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([late.id, denunciation.id]));
    });
  });
});
