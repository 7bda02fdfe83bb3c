import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import type { Database, MemberTable, UnitTable } from '../../db/schema.js';
import { buildDemoCommune, type DemoCommune, type DemoMember, type DemoUnit } from '../commune.js';
import { derivedNameColumns } from '../../features/members/service.js';
import { roleNamesVi } from '../../domain/roles.js';
import { foldVietnamese } from '../../domain/vietnamese.js';
import { writeAuditEntries, writeTransaction, type AuditWrite } from '../../features/audit/service.js';
import { insertAccountWithRoles } from '../../features/accounts/service.js';
import type { Rubric } from '../../features/meetings/schemas.js';
import { DEMO_PASSWORD } from '../../core/passwords.js';
import { seedDemoMeetings, seedSampleRubric } from './meetings.js';
import { seedDemoWork } from './work.js';
import type { DemoRefs } from './refs.js';
import { insertInChunks } from './insert.js';
import { seedDemoSelfExamination } from './self-examination.js';
import { loadStartingChecklist } from '../../features/checklist/service.js';
import { buildDemoMeetings } from '../meetings.js';
import { seedDemoLocalIssues } from './local-issues.js';
import { demoCitizenMessages } from '../local-issues.js';
import { formatTrackingCode } from '../../domain/citizen-feedback.js';
import { buildDemoPresent, presentWindow, type DemoQuarter } from '../present.js';
import { todayInVietnam } from '../../domain/vietnam-time.js';
import { emptyPresentSummary, seedDemoPresent, type DemoPresentSummary } from './present.js';
import { seedDemoInspection } from './inspection.js';
import { seedDemoRating } from './rating.js';

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
  /** Cases of inspection and supervision (kiểm tra, giám sát) of the commune's UBKT, 2022's and this year's, and the discipline decisions they led to. */
  inspections: number;
  disciplineDecisions: number;
  /** Yearly reviews (kiểm điểm, xếp loại) of members and cells: 2022's, decided, and this year's under way. */
  reviews: number;
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

/** Ids of what the seed has written so far, by the demo's keys; each step reads what it needs. */
interface SeedState {
  unitIds: Map<string, string>;
  unitRows: Map<string, UnitTable>;
  memberIds: Map<string, string>;
  accountOfMember: Map<string, string>;
  /** Each unit's contact (a cell's secretary), who reports on the tasks the unit owns. */
  contactMembers: Map<string, { memberId: string; memberKey: string }>;
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
  const state: SeedState = { unitIds: new Map(), unitRows: new Map(), memberIds: new Map(), accountOfMember: new Map(), contactMembers: new Map() };
  const counts = await writeTransaction(handle, async (trx) => {
    const members = await seedUnitsAndMembers(trx, handle, demo, state);
    await seedAccounts(trx, handle, demo, state);
    const commune = demo.units.find((u) => u.parentKey === null)!;
    const rubric = await seedSampleRubric(trx, handle, state.unitIds.get(commune.key)!);
    // The self-examination checklist (27 manifestations, QĐ 08 points), kept by the commune committee.
    const checklist = await loadStartingChecklist(trx, handle.dialect, state.unitIds.get(commune.key)!, null);
    const local = await seedLocalIssues(trx, handle, demo, state, commune.key, today);
    const story = withMeetings
      ? await seedMeetingsAndWork(trx, handle, demo, { ...state, rubric }, checklist, { withWork, present: options.present !== false, today })
      : emptyStory(today, window.quarter);
    // Counted, not added up from each seeding step: the steps write entries of their own.
    const auditEntries = await countRows(trx, 'audit_log');
    return { members, local, story, auditEntries, tasks: withMeetings ? await countRows(trx, 'tasks') : 0 };
  });
  const { story, local } = counts;
  return {
    units: demo.units.length,
    members: counts.members,
    meetings: story.meetings,
    tasks: counts.tasks,
    directives: story.work.directives,
    commitments: story.work.commitments,
    selfExaminations: story.selfExam.selfExaminations,
    feedback: story.selfExam.feedback,
    planItems: story.selfExam.planItems,
    localIssues: local.issues,
    citizenFeedback: local.citizenFeedback,
    inspections: story.inspection.cases,
    disciplineDecisions: story.inspection.disciplineDecisions,
    reviews: story.reviews,
    trackingCodes: demoCitizenMessages(today).filter((m) => m.key === 'c1' || m.key === 'c11').map((m) => ({ code: formatTrackingCode(local.trackingCodes.get(m.key)!), name: m.name, status: m.status })),
    auditEntries: counts.auditEntries,
    present: story.present,
    accounts: demo.accounts.map((a) => ({
      username: a.username,
      displayName: a.displayName,
      roles: a.roles.map((r) => `${roleNamesVi[r.role]} (${demo.units.find((u) => u.key === r.unitKey)?.name ?? r.unitKey})`),
    })),
    password: DEMO_PASSWORD,
  };
}

