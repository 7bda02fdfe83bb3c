import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { DialectHelpers } from '../../db/dialect.js';
import type { Database, InspectionRuleItemTable, InspectionRuleVersionTable } from '../../db/schema.js';
import { newId, nowIso } from '../../db/ids.js';
import { AppError, fieldError, notFound } from '../../core/errors.js';
import { readReferenceJson } from '../../core/paths.js';
import { pathIds } from '../../domain/unit-paths.js';
import { maxExtension, type DisciplineFormRule, type InspectionFamily, type InspectionKindRule, type InspectionStepRule, type SubjectKind } from '../../domain/inspection.js';
import { workingCalendar, type WorkingCalendar } from '../../domain/working-days.js';
import type { RuleItemType } from '../../shared/enums.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { findUnit } from '../units/lookup.js';
import { authorizeReferencedUnit } from '../units/policy.js';
import { askedOrOwnUnitPath } from '../members/lookup.js';
import { provenanceOf, versionHead } from '../rule-sets/service.js';
import * as repo from './repo.js';
import type { RuleItemRow, RuleVersionRow } from './repo.js';
import { authorizeManageRules, mayReadRules, ruleActionsFor } from './policy.js';
import type { AddHolidayYearBody, InspectionRulesResponse, InspectionRuleVersionsResponse, UpdateInspectionRuleBody } from './schemas.js';

type Db = Kysely<Database>;
type NewItem = Omit<InspectionRuleItemTable, 'id' | 'version_id' | 'unit_id'>;

// --- the reference files, as stored items ----------------------------------------------------------

interface KindData {
  family: InspectionFamily;
  by: string[];
  subjects: SubjectKind[];
  steps: { code: string; within_working_days: number | null }[];
  time_limit: { working_days: number; extension_working_days?: number; extension_fraction?: number; from_step: string; to_step: string; source?: string } | null;
  note?: string;
  lodge_limit?: unknown;
}
interface StepData {
  documents: string[];
}
interface FormData {
  probationary_allowed: boolean;
  requires_post: boolean;
  deciding_bodies?: string[];
  deciding_bodies_source?: string;
}
interface HolidayData {
  days_off: string[];
  working_weekend_days: string[];
}
interface RulesFile {
  document: string;
  guidance: string;
  steps: ({ code: string; name: string; source: string } & StepData)[];
  kinds: ({ code: string; name: string; source: string } & KindData)[];
  discipline_forms: ({ code: string; name: string; source: string } & FormData)[];
  discipline_notes: string[];
}
interface HolidaysFile {
  document: string;
  years: ({ year: number; source: string } & HolidayData)[];
}

/** The starting rule set: reference/inspection-qd296.json and reference/vietnam-holidays.json, every item unconfirmed. */
function startingItems(): { source: string; items: NewItem[] } {
  const rules = readReferenceJson<RulesFile>('inspection-qd296.json');
  const holidays = readReferenceJson<HolidaysFile>('vietnam-holidays.json');
  const items: NewItem[] = [];
  const add = (item_type: RuleItemType, code: string, name: string, source: string | null, data: unknown) =>
    items.push({ item_type, code, name, source, data_json: JSON.stringify(data), position: items.length + 1, confirmed_at: null, confirmed_by_account_id: null });
  for (const { code, name, source, ...data } of rules.steps) add('step', code, name, source, data);
  for (const { code, name, source, ...data } of rules.kinds) add('kind', code, name, source, data);
  for (const { code, name, source, ...data } of rules.discipline_forms) add('discipline_form', code, name, source, { probationary_allowed: data.probationary_allowed, requires_post: data.requires_post, deciding_bodies: data.deciding_bodies, deciding_bodies_source: data.deciding_bodies_source });
  for (const { year, source, ...data } of holidays.years) add('holidays', String(year), `Ngày nghỉ lễ, Tết năm ${year}`, source, { days_off: data.days_off, working_weekend_days: data.working_weekend_days });
  add('step', repo.DISCIPLINE_NOTES, 'Lưu ý khi xem xét kỷ luật', rules.document, { documents: rules.discipline_notes });
  return { source: `${rules.document}; ${rules.guidance}; ${holidays.document}`, items };
}

