import { beforeAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { auditCount, lastAudit, missingId } from '../../../test/helpers/accounts.js';
import { useStaffedCommune } from '../../../test/helpers/factories.js';
import { requester, shiftDate, vnToday } from '../../../test/helpers/meetings.js';
import { accessMatrix, fieldsOf, type AccessRow } from '../../../test/helpers/access.js';
import { newId, nowIso } from '../../db/ids.js';
import { writeTransaction } from '../audit/service.js';
import { ensureRules } from '../inspection-rules/service.js';
import { disciplineOfMember, disciplinedMembersIn } from './lookup.js';
import type { DisciplineDecision, DisciplineListResponse, MemberDisciplineResponse } from './schemas.js';

const TODAY = vnToday();
const YEAR = Number(TODAY.slice(0, 4));

forEachDialect((dialect) => {
  describe('discipline: recording decisions, the member\'s record, the year\'s list', () => {
    const t = useTestApp(dialect);
    const call = requester(t);
    /**
     * Each cell's members in turn: the secretary (0) and the plain member (1) official, the third
     * (2) probationary, the rest official without accounts.
     */
    const { home, staff, as } = useStaffedCommune(t, { cells: 2, statuses: ['official', 'official', 'probationary', 'official'] });

    beforeAll(async () => {
      // The rule set is loaded on first need; load it now so each test counts only its own audit entries.
      await writeTransaction(t().db, (trx) => ensureRules(trx, t().db.dialect, home().path));
    });

    const cell = () => home().cells[0]!;
    const otherCell = () => home().cells[1]!;
    const memberAt = (i: number, c = cell()) => c.members[i]!.id;
    const probationary = () => memberAt(2);

    const decision = (extra: Record<string, unknown> = {}) => ({
      memberId: memberAt(3),
      formCode: 'reprimand',
      decidingUnitId: cell().id,
      decidingBody: 'cell',
      decisionNo: '01-QĐ/CB',
      decidedOn: TODAY,
      effectiveOn: TODAY,
      reason: 'Nhiều lần không tham gia sinh hoạt chi bộ không có lý do.',
      ...extra,
    });
    const decisionCount = async () => Number((await t().db.db.selectFrom('discipline_decisions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    async function record(who: string, body: Record<string, unknown>): Promise<DisciplineDecision> {
      const res = await call('POST', '/api/discipline-decisions', who, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as DisciplineDecision;
    }

    /** A case in `inspections` of `unitId` about `memberId` (the inspections feature writes them; its service is not here yet). */
    async function insertCase(unitId: string, memberId: string): Promise<string> {
      const rules = await writeTransaction(t().db, (trx) => ensureRules(trx, t().db.dialect, home().path));
      const id = newId();
      const now = nowIso();
      await t()
        .db.db.insertInto('inspections')
        .values({
          id,
          unit_id: unitId,
          body: 'inspection_committee',
          kind_code: 'inspection_signs_of_violation',
          rule_version_id: rules.versionId,
          programme_item_id: null,
          origin_inspection_id: null,
          subject_unit_id: cell().id,
          subject_member_id: memberId,
          year: YEAR,
          title: 'Kiểm tra đảng viên khi có dấu hiệu vi phạm',
          content: 'Việc chấp hành sinh hoạt chi bộ',
          review_from: `${YEAR}-01-01`,
          review_to: TODAY,
          decision_no: null,
          decided_on: TODAY,
          lead_member_id: null,
          team_json: '[]',
          status: 'concluded',
          notified_on: TODAY,
          extension_working_days: 0,
          extension_reason: null,
          received_on: null,
          complainant_name: null,
          complainant_contact: null,
          source_citizen_feedback_id: null,
          source_discipline_id: null,
          verdict: null,
          created_by_account_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    }

    // --- the endpoint × case matrix ---------------------------------------------------------

    /** The matrix's year for the list: three years back, a year no other test records in. */
    const LIST_YEAR = YEAR - 3;
    interface Fixture {
      memberId: string;
      cellId: string;
    }
    const row = (r: AccessRow<Fixture>) => r;
    accessMatrix<Fixture>(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows: [
        row({
          route: 'POST /api/discipline-decisions',
          method: 'POST',
          url: () => '/api/discipline-decisions',
          missing: () => '/api/discipline-decisions',
          body: (f) => decision({ memberId: f.memberId }),
          missingBody: () => decision({ memberId: missingId() }),
          // Neither the office nor a plain member decides discipline.
          forbidden: [as('office'), as('member')],
          other: as('otherSecretary'),
          happy: {
            who: as('secretary'),
            status: 201,
            audit: 'discipline.decide',
            check: (res, f) => expect(res.json()).toMatchObject({ memberId: f.memberId, formCode: 'reprimand', formName: 'Khiển trách', decidingBody: 'cell' }),
          },
        }),
        row({
          route: 'GET /api/discipline-decisions',
          method: 'GET',
          url: (f) => `/api/discipline-decisions?unitId=${f.cellId}&year=${LIST_YEAR}`,
          missing: () => `/api/discipline-decisions?unitId=${missingId()}&year=${LIST_YEAR}`,
          forbidden: [as('office'), as('member')],
          other: as('otherSecretary'),
          happy: {
            who: as('inspection'),
            status: 200,
            audit: 'read.discipline',
            check: (res, f) => {
              const list = res.json() as DisciplineListResponse;
              expect(list.items.map((i) => i.memberId)).toEqual([f.memberId]);
            },
          },
        }),
        row({
          route: 'GET /api/members/:id/discipline',
          method: 'GET',
          url: (f) => `/api/members/${f.memberId}/discipline`,
          missing: () => `/api/members/${missingId()}/discipline`,
          // The office keeps rosters, not discipline; a plain member reads only their own.
          forbidden: [as('office'), as('member')],
          other: as('otherSecretary'),
          happy: {
            who: as('committee'),
            status: 200,
            audit: 'read.discipline',
            check: (res, f) => expect((res.json() as MemberDisciplineResponse).items.map((i) => i.memberId)).toEqual([f.memberId]),
          },
        }),
      ],
      // The reads look at member 4, with one decision of LIST_YEAR (so the list logs one read); the POST records for member 5.
      fixture: async (r) => {
        const listed = memberAt(4);
        if (r.method === 'GET' && (await disciplineOfMember(t().db.db, listed, LIST_YEAR)).length === 0) {
          await record(as('committee')(), decision({ memberId: listed, decidingUnitId: home().id, decidingBody: 'inspection_committee', decidedOn: `${LIST_YEAR}-03-02`, effectiveOn: `${LIST_YEAR}-03-02` }));
        }
        return { memberId: r.method === 'POST' ? memberAt(5) : listed, cellId: cell().id };
      },
      state: async () => decisionCount(),
    });

    // --- the rules ----------------------------------------------------------------------------

    describe('each refusal is a 400 naming its field, and writes nothing', () => {
      const cases: { name: string; who: keyof ReturnType<typeof staff>; body: () => Record<string, unknown>; field: string; code: string }[] = [
        { name: 'an unknown form', who: 'committee', body: () => decision({ formCode: 'demotion', decidingUnitId: home().id, decidingBody: 'party_committee' }), field: 'formCode', code: 'không có hình thức kỷ luật này' },
        { name: 'cách chức of a probationary member', who: 'inspection', body: () => decision({ memberId: probationary(), formCode: 'dismissal', decidingUnitId: home().id, decidingBody: 'inspection_committee' }), field: 'formCode', code: 'đảng viên dự bị' },
        { name: 'khai trừ of a probationary member', who: 'inspection', body: () => decision({ memberId: probationary(), formCode: 'expulsion', decidingUnitId: home().id, decidingBody: 'inspection_committee' }), field: 'formCode', code: 'đảng viên dự bị' },
        { name: 'cách chức of a member without a post', who: 'committee', body: () => decision({ formCode: 'dismissal', decidingUnitId: home().id, decidingBody: 'party_committee' }), field: 'formCode', code: 'giữ chức vụ' },
        { name: 'khai trừ decided by the cell', who: 'secretary', body: () => decision({ formCode: 'expulsion' }), field: 'formCode', code: 'không có thẩm quyền' },
        { name: 'a decision dated tomorrow', who: 'secretary', body: () => decision({ decidedOn: shiftDate(TODAY, 1), effectiveOn: shiftDate(TODAY, 1) }), field: 'decidedOn', code: 'sau hôm nay' },
        { name: 'effective before it was decided', who: 'secretary', body: () => decision({ decidedOn: TODAY, effectiveOn: shiftDate(TODAY, -1) }), field: 'effectiveOn', code: 'trước ngày quyết định' },
        { name: 'a deciding cell that is not the member\'s', who: 'committee', body: () => decision({ decidingUnitId: otherCell().id }), field: 'memberId', code: 'không thuộc chi bộ' },
        { name: 'a missing deciding unit', who: 'committee', body: () => decision({ decidingUnitId: missingId() }), field: 'memberId', code: 'không thuộc chi bộ' },
        { name: 'the cell deciding at the commune', who: 'committee', body: () => decision({ decidingUnitId: home().id, decidingBody: 'cell' }), field: 'decidingBody', code: 'chính chi bộ mình' },
        { name: 'the committee deciding at the cell', who: 'committee', body: () => decision({ decidingBody: 'party_committee' }), field: 'decidingBody', code: 'cấp trên chi bộ' },
        { name: 'a cell secretary recording the committee\'s decision', who: 'secretary', body: () => decision({ decidingUnitId: home().id, decidingBody: 'party_committee' }), field: 'decidingBody', code: 'phạm vi mình phụ trách' },
      ];
      for (const c of cases) {
        it(c.name, async () => {
          const who = as(c.who)();
          const [audits, decisions] = [await auditCount(t()), await decisionCount()];
          const res = await call('POST', '/api/discipline-decisions', who, c.body());
          expect(res.statusCode, res.body).toBe(400);
          expect(fieldsOf(res)).toEqual([c.field]);
          expect(res.json().error.fields[0].message).toContain(c.code);
          expect(await auditCount(t())).toBe(audits);
          expect(await decisionCount()).toBe(decisions);
        });
      }

      it('names every bad field at once, in English when asked', async () => {
        const res = await call('POST', '/api/discipline-decisions', as('inspection')(), decision({ memberId: probationary(), formCode: 'expulsion', decidingUnitId: home().id, decidingBody: 'inspection_committee', decidedOn: shiftDate(TODAY, 2), effectiveOn: shiftDate(TODAY, 1) }), 'en');
        expect(res.statusCode, res.body).toBe(400);
        expect(fieldsOf(res)).toEqual(['formCode', 'decidedOn', 'effectiveOn']);
        expect(res.json().error.fields[0].message).toContain('probationary member');
        // Dates in the messages read as the interface writes them, dd/mm/yyyy.
        expect(res.json().error.fields[1].message).toContain(`(${TODAY.split('-').reverse().join('/')})`);
        expect(res.json().error.fields[2].message).toContain(`before the decision date (${shiftDate(TODAY, 2).split('-').reverse().join('/')})`);
      });

      it('a source case of another member, or of another unit, is refused', async () => {
        const aboutOther = await insertCase(home().id, memberAt(1));
        const ofCell = await insertCase(cell().id, memberAt(3));
        for (const [sourceInspectionId, decidingUnitId] of [[aboutOther, home().id], [ofCell, home().id], [missingId(), home().id]] as const) {
          const decisions = await decisionCount();
          const res = await call('POST', '/api/discipline-decisions', as('inspection')(), decision({ sourceInspectionId, decidingUnitId, decidingBody: 'inspection_committee' }));
          expect(res.statusCode, res.body).toBe(400);
          expect(fieldsOf(res)).toEqual(['sourceInspectionId']);
          expect(await decisionCount()).toBe(decisions);
        }
      });
    });

    it('nobody records their own discipline: a 403 saying so, nothing written, nothing offered', async () => {
      const secretary = staff().secretary;
      const [audits, decisions] = [await auditCount(t()), await decisionCount()];
      const res = await call('POST', '/api/discipline-decisions', secretary.cookie, decision({ memberId: secretary.memberId }));
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('discipline_decide_own');
      expect(await auditCount(t())).toBe(audits);
      expect(await decisionCount()).toBe(decisions);
      const own = await call('GET', `/api/members/${secretary.memberId}/discipline`, secretary.cookie);
      expect(own.json()).toMatchObject({ actions: [], options: [], allowedFormCodes: [] });
    });

    it('cách chức of a secretary (who holds a post), from the UBKT\'s case: stored with the form\'s name, the status and the rule version, audited', async () => {
      const secretary = memberAt(0);
      const caseId = await insertCase(home().id, secretary);
      const rules = await writeTransaction(t().db, (trx) => ensureRules(trx, t().db.dialect, cell().path));
      const made = await record(as('inspection')(), decision({ memberId: secretary, formCode: 'dismissal', decidingUnitId: home().id, decidingBody: 'inspection_committee', sourceInspectionId: caseId, decisionNo: ' 12-QĐ/UBKT ' }));
      expect(made).toMatchObject({ formName: 'Cách chức', decidingUnitName: home().name, decisionNo: '12-QĐ/UBKT', sourceInspectionId: caseId, memberStatus: 'official' });
      const stored = await t().db.db.selectFrom('discipline_decisions').selectAll().where('id', '=', made.id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ form_name: 'Cách chức', member_status: 'official', rule_version_id: rules.versionId, unit_id: cell().id });
      const audit = await lastAudit(t());
      expect(audit).toMatchObject({ action: 'discipline.decide', record_type: 'discipline', record_id: secretary });
      expect(audit.after).toMatchObject({ decisionId: made.id, formCode: 'dismissal', sourceInspectionId: caseId, memberStatus: 'official' });
    });

    it('a probationary member may be warned by the cell; the status at the time is kept', async () => {
      const made = await record(as('secretary')(), decision({ memberId: probationary(), formCode: 'warning' }));
      expect(made).toMatchObject({ formName: 'Cảnh cáo', memberStatus: 'probationary', decidingBody: 'cell' });
    });

    it('offers each viewer only the forms they may record, their own body first: the cell its two, the UBKT more, a probationary member fewer, the member none', async () => {
      const read = async (who: string, memberId: string) => {
        const res = await call('GET', `/api/members/${memberId}/discipline`, who);
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as MemberDisciplineResponse;
      };
      const bySecretary = await read(as('secretary')(), memberAt(3));
      expect(bySecretary.options.map((o) => o.decidingBody)).toEqual(['cell']);
      expect(bySecretary.allowedFormCodes).toEqual(['reprimand', 'warning']);
      expect(bySecretary.actions).toEqual(['record']);

      const aboutSecretary = await read(as('inspection')(), memberAt(0));
      expect(aboutSecretary.options.map((o) => [o.decidingUnitId, o.decidingBody])).toEqual([
        [home().id, 'inspection_committee'],
        [home().id, 'party_committee'],
        [cell().id, 'cell'],
      ]);
      expect(aboutSecretary.allowedFormCodes).toEqual(['reprimand', 'warning', 'dismissal', 'expulsion']);
      // The committee's own body first for a committee member.
      expect((await read(as('committee')(), memberAt(3))).options.map((o) => o.decidingBody)).toEqual(['party_committee', 'inspection_committee', 'cell']);
      expect((await read(as('inspection')(), memberAt(3))).allowedFormCodes).toEqual(['reprimand', 'warning', 'expulsion']);
      expect((await read(as('inspection')(), probationary())).allowedFormCodes).toEqual(['reprimand', 'warning']);

      const own = await read(as('member')(), memberAt(1));
      expect(own).toMatchObject({ actions: [], options: [], allowedFormCodes: [] });
    });

    it('the member reads their own record, newest first, without an access-log entry; the committee\'s read is logged', async () => {
      const me = staff().member;
      const older = await record(as('secretary')(), decision({ memberId: me.memberId, decidedOn: shiftDate(TODAY, -40), effectiveOn: shiftDate(TODAY, -40) }));
      const newer = await record(as('committee')(), decision({ memberId: me.memberId, formCode: 'warning', decidingUnitId: home().id, decidingBody: 'party_committee', decidedOn: shiftDate(TODAY, -2), effectiveOn: TODAY }));

      const audits = await auditCount(t());
      const own = await call('GET', `/api/members/${me.memberId}/discipline`, me.cookie);
      expect(own.statusCode, own.body).toBe(200);
      expect((own.json() as MemberDisciplineResponse).items.map((i) => i.id)).toEqual([newer.id, older.id]);
      expect(await auditCount(t())).toBe(audits);

      const byCommittee = await call('GET', `/api/members/${me.memberId}/discipline`, as('committee')());
      expect(byCommittee.statusCode, byCommittee.body).toBe(200);
      expect(await auditCount(t())).toBe(audits + 1);
      const entry = await lastAudit(t());
      expect(entry).toMatchObject({ action: 'read.discipline', record_type: 'discipline', record_id: me.memberId, actor_account_id: staff().committee.accountId });
      expect(entry.after).toEqual({ roles: ['party_committee'] });
    });

    it('the rule set shows which bodies decide each form, with its source', async () => {
      const res = await call('GET', `/api/reference/inspection-rules?unitId=${home().id}`, as('committee')());
      expect(res.statusCode, res.body).toBe(200);
      const forms = (res.json() as { disciplineForms: { code: string; decidingBodies: string[] | null; decidingBodiesSource: string | null }[] }).disciplineForms;
      expect(forms.find((f) => f.code === 'reprimand')?.decidingBodies).toContain('cell');
      expect(forms.find((f) => f.code === 'expulsion')?.decidingBodies).not.toContain('cell');
      for (const f of forms) expect(f.decidingBodiesSource, f.code).toMatch(/Điều lệ Đảng/);
    });

    it('the lookups give the rating a member\'s decisions of a year and the subtree\'s disciplined members', async () => {
      const memberId = memberAt(1, otherCell());
      const made = await record(as('otherSecretary')(), decision({ memberId, decidingUnitId: otherCell().id, decidedOn: `${YEAR - 1}-11-20`, effectiveOn: `${YEAR - 1}-11-20` }));
      expect((await disciplineOfMember(t().db.db, memberId, YEAR - 1)).map((d) => d.id)).toEqual([made.id]);
      expect(await disciplineOfMember(t().db.db, memberId, YEAR)).toEqual([]);
      expect(await disciplinedMembersIn(t().db.db, otherCell().path, YEAR - 1)).toEqual([{ memberId, unitId: otherCell().id, decisions: 1, formCodes: ['reprimand'] }]);
      expect(await disciplinedMembersIn(t().db.db, cell().path, YEAR - 1)).toEqual([]);
      const commune = await disciplinedMembersIn(t().db.db, home().path, YEAR - 1);
      expect(commune.map((m) => m.memberId)).toContain(memberId);
    });
  });
});