async function countRows(trx: Kysely<Database>, table: 'audit_log' | 'tasks'): Promise<number> {
  const row = await trx.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The commune's units (parents first) and their members, written in batches with one audit
 * entry each — a unit's entry, then its members' — in one append to the chain.
 */
async function seedUnitsAndMembers(trx: Kysely<Database>, handle: DatabaseHandle, demo: DemoCommune, state: SeedState): Promise<number> {
  const now = nowIso();
  const units: UnitTable[] = [];
  const members: MemberTable[] = [];
  const audit: AuditWrite[] = [];
  for (const unit of demo.units) {
    const row = demoUnitRow(unit, unit.parentKey ? state.unitRows.get(unit.parentKey) : undefined, now);
    units.push(row);
    audit.push({
      actorAccountId: null,
      action: 'unit.create',
      recordType: 'unit',
      recordId: row.id,
      unitId: row.id,
      after: { parentId: row.parent_id, kind: row.kind, name: row.name, code: row.code, source: 'demo' },
    });
    state.unitIds.set(unit.key, row.id);
    state.unitRows.set(unit.key, row);
    for (const m of unit.members) {
      const member = demoMemberRow(m, row.id, now);
      members.push(member);
      audit.push({
        actorAccountId: null,
        action: 'member.create',
        recordType: 'member',
        recordId: member.id,
        unitId: row.id,
        after: { unitId: row.id, fullName: member.full_name, status: m.status, cardNumber: m.cardNumber, source: 'demo' },
      });
      state.memberIds.set(m.key, member.id);
      if (unit.contactName === member.full_name) state.contactMembers.set(unit.key, { memberId: member.id, memberKey: m.key });
    }
  }
  await insertInChunks(trx, 'units', units, 100);
  await insertInChunks(trx, 'members', members, 200);
  await writeAuditEntries(trx, handle.dialect, audit);
  return members.length;
}

/** The stored row of a demo unit, under its parent's row. */
function demoUnitRow(unit: DemoUnit, parent: UnitTable | undefined, now: string): UnitTable {
  const id = newId();
  return {
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
}

/** The demo accounts (password DEMO_PASSWORD), each linked to its member where it has one. */
async function seedAccounts(trx: Kysely<Database>, handle: DatabaseHandle, demo: DemoCommune, state: SeedState): Promise<void> {
  for (const account of demo.accounts) {
    const memberId = account.memberKey ? state.memberIds.get(account.memberKey) ?? null : null;
    const accountId = await insertAccountWithRoles(trx, handle, null, {
      username: account.username,
      displayName: account.displayName,
      unitId: state.unitIds.get(account.roles[0]!.unitKey)!,
      memberId,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
      roles: account.roles.map((r) => ({ role: r.role, unitId: state.unitIds.get(r.unitKey)! })),
    });
    if (account.memberKey) state.accountOfMember.set(account.memberKey, accountId);
  }
}

/** The commune's outstanding issues and the people's messages, kept by the party committee. */
function seedLocalIssues(trx: Kysely<Database>, handle: DatabaseHandle, demo: DemoCommune, state: SeedState, communeKey: string, today: string) {
  const committee = demo.accounts.find((a) => a.roles.some((r) => r.role === 'party_committee'))!;
  return seedDemoLocalIssues(trx, { db: trx, dialect: handle.dialect }, {
    unitIds: state.unitIds,
    unitPaths: new Map([...state.unitRows].map(([key, row]) => [key, row.path])),
    communeKey,
    committeeAccountId: state.accountOfMember.get(committee.memberKey!)!,
    today,
    contactOf: (unitKey) => {
      const c = state.contactMembers.get(unitKey);
      return { memberId: c?.memberId ?? null, accountId: c ? (state.accountOfMember.get(c.memberKey) ?? null) : null };
    },
  });
}

/** What the meetings, work and "tự soi, tự sửa" steps wrote, for the summary. */
interface StoryCounts {
  meetings: number;
  work: { directives: number; commitments: number };
  selfExam: { selfExaminations: number; feedback: number; planItems: number };
  inspection: { cases: number; disciplineDecisions: number };
  reviews: number;
  present: DemoPresentSummary;
}

function emptyStory(today: string, quarter: DemoQuarter): StoryCounts {
  return { meetings: 0, work: { directives: 0, commitments: 0 }, selfExam: { selfExaminations: 0, feedback: 0, planItems: 0 }, inspection: { cases: 0, disciplineDecisions: 0 }, reviews: 0, present: emptyPresentSummary(today, quarter) };
}

/**
 * The 2022 story (meetings, then directives, tasks and commitments, then "tự soi, tự sửa") and
 * after it the present, in the same commune up to today.
 */
async function seedMeetingsAndWork(
  trx: Kysely<Database>,
  handle: DatabaseHandle,
  demo: DemoCommune,
  refs: DemoRefs & { rubric: Rubric },
  checklist: Awaited<ReturnType<typeof loadStartingChecklist>>,
  options: { withWork: boolean; present: boolean; today: string },
): Promise<StoryCounts> {
  const story = emptyStory(options.today, presentWindow(options.today).quarter);
  const meetings = buildDemoMeetings(demo);
  story.meetings = await seedDemoMeetings(trx, handle, demo, refs, meetings);
  if (options.withWork) {
    story.work = await seedDemoWork(trx, handle, demo, meetings, refs);
    story.selfExam = await seedDemoSelfExamination(trx, handle, demo, meetings, refs, checklist);
  }
  const present = options.present ? await seedDemoPresent(trx, handle, demo, refs, checklist, buildDemoPresent(demo, options.today), options.withWork) : null;
  // The committee's programmes and cases come last: their evidence points at the meetings, their follow-up is tasks.
  if (options.withWork) story.inspection = await seedDemoInspection(trx, handle, demo, refs, meetings, present ? options.today : null);
  // The yearly reviews close the story: their evidence is the year's meetings, work and discipline.
  if (options.withWork) story.reviews = (await seedDemoRating(trx, handle, demo, refs, meetings, present ? options.today : null)).reviews;
  if (!present) return story;
  return {
    meetings: story.meetings + present.meetingsHeld + present.meetingsPlanned,
    work: { directives: story.work.directives + present.directives, commitments: story.work.commitments + present.commitments + present.commitmentsLastYear },
    selfExam: {
      selfExaminations: story.selfExam.selfExaminations + present.selfExaminations,
      feedback: story.selfExam.feedback + present.feedback,
      planItems: story.selfExam.planItems + present.planItems,
    },
    inspection: story.inspection,
    reviews: story.reviews,
    present,
  };
}