async function writeVersion(
  trx: Db,
  dialect: DialectHelpers,
  actorAccountId: string | null,
  unitId: string,
  content: { source: string; note: string; items: NewItem[]; replaces?: string },
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<string> {
  const now = nowIso();
  if (content.replaces) await repo.retireVersion(trx, content.replaces, now);
  const version: InspectionRuleVersionTable = {
    id: newId(),
    unit_id: unitId,
    version: (await repo.maxVersion(trx, unitId)) + 1,
    source: content.source,
    note: content.note,
    retired_at: null,
    created_by_account_id: actorAccountId,
    created_at: now,
  };
  await repo.insertVersion(trx, version, content.items.map((i, index) => ({ ...i, id: newId(), version_id: version.id, unit_id: unitId, position: index + 1 })));
  await writeAudit(trx, dialect, {
    actorAccountId,
    action: audit.action,
    recordType: 'inspection_rules',
    recordId: version.id,
    unitId,
    before: audit.before,
    after: { version: version.version, note: version.note, ...(audit.after ? { change: audit.after } : { items: content.items.length }) },
  });
  return version.id;
}

/** Loads the starting rules for a committee's unit (audited). */
export async function loadStartingRules(trx: Db, dialect: DialectHelpers, unitId: string, actorAccountId: string | null): Promise<string> {
  const start = startingItems();
  return writeVersion(trx, dialect, actorAccountId, unitId, { source: start.source, note: 'Nạp dữ liệu ban đầu từ tệp tham chiếu (chưa đối chiếu văn bản chính thức)', items: start.items }, { action: 'inspection_rules.load' });
}

/** The version in effect for a unit: the current one kept by the nearest unit at or above it. */
export async function rulesVersionInEffect(db: Db, unitPath: string): Promise<RuleVersionRow | undefined> {
  const versions = await repo.currentVersionsOf(db, pathIds(unitPath));
  return versions.sort((a, b) => b.unit_path.length - a.unit_path.length)[0];
}

/** The version in effect, loading the starting data for the root unit the first time anyone needs it. Call in a write transaction. */
export async function ensureRulesVersion(trx: Db, dialect: DialectHelpers, unitPath: string): Promise<RuleVersionRow> {
  const found = await rulesVersionInEffect(trx, unitPath);
  if (found) return found;
  const id = await loadStartingRules(trx, dialect, pathIds(unitPath)[0]!, null);
  return (await repo.findVersion(trx, id))!;
}

// --- the rules as the domain reads them ----------------------------------------------------------

/** A rule set, ready for the domain rules: kinds, steps, discipline forms and the working calendar. */
export interface InspectionRules {
  versionId: string;
  kinds: Map<string, InspectionKindRule & { source: string | null; limitSource: string | null }>;
  steps: Map<string, InspectionStepRule & { confirmed: boolean }>;
  disciplineForms: Map<string, DisciplineFormRule>;
  calendar: WorkingCalendar;
  /** Years whose days off nobody has confirmed yet, by the rule's own name. */
  unconfirmedHolidays: { year: number; name: string }[];
}

function kindOf(row: RuleItemRow): InspectionKindRule & { source: string | null; limitSource: string | null } {
  const data = JSON.parse(row.data_json) as KindData;
  const limit = data.time_limit;
  return {
    code: row.code,
    name: row.name,
    family: data.family,
    subjects: data.subjects,
    steps: data.steps.map((s) => ({ code: s.code, withinWorkingDays: s.within_working_days })),
    timeLimit: limit
      ? {
          workingDays: limit.working_days,
          extensionWorkingDays: maxExtension({ workingDays: limit.working_days, extensionWorkingDays: limit.extension_working_days ?? null, extensionFraction: limit.extension_fraction ?? null }),
          fromStep: limit.from_step,
          toStep: limit.to_step,
        }
      : null,
    confirmed: row.confirmed_at !== null,
    source: row.source,
    limitSource: limit?.source ?? null,
  };
}

export function rulesFromItems(versionId: string, items: readonly RuleItemRow[]): InspectionRules {
  const of = (type: RuleItemType) => items.filter((i) => i.item_type === type);
  const holidays = of('holidays').map((i) => ({ year: Number(i.code), name: i.name, confirmed: i.confirmed_at !== null, ...(JSON.parse(i.data_json) as HolidayData) }));
  return {
    versionId,
    kinds: new Map(of('kind').map((i) => [i.code, kindOf(i)])),
    steps: new Map(
      of('step')
        .filter((i) => i.code !== repo.DISCIPLINE_NOTES)
        .map((i) => [i.code, { code: i.code, name: i.name, documents: (JSON.parse(i.data_json) as StepData).documents, confirmed: i.confirmed_at !== null }]),
    ),
    disciplineForms: new Map(
      of('discipline_form').map((i) => {
        const data = JSON.parse(i.data_json) as FormData;
        return [i.code, { code: i.code, name: i.name, probationaryAllowed: data.probationary_allowed, requiresPost: data.requires_post, decidingBodies: data.deciding_bodies ?? null, confirmed: i.confirmed_at !== null }];
      }),
    ),
    calendar: workingCalendar(
      holidays.flatMap((h) => h.days_off),
      holidays.flatMap((h) => h.working_weekend_days),
    ),
    unconfirmedHolidays: holidays.filter((h) => !h.confirmed).map((h) => ({ year: h.year, name: h.name })).sort((a, b) => a.year - b.year),
  };
}

/** The rules of one version (a case keeps the version it was opened under). */
export async function rulesOfVersion(db: Db, versionId: string): Promise<InspectionRules> {
  return rulesFromItems(versionId, await repo.itemsOfVersion(db, versionId));
}

/** The rules in effect at a unit, loaded on first need. Call in a write transaction. */
export async function ensureRules(trx: Db, dialect: DialectHelpers, unitPath: string): Promise<InspectionRules> {
  const version = await ensureRulesVersion(trx, dialect, unitPath);
  return rulesOfVersion(trx, version.id);
}

// --- presenting --------------------------------------------------------------------------------

async function presentRules(db: Db, actor: Actor, version: RuleVersionRow): Promise<InspectionRulesResponse> {
  const items = await repo.itemsOfVersion(db, version.id);
  const of = (type: RuleItemType) => items.filter((i) => i.item_type === type && i.code !== repo.DISCIPLINE_NOTES);
  const notes = items.find((i) => i.code === repo.DISCIPLINE_NOTES);
  return {
    // The notes on discipline are no rule to confirm or count.
    ...versionHead(version, items.filter((i) => i.code !== repo.DISCIPLINE_NOTES), ruleActionsFor(actor, version.unit_path, version.retired_at === null)),
    kinds: of('kind').map((i) => {
      const k = kindOf(i);
      const data = JSON.parse(i.data_json) as KindData;
      return {
        ...provenanceOf(i),
        family: k.family,
        by: data.by,
        subjects: k.subjects,
        steps: k.steps,
        timeLimit: k.timeLimit ? { ...k.timeLimit, source: k.limitSource } : null,
        note: data.note ?? null,
      };
    }),
    steps: of('step').map((i) => ({ ...provenanceOf(i), documents: (JSON.parse(i.data_json) as StepData).documents })),
    disciplineForms: of('discipline_form').map((i) => {
      const data = JSON.parse(i.data_json) as FormData;
      return { ...provenanceOf(i), probationaryAllowed: data.probationary_allowed, requiresPost: data.requires_post, decidingBodies: data.deciding_bodies ?? null, decidingBodiesSource: data.deciding_bodies_source ?? null };
    }),
    holidays: of('holidays')
      .map((i) => {
        const data = JSON.parse(i.data_json) as HolidayData;
        return { ...provenanceOf(i), year: Number(i.code), daysOff: data.days_off, workingWeekendDays: data.working_weekend_days };
      })
      // A year added later is stored last; the years read in order.
      .sort((a, b) => a.year - b.year),
    disciplineNotes: notes ? (JSON.parse(notes.data_json) as StepData).documents : [],
  };
}

// --- reading -----------------------------------------------------------------------------------


export async function getRules(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined; versionId?: string | undefined }): Promise<InspectionRulesResponse> {
  const { db } = ctx.handle;
  if (query.versionId) {
    const version = await repo.findVersion(db, query.versionId);
    if (!version || !mayReadRules(actor, version.unit_path)) throw notFound();
    return presentRules(db, actor, version);
  }
  const unitPath = await askedOrOwnUnitPath(db, actor, query.unitId);
  if (!unitPath) throw notFound();
  const found = (await rulesVersionInEffect(db, unitPath)) ?? (await writeTransaction(ctx.handle, (trx) => ensureRulesVersion(trx, ctx.handle.dialect, unitPath)));
  return presentRules(db, actor, found);
}

