import type { DatabaseHandle } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import type { MemberTable, UnitTable } from '../../db/schema.js';
import { buildDemoCommune, type DemoMember } from '../commune.js';
import { derivedNameColumns } from '../../features/members/service.js';
import { roleNamesVi } from '../../domain/roles.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { writeAudit, writeTransaction } from '../../features/audit/service.js';
import { insertAccountWithRoles } from '../../features/accounts/service.js';
import { DEMO_PASSWORD } from '../../core/passwords.js';
import { seedDemoMeetings, seedSampleRubric } from './meetings.js';
import { seedDemoWork } from './work.js';
import { seedDemoSelfExamination } from './self-examination.js';
import { loadStartingChecklist } from '../../features/checklist/service.js';
import { buildDemoMeetings } from '../meetings.js';
import { seedDemoLocalIssues } from './local-issues.js';
import { demoCitizenMessages } from '../local-issues.js';
import { formatTrackingCode } from '../../domain/citizen-feedback.js';
import { buildDemoPresent, presentWindow } from '../present.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { emptyPresentSummary, seedDemoPresent, type DemoPresentSummary } from './present.js';

export type { DemoPresentSummary } from './present.js';

/** The stored row of a generated member. */
export function demoMemberRow(m: DemoMember, unitId: string, now: string, overrides: Partial<MemberTable> = {}): MemberTable {
  const names = { family_name: m.familyName, middle_name: m.middleName, given_name: m.givenName, card_number: overrides.card_number ?? m.cardNumber };
  return {
    id: newId(),
    unit_id: unitId,
    ...names,
    ...derivedNameColumns(names),
    gender: m.gender,
    birth_year: m.birthYear,
    joined_on: m.joinedOn,
    official_on: m.officialOn,
    status: m.status,
    phone: m.phone,
    archived_at: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}


export interface DemoSummary {
  units: number;
  members: number;
  meetings: number;
  /** Tasks of every source: decided at meetings, from directives, handed down to mass organisations. */
  tasks: number;
  directives: number;
  /** Commitment lines of members and cells. */
  commitments: number;
  /** Members' self-examinations (tự soi), drafts included. */
  selfExaminations: number;
  /** Feedback (góp ý) between members, upward to the cell committee and from the cell. */
  feedback: number;
  /** Items of the members' correction plans (tự sửa). */
  planItems: number;
  /** Outstanding local issues (vấn đề tồn tại) and citizens' messages (ý kiến người dân). */
  localIssues: number;
  citizenFeedback: number;
  /** A few demo messages' tracking codes (only their hashes are stored), to try the tracking page with. */
  trackingCodes: { code: string; name: string; status: string }[];
  /** Entries the seed wrote to the audit chain (one per unit, member, account, rubric, checklist, meeting, directive, task, commitment, self-examination, feedback, correction-plan item). */
  auditEntries: number;
  /** The present year's part of the figures above. */
  present: DemoPresentSummary;
  accounts: { username: string; displayName: string; roles: string[] }[];
  password: string;
}

export interface SeedOptions {
  /**
   * The day the demo is loaded (yyyy-mm-dd): the present year runs up to it. Defaults to today in
   * Asia/Ho_Chi_Minh. Must be after 2022 (the article's year, which stays as it is).
   */
  today?: string;
  /**
   * A year (2022) of meetings for every cell and the present's (held up to last month, this
   * month's planned), with their tasks; tests that do not need them skip the work.
   */
  meetings?: boolean;
  /**
   * The 2022 directives, tasks, hand-downs to mass organisations, commitments and "tự soi, tự
   * sửa", and the present's commitments, self-examinations, feedback and correction plans.
   * Defaults to `meetings`: the work is consistent with the meetings and needs them.
   */
  work?: boolean;
  /**
   * The present year after the story (default true). Off only for suites that read the 2022
   * story back on its own.
   */
  present?: boolean;
}

/**
 * Loads the demo commune (Đảng bộ xã Minh Quang) in one transaction, every row audited as
 * created by the system, so a demo database passes `audit-verify` like a real one.
 */
export async function seedDemo(handle: DatabaseHandle, options: SeedOptions = {}): Promise<DemoSummary> {
  const withMeetings = options.meetings !== false;
  const withWork = options.work ?? withMeetings;
  if (withWork && !withMeetings) throw new Error('seedDemo: the work demo needs the meetings');
  const today = options.today ?? todayInVietnam();
  // Checked before anything is written: a day in or before 2022 is refused with a clear message.
  const window = presentWindow(today);
  const demo = buildDemoCommune();
  let present: DemoPresentSummary = emptyPresentSummary(today, window.quarter);
  const unitIds = new Map<string, string>();
  const unitRows = new Map<string, UnitTable>();
  const memberIds = new Map<string, string>();
  const accountOfMember = new Map<string, string>();
  let memberCount = 0;
  let meetingCount = 0;
  let work = { directives: 0, tasks: 0, commitments: 0 };
  let selfExam = { selfExaminations: 0, feedback: 0, planItems: 0 };
  let auditCount = 0;
  let taskCount = 0;
  let local: { issues: number; citizenFeedback: number; trackingCodes: Map<string, string> } = { issues: 0, citizenFeedback: 0, trackingCodes: new Map() };
  const contactMembers = new Map<string, { memberId: string; memberKey: string }>();
  await writeTransaction(handle, async (trx) => {
    const now = nowIso();
    for (const unit of demo.units) {
      const id = newId();
      const parent = unit.parentKey ? unitRows.get(unit.parentKey) : undefined;
      const row: UnitTable = {
        id,
        parent_id: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        kind: unit.kind,
        name: unit.name,
        search_name: foldVietnamese(unit.name),
        code: unit.code,
        contact_name: unit.contactName,
        contact_phone: unit.contactPhone,
        village_name: unit.villageName,
        archived_at: null,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('units').values(row).execute();
      await writeAudit(trx, handle.dialect, {
        actorAccountId: null,
        action: 'unit.create',
        recordType: 'unit',
        recordId: id,
        unitId: id,
        after: { parentId: row.parent_id, kind: row.kind, name: row.name, code: row.code, source: 'demo' },
      });
      unitIds.set(unit.key, id);
      unitRows.set(unit.key, row);
      for (const m of unit.members) {
        const member = demoMemberRow(m, id, now);
        const fullName = member.full_name;
        await trx.insertInto('members').values(member).execute();
        await writeAudit(trx, handle.dialect, {
          actorAccountId: null,
          action: 'member.create',
          recordType: 'member',
          recordId: member.id,
          unitId: id,
          after: { unitId: id, fullName, status: m.status, cardNumber: m.cardNumber, source: 'demo' },
        });
        memberIds.set(m.key, member.id);
        // The unit's contact (a cell's secretary) reports on the tasks the unit owns.
        if (unit.contactName === fullName) contactMembers.set(unit.key, { memberId: member.id, memberKey: m.key });
        memberCount += 1;
      }
    }
    for (const account of demo.accounts) {
      const memberId = account.memberKey ? memberIds.get(account.memberKey) ?? null : null;
      const homeUnit = unitIds.get(account.roles[0]!.unitKey)!;
      const accountId = await insertAccountWithRoles(trx, handle, null, {
        username: account.username,
        displayName: account.displayName,
        unitId: homeUnit,
        memberId,
        password: DEMO_PASSWORD,
        mustChangePassword: false,
        roles: account.roles.map((r) => ({ role: r.role, unitId: unitIds.get(r.unitKey)! })),
      });
      if (account.memberKey) accountOfMember.set(account.memberKey, accountId);
    }
    const commune = demo.units.find((u) => u.parentKey === null)!;
    const rubric = await seedSampleRubric(trx, handle, unitIds.get(commune.key)!);
    // The self-examination checklist (27 manifestations, QĐ 08 points), kept by the commune committee.
    const checklist = await loadStartingChecklist(trx, handle.dialect, unitIds.get(commune.key)!, null);
    // The commune's outstanding issues and the people's messages, kept by the party committee.
    const committee = demo.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee'))!;
    local = await seedDemoLocalIssues(trx, { db: trx, dialect: handle.dialect }, {
      unitIds,
      unitPaths: new Map([...unitRows].map(([key, row]) => [key, row.path])),
      communeKey: commune.key,
      committeeAccountId: accountOfMember.get(committee.memberKey!)!,
      today,
      contactOf: (unitKey) => {
        const c = contactMembers.get(unitKey);
        return { memberId: c?.memberId ?? null, accountId: c ? (accountOfMember.get(c.memberKey) ?? null) : null };
      },
    });
    if (withMeetings) {
      const refs = { unitIds, memberIds, accountOfMember };
      const meetings = buildDemoMeetings(demo);
      meetingCount = await seedDemoMeetings(trx, handle, demo, { ...refs, rubric }, meetings);
      if (withWork) {
        work = await seedDemoWork(trx, handle, demo, meetings, refs);
        selfExam = await seedDemoSelfExamination(trx, handle, demo, meetings, refs, checklist);
      }
      // The present, after the story: the same commune, up to today.
      if (options.present !== false) {
      const built = buildDemoPresent(demo, today);
      present = await seedDemoPresent(trx, handle, demo, { ...refs, rubric }, checklist, built, withWork);
      meetingCount += present.meetingsHeld + present.meetingsPlanned;
      work.commitments += present.commitments;
      selfExam = {
        selfExaminations: selfExam.selfExaminations + present.selfExaminations,
        feedback: selfExam.feedback + present.feedback,
        planItems: selfExam.planItems + present.planItems,
      };
      }
      const tasks = await trx.selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      taskCount = Number(tasks.n);
    }
    // Counted, not added up from each seeding step: the steps write entries of their own.
    const entries = await trx.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    auditCount = Number(entries.n);
  });
  return {
    units: demo.units.length,
    members: memberCount,
    meetings: meetingCount,
    tasks: taskCount,
    directives: work.directives,
    commitments: work.commitments,
    selfExaminations: selfExam.selfExaminations,
    feedback: selfExam.feedback,
    planItems: selfExam.planItems,
    localIssues: local.issues,
    citizenFeedback: local.citizenFeedback,
    trackingCodes: demoCitizenMessages(today).filter((m) => m.key === 'c1' || m.key === 'c11').map((m) => ({ code: formatTrackingCode(local.trackingCodes.get(m.key)!), name: m.name, status: m.status })),
    auditEntries: auditCount,
    present,
    accounts: demo.accounts.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      roles: a.roles.map((r) => `${roleNamesVi[r.role]} (${demo.units.find((u) => u.key === r.unitKey)?.name ?? r.unitKey})`),
    })),
    password: DEMO_PASSWORD,
  };
}
