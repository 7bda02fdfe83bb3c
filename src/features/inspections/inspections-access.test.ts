import { beforeAll, describe, expect } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { missingId } from '../../../test/helpers/accounts.js';
import { requester, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, type AccessRow } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune, useStaffedCommune } from '../../../test/helpers/factories.js';
import { caseDates, conclude, createProgramme, openCase, recordStep, walkToConclusion } from '../../../test/helpers/inspections.js';
import type { InspectionDetail, ProgrammeDetail } from './schemas.js';

/** Which state a row's case must be in. */
type Stage = 'decided' | 'reported' | 'ready' | 'concluded' | 'claimed';

forEachDialect((dialect) => {
  describe('inspection and supervision: who may call each endpoint', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    const { home, staff, as } = useStaffedCommune(t);
    const extra = { otherCommittee: '', officeOnly: '' };
    beforeAll(async () => {
      const other = await buildCommune(t(), { cells: 1, membersPerCell: 1 });
      extra.otherCommittee = (await buildAccount(t(), { roles: [{ role: 'party_committee', unitId: other.id }] })).cookie;
      extra.officeOnly = (await buildAccount(t(), { roles: [{ role: 'office', unitId: home().id }] })).cookie;
    });
    const otherCommittee = () => extra.otherCommittee;
    const officeOnly = () => extra.officeOnly;
    const ubkt = () => staff().inspection.cookie;
    let nextYear = 2030;

    type Fixture = { commune: string; programme: ProgrammeDetail; c: InspectionDetail };
    type Row = AccessRow<Fixture> & { stage?: Stage };
    const row = (r: Row) => r;
    const thematic = (f: Fixture) => `/api/inspections/${f.c.id}`;
    /** A case of the kind's first stages, built fresh for the row that needs it. */
    async function caseAt(stage: Stage): Promise<InspectionDetail> {
      const c = await openCase(t(), ubkt(), { unitId: home().id, subjectUnitId: home().cells[0]!.id });
      if (stage === 'decided') return c;
      const d = caseDates();
      if (stage === 'reported') {
        await recordStep(t(), ubkt(), c.id, { code: 'plan', doneOn: d.plan });
        await recordStep(t(), ubkt(), c.id, { code: 'notice', doneOn: d.notice });
        return recordStep(t(), staff().secretary.cookie, c.id, { code: 'subject_report', doneOn: d.subjectReport, attachment: { fileName: 'bao-cao.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Báo cáo').toString('base64') } });
      }
      const ready = await walkToConclusion(t(), ubkt(), staff().secretary.cookie, c.id);
      if (stage === 'ready') return ready;
      const concluded = await conclude(t(), ubkt(), c.id);
      if (stage === 'concluded') return concluded;
      await call('POST', `/api/inspections/${c.id}/recommendations/${concluded.recommendations[0]!.id}/report`, staff().secretary.cookie, { note: 'Đã khắc phục' });
      return (await call('GET', `/api/inspections/${c.id}`, ubkt())).json() as InspectionDetail;
    }
    const noForbidden = { none: 'a member may be the subject of any case: a case anyone cannot see answers as missing (404), never 403' };

    const rows: Row[] = [
      row({
        route: 'GET /api/inspection-programmes',
        method: 'GET',
        url: (f) => `/api/inspection-programmes?unitId=${f.commune}&year=${f.programme.year}`,
        missing: () => `/api/inspection-programmes?unitId=${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, check: (res, f) => expect(res.json().items.map((p: { id: string }) => p.id)).toContain(f.programme.id) },
      }),
      row({
        route: 'POST /api/inspection-programmes',
        method: 'POST',
        url: () => '/api/inspection-programmes',
        missing: () => '/api/inspection-programmes',
        body: (f) => ({ unitId: f.commune, body: 'inspection_committee', year: nextYear++, title: 'Chương trình kiểm tra, giám sát' }),
        missingBody: () => ({ unitId: missingId(), body: 'inspection_committee', year: 2099, title: 'x' }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 201, audit: 'inspection_programme.create', check: (res) => expect(res.json()).toMatchObject({ status: 'draft' }) },
      }),
      row({
        route: 'GET /api/inspection-programmes/:id',
        method: 'GET',
        url: (f) => `/api/inspection-programmes/${f.programme.id}`,
        missing: () => `/api/inspection-programmes/${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, check: (res) => expect(res.json().actions).toContain('adopt') },
      }),
      row({
        route: 'GET /api/inspection-programmes/:id/document.docx',
        method: 'GET',
        url: (f) => `/api/inspection-programmes/${f.programme.id}/document.docx`,
        missing: () => `/api/inspection-programmes/${missingId()}/document.docx`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK') },
      }),
      row({
        route: 'POST /api/inspection-programmes/:id/items',
        method: 'POST',
        url: (f) => `/api/inspection-programmes/${f.programme.id}/items`,
        missing: () => `/api/inspection-programmes/${missingId()}/items`,
        body: (f) => ({ kindCode: 'supervision_regular', subjectUnitId: home().cells[1]!.id, content: 'Giám sát thường xuyên', reviewFrom: `${f.programme.year}-01-01`, reviewTo: `${f.programme.year}-12-31`, plannedStart: `${f.programme.year}-02-01`, plannedEnd: `${f.programme.year}-12-31` }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, audit: 'inspection_programme.add_item', check: (res, f) => expect(res.json().items).toHaveLength(f.programme.items.length + 1) },
      }),
      row({
        route: 'POST /api/inspection-programmes/:id/adopt',
        method: 'POST',
        url: (f) => `/api/inspection-programmes/${f.programme.id}/adopt`,
        missing: () => `/api/inspection-programmes/${missingId()}/adopt`,
        body: () => ({ adoptedOn: vnToday() }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, audit: 'inspection_programme.adopt', check: (res) => expect(res.json().status).toBe('adopted') },
      }),
      row({
        route: 'GET /api/inspections',
        method: 'GET',
        url: (f) => `/api/inspections?unitId=${f.commune}`,
        missing: () => `/api/inspections?unitId=${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res, f) => expect(res.json().items.map((c: { id: string }) => c.id)).toContain(f.c.id) },
      }),
      row({
        route: 'POST /api/inspections',
        method: 'POST',
        url: () => '/api/inspections',
        missing: () => '/api/inspections',
        body: (f) => ({ unitId: f.commune, body: 'inspection_committee', kindCode: 'supervision_thematic', subjectUnitId: home().cells[1]!.id, title: 'Giám sát chuyên đề', content: 'Nội dung', reviewFrom: caseDates().reviewFrom, reviewTo: caseDates().reviewTo, decidedOn: caseDates().decidedOn }),
        missingBody: () => ({ unitId: missingId(), body: 'inspection_committee', kindCode: 'supervision_thematic', subjectUnitId: missingId(), title: 'x', content: 'x', reviewFrom: caseDates().reviewFrom, reviewTo: caseDates().reviewTo, decidedOn: caseDates().decidedOn }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 201, audit: 'inspection.create', check: (res) => expect(res.json()).toMatchObject({ status: 'open', nextStep: 'plan' }) },
      }),
      row({
        route: 'GET /api/inspections/overview',
        method: 'GET',
        url: (f) => `/api/inspections/overview?unitId=${f.commune}`,
        missing: () => `/api/inspections/overview?unitId=${missingId()}`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.json().openCases).toBeGreaterThan(0) },
      }),
      row({
        route: 'GET /api/me/inspections',
        method: 'GET',
        url: () => '/api/me/inspections',
        forbidden: { none: 'every account may ask what is addressed to it' },
        other: { none: 'it names no record: it answers with the caller\'s own' },
        stage: 'reported',
        happy: { who: as('secretary'), status: 200, check: (res, f) => expect(res.json().items.map((c: { id: string }) => c.id)).toContain(f.c.id) },
      }),
      row({
        route: 'GET /api/inspections/:id',
        method: 'GET',
        url: thematic,
        missing: () => `/api/inspections/${missingId()}`,
        forbidden: noForbidden,
        other: otherCommittee,
        happy: { who: as('committee'), status: 200, check: (res) => expect(res.json().viewer).toBe('staff') },
      }),
      row({
        route: 'POST /api/inspections/:id/steps',
        method: 'POST',
        url: (f) => `${thematic(f)}/steps`,
        missing: () => `/api/inspections/${missingId()}/steps`,
        body: () => ({ code: 'plan', doneOn: caseDates().plan, note: 'Kế hoạch giám sát' }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, audit: 'inspection.step', check: (res) => expect(res.json().nextStep).toBe('notice') },
      }),
      row({
        route: 'POST /api/inspections/:id/extension',
        method: 'POST',
        url: (f) => `${thematic(f)}/extension`,
        missing: () => `/api/inspections/${missingId()}/extension`,
        body: () => ({ workingDays: 3, reason: 'Trùng kỳ nghỉ lễ' }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, audit: 'inspection.extend', check: (res) => expect(res.json().extensionWorkingDays).toBe(3) },
      }),
      row({
        route: 'POST /api/inspections/:id/conclusion',
        method: 'POST',
        url: (f) => `${thematic(f)}/conclusion`,
        missing: () => `/api/inspections/${missingId()}/conclusion`,
        stage: 'ready',
        body: () => ({ concludedOn: caseDates().concludedOn, strengths: 'Sinh hoạt đều', shortcomings: 'Còn đến muộn', causes: 'Chưa quán triệt', recommendations: [] }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, audit: 'inspection.conclude', check: (res) => expect(res.json().status).toBe('closed') },
      }),
      row({
        route: 'POST /api/inspections/:id/recommendations/:recommendationId/report',
        method: 'POST',
        url: (f) => `${thematic(f)}/recommendations/${f.c.recommendations[0]!.id}/report`,
        missing: (f) => `/api/inspections/${missingId()}/recommendations/${f.c.recommendations[0]!.id}/report`,
        stage: 'concluded',
        body: () => ({ note: 'Chi bộ đã chấn chỉnh giờ giấc' }),
        // The report is the subject's: the case file's keepers may not make it for them.
        forbidden: [as('inspection'), as('committee')],
        other: as('otherSecretary'),
        happy: { who: as('secretary'), status: 200, audit: ['task.progress', 'inspection.recommendation_report'], check: (res) => expect(res.json().recommendations[0].status).toBe('reported') },
      }),
      row({
        route: 'POST /api/inspections/:id/recommendations/:recommendationId/verify',
        method: 'POST',
        url: (f) => `${thematic(f)}/recommendations/${f.c.recommendations[0]!.id}/verify`,
        missing: (f) => `/api/inspections/${missingId()}/recommendations/${f.c.recommendations[0]!.id}/verify`,
        stage: 'claimed',
        body: () => ({ outcome: 'fixed', comment: 'Đã kiểm tra biên bản' }),
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, audit: ['task.close', 'inspection.recommendation_verify'], check: (res) => expect(res.json().recommendations[0].status).toBe('fixed') },
      }),
      row({
        route: 'GET /api/inspections/:id/subject-records',
        method: 'GET',
        url: (f) => `${thematic(f)}/subject-records`,
        missing: () => `/api/inspections/${missingId()}/subject-records`,
        forbidden: [officeOnly, as('member')],
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.json()).toHaveProperty('items') },
      }),
      row({
        route: 'GET /api/inspections/:id/documents/:kind.docx',
        method: 'GET',
        url: (f) => `${thematic(f)}/documents/decision.docx`,
        missing: () => `/api/inspections/${missingId()}/documents/decision.docx`,
        forbidden: noForbidden,
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK') },
      }),
      row({
        route: 'GET /api/inspections/:id/attachments/:attachmentId',
        method: 'GET',
        url: (f) => `${thematic(f)}/attachments/${f.c.steps.find((s) => s.code === 'subject_report')!.entry!.attachment!.id}`,
        missing: (f) => `/api/inspections/${missingId()}/attachments/${f.c.steps.find((s) => s.code === 'subject_report')!.entry!.attachment!.id}`,
        stage: 'reported',
        forbidden: noForbidden,
        other: otherCommittee,
        happy: { who: as('inspection'), status: 200, check: (res) => expect(res.body).toBe('Báo cáo') },
      }),
    ];

    accessMatrix<Fixture, Row>(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows,
      fixture: async (r) => ({
        commune: home().id,
        programme: await createProgramme(t(), ubkt(), { unitId: home().id, year: nextYear++ }),
        c: await caseAt(r.stage ?? 'decided'),
      }),
      state: async () => ({
        cases: await t().db.db.selectFrom('inspections').select(['id', 'status', 'notified_on', 'extension_working_days']).orderBy('id').execute(),
        steps: await t().db.db.selectFrom('inspection_steps').select('id').orderBy('id').execute(),
        recommendations: await t().db.db.selectFrom('inspection_recommendations').select(['id', 'status']).orderBy('id').execute(),
        programmes: await t().db.db.selectFrom('inspection_programmes').select(['id', 'status']).orderBy('id').execute(),
        items: await t().db.db.selectFrom('inspection_programme_items').select('id').orderBy('id').execute(),
      }),
    });
  });
});