export async function listRuleVersions(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined }): Promise<InspectionRuleVersionsResponse> {
  const current = await getRules(ctx, actor, { unitId: query.unitId });
  const rows = await repo.versionsOfUnit(ctx.handle.db, current.unitId);
  return {
    unitId: current.unitId,
    items: rows.map((r) => ({ id: r.id, version: Number(r.version), note: r.note, createdAt: r.created_at, createdByName: r.created_by_name, retiredAt: r.retired_at, unconfirmed: Number(r.unconfirmed ?? 0) })),
  };
}

// --- changing ----------------------------------------------------------------------------------

async function loadManageable(trx: Db, actor: Actor, id: string) {
  const item = await repo.findItem(trx, id);
  const version = item ? await repo.findVersion(trx, item.version_id) : undefined;
  const readable = item && version && mayReadRules(actor, version.unit_path);
  authorizeManageRules(actor, readable ? version : undefined);
  if (version!.retired_at !== null) throw new AppError(409, 'inspection_rules_version_retired');
  return { item: item!, version: version!, items: await repo.itemsOfVersion(trx, version!.id) };
}

const copyOf = ({ id: _i, version_id: _v, unit_id: _u, confirmed_by_name: _n, ...rest }: RuleItemRow): NewItem => rest;
const snapshot = (i: Pick<InspectionRuleItemTable, 'item_type' | 'code' | 'name' | 'source' | 'data_json'>) => ({ type: i.item_type, code: i.code, name: i.name, source: i.source, data: JSON.parse(i.data_json) as unknown });

/** The item's data with the body's changes, checked against its type: a field of another type is named. */
function editedData(item: InspectionRuleItemTable, body: UpdateInspectionRuleBody): unknown {
  const data = JSON.parse(item.data_json) as Record<string, unknown>;
  const only = (type: RuleItemType, fields: (keyof UpdateInspectionRuleBody)[]) => {
    for (const f of fields) if (body[f] !== undefined && item.item_type !== type) throw fieldError(f, 'inspection_rule_field_not_for_type');
  };
  only('kind', ['stepDays', 'limitWorkingDays', 'extensionWorkingDays']);
  only('discipline_form', ['probationaryAllowed']);
  only('holidays', ['daysOff', 'workingWeekendDays']);
  if (item.item_type === 'kind') {
    const kind = data as unknown as KindData;
    if (body.stepDays) {
      for (const [code, days] of Object.entries(body.stepDays)) {
        const step = kind.steps.find((s) => s.code === code);
        if (!step) throw fieldError(`stepDays.${code}`, 'inspection_rule_unknown_step');
        step.within_working_days = days;
      }
    }
    if (body.limitWorkingDays === null) kind.time_limit = null;
    else if (body.limitWorkingDays !== undefined || body.extensionWorkingDays !== undefined) {
      // The limit runs between two steps the form cannot choose: name the field that was sent.
      if (!kind.time_limit) throw fieldError(body.limitWorkingDays !== undefined ? 'limitWorkingDays' : 'extensionWorkingDays', 'inspection_rule_no_limit');
      if (body.limitWorkingDays !== undefined) kind.time_limit.working_days = body.limitWorkingDays;
      if (body.extensionWorkingDays !== undefined) {
        kind.time_limit.extension_working_days = body.extensionWorkingDays;
        delete kind.time_limit.extension_fraction;
      }
    }
  }
  if (item.item_type === 'discipline_form' && body.probationaryAllowed !== undefined) data.probationary_allowed = body.probationaryAllowed;
  if (item.item_type === 'holidays') {
    const inYear = (days: string[] | undefined, field: string) =>
      days?.forEach((d, i) => {
        if (!d.startsWith(`${item.code}-`)) throw fieldError(`${field}.${i}`, 'inspection_rule_day_outside_year', { year: item.code });
      });
    inYear(body.daysOff, 'daysOff');
    inYear(body.workingWeekendDays, 'workingWeekendDays');
    if (body.daysOff) data.days_off = [...new Set(body.daysOff)].sort();
    if (body.workingWeekendDays) data.working_weekend_days = [...new Set(body.workingWeekendDays)].sort();
  }
  return data;
}

/** Sửa một quy định: a new version in which this rule is unconfirmed again. */
export async function updateRule(ctx: AppContext, actor: Actor, id: string, body: UpdateInspectionRuleBody): Promise<InspectionRulesResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const { item, version, items } = await loadManageable(trx, actor, id);
    const next = {
      name: body.name ?? item.name,
      source: body.source === undefined ? item.source : body.source === '' ? null : body.source,
      data_json: JSON.stringify(editedData(item, body)),
    };
    if (next.name === item.name && next.source === item.source && next.data_json === item.data_json) throw fieldError('note', 'inspection_rule_no_change');
    return writeVersion(
      trx,
      ctx.handle.dialect,
      actor.accountId,
      version.unit_id,
      { source: version.source, note: `${item.name}: ${body.note}`, replaces: version.id, items: items.map((i) => (i.id === item.id ? { ...copyOf(i), ...next, confirmed_at: null, confirmed_by_account_id: null } : copyOf(i))) },
      { action: 'inspection_rules.update', before: { version: Number(version.version), item: snapshot(item) }, after: snapshot({ ...item, ...next }) },
    );
  });
  return presentRules(ctx.handle.db, actor, (await repo.findVersion(ctx.handle.db, versionId))!);
}

/** Đã đối chiếu văn bản chính thức: who and when, on the item. */
export async function confirmRule(ctx: AppContext, actor: Actor, id: string, note: string | null | undefined): Promise<InspectionRulesResponse> {
  const version = await writeTransaction(ctx.handle, async (trx) => {
    const { item, version } = await loadManageable(trx, actor, id);
    if (item.confirmed_at !== null) throw new AppError(409, 'inspection_rule_confirmed');
    const at = nowIso();
    await repo.confirmItem(trx, item.id, { confirmed_at: at, confirmed_by_account_id: actor.accountId });
    await writeAudit(trx, ctx.handle.dialect, {
      actorAccountId: actor.accountId,
      action: 'inspection_rules.confirm',
      recordType: 'inspection_rules',
      recordId: version.id,
      unitId: version.unit_id,
      before: { code: item.code, type: item.item_type, confirmedAt: null },
      after: { code: item.code, type: item.item_type, confirmedAt: at, note: note ?? null },
    });
    return version;
  });
  return presentRules(ctx.handle.db, actor, version);
}

/** Thêm lịch nghỉ của một năm: a new version with that year's days off. */
export async function addHolidayYear(ctx: AppContext, actor: Actor, body: AddHolidayYearBody): Promise<InspectionRulesResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const unit = await findUnit(trx, body.unitId);
    authorizeReferencedUnit(actor, 'inspection_rules.manage', unit, 'unitId');
    const version = (await repo.currentVersionsOf(trx, [unit!.id]))[0] ?? (await ensureRulesVersion(trx, ctx.handle.dialect, unit!.path));
    if (version.unit_id !== unit!.id) throw fieldError('unitId', 'inspection_rules_not_kept');
    const items = await repo.itemsOfVersion(trx, version.id);
    if (items.some((i) => i.item_type === 'holidays' && i.code === String(body.year))) throw fieldError('year', 'inspection_rule_year_exists', { year: body.year });
    const fake = { item_type: 'holidays', code: String(body.year), data_json: '{}' } as InspectionRuleItemTable;
    const data = editedData(fake, { daysOff: body.daysOff, workingWeekendDays: body.workingWeekendDays, note: body.note });
    const added: NewItem = { item_type: 'holidays', code: String(body.year), name: `Ngày nghỉ lễ, Tết năm ${body.year}`, position: items.length + 1, data_json: JSON.stringify({ days_off: [], working_weekend_days: [], ...(data as object) }), source: body.source, confirmed_at: null, confirmed_by_account_id: null };
    return writeVersion(trx, ctx.handle.dialect, actor.accountId, version.unit_id, { source: version.source, note: `${added.name}: ${body.note}`, replaces: version.id, items: [...items.map(copyOf), added] }, { action: 'inspection_rules.add_year', after: snapshot(added) });
  });
  return presentRules(ctx.handle.db, actor, (await repo.findVersion(ctx.handle.db, versionId))!);
}

