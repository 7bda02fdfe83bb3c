import type { Kysely } from 'kysely';
import type { AppContext } from '../../core/context.js';
import type { Actor } from '../../domain/policy.js';
import type { Database } from '../../db/schema.js';
import { fieldError, type FieldProblem, fieldErrors } from '../../core/errors.js';
import { writeTransaction } from '../audit/service.js';
import * as ruleSets from '../rule-sets/service.js';
import type { RuleSetItemRow, RuleSetVersionRow } from '../rule-sets/service.js';
import { authorizeManageRatingRules, mayReadRatingRules, ratingRuleActionsFor } from './policy.js';
import {
  dataOf,
  ratingRuleSet,
  type FormData,
  type FrameworkData,
  type LevelConditionsData,
  type LevelData,
  type QuotaData,
  type RatingItemType,
  type TriggerData,
  type VoteData,
} from './set.js';
import type { RatingRulesResponse, RatingRuleVersionsResponse, UpdateRatingRuleBody } from './schemas.js';

type Db = Kysely<Database>;

// --- presenting --------------------------------------------------------------------------------

const conditionsOf = (c: LevelConditionsData) => ({
  allTasksDone: c.all_tasks_done,
  allTasksOnTime: c.all_tasks_on_time,
  minExceededShare: c.min_exceeded_share,
  maxLateShare: c.max_late_share,
  shortcomingsFixed: c.shortcomings_fixed,
});

async function presentRules(db: Db, actor: Actor, version: RuleSetVersionRow): Promise<RatingRulesResponse> {
  const items = await ruleSets.itemsOfVersion(db, version.id);
  const of = (type: RatingItemType) => items.filter((i) => i.item_type === type);
  const one = (type: RatingItemType) => of(type)[0]!;
  const p = ruleSets.provenanceOf;
  const framework = dataOf<FrameworkData>(one('framework'));
  const quota = dataOf<QuotaData>(one('quota'));
  const vote = dataOf<VoteData>(one('vote'));
  return {
    ...ruleSets.versionHead(version, items, ratingRuleActionsFor(actor, version.unit_path, version.retired_at === null)),
    framework: { ...p(one('framework')), scoreMax: framework.max, criterionNote: framework.criterion_note, groups: framework.groups },
    levels: of('level').map((i) => {
      const d = dataOf<LevelData>(i);
      return { ...p(i), minScore: d.min_score, conditions: d.conditions, individual: conditionsOf(d.individual), collective: conditionsOf(d.collective) };
    }),
    triggers: of('trigger').map((i) => {
      const d = dataOf<TriggerData>(i);
      return { ...p(i), capsAt: d.caps_at, appliesTo: d.applies_to, detect: d.detect };
    }),
    forms: of('form').map((i) => ({ ...p(i), ...dataOf<FormData>(i) })),
    sections: of('section').map(p),
    quota: { ...p(one('quota')), percentOfGood: quota.percent_of_good, rule: quota.rule, scope: quota.scope, override: quota.override },
    vote: { ...p(one('vote')), majority: vote.majority, cumulative: vote.cumulative, denominator: vote.denominator, text: vote.text, rule: vote.rule },
    reviewSteps: of('review_step').map(p),
  };
}

// --- reading -----------------------------------------------------------------------------------

export async function getRules(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined; versionId?: string | undefined }): Promise<RatingRulesResponse> {
  const version = await ruleSets.versionForReader(ctx.handle, actor, ratingRuleSet, query, mayReadRatingRules);
  return presentRules(ctx.handle.db, actor, version);
}

export async function listRuleVersions(ctx: AppContext, actor: Actor, query: { unitId?: string | undefined }): Promise<RatingRuleVersionsResponse> {
  const version = await ruleSets.versionForReader(ctx.handle, actor, ratingRuleSet, { unitId: query.unitId }, mayReadRatingRules);
  return { unitId: version.unit_id, items: await ruleSets.versionsOfUnit(ctx.handle.db, ratingRuleSet, version.unit_id) };
}

// --- changing ----------------------------------------------------------------------------------

/** Which body fields each type of item takes; any other is named as not for it. */
const FIELDS_OF: Record<RatingItemType, (keyof UpdateRatingRuleBody)[]> = {
  framework: ['groupMax', 'criterionMax'],
  level: ['minScore', 'individual', 'collective'],
  trigger: ['capsAt'],
  quota: ['percentOfGood'],
  vote: ['majority', 'cumulative'],
  form: [],
  section: [],
  review_step: [],
};
const TYPED_FIELDS = [...new Set(Object.values(FIELDS_OF).flat())];

/** The framework with the body's maxima: every criterion within its group, the groups adding up to the total. */
function editedFramework(data: FrameworkData, body: UpdateRatingRuleBody): FrameworkData {
  const problems: FieldProblem[] = [];
  for (const [code, max] of Object.entries(body.groupMax ?? {})) {
    const group = data.groups.find((g) => g.code === code);
    if (!group) problems.push({ field: `groupMax.${code}`, messageKey: 'rating_rule_unknown_group' });
    else group.max = max;
  }
  for (const [code, max] of Object.entries(body.criterionMax ?? {})) {
    const criterion = data.groups.flatMap((g) => g.criteria).find((c) => c.code === code);
    if (!criterion) problems.push({ field: `criterionMax.${code}`, messageKey: 'rating_rule_unknown_criterion' });
    else criterion.max = max;
  }
  if (problems.length > 0) throw fieldErrors(problems);
  for (const group of data.groups) {
    for (const c of group.criteria) {
      if (c.max === null || c.max <= group.max) continue;
      // Name what the caller changed: the criterion raised, else the group lowered.
      if (body.criterionMax?.[c.code] !== undefined) problems.push({ field: `criterionMax.${c.code}`, messageKey: 'rating_rule_criterion_over_group', params: { max: group.max } });
      else problems.push({ field: `groupMax.${group.code}`, messageKey: 'rating_rule_group_below_criterion', params: { criterion: c.name, max: c.max } });
    }
  }
  const sum = data.groups.reduce((a, g) => a + g.max, 0);
  if (Math.abs(sum - data.max) > 1e-9) problems.push({ field: 'groupMax', messageKey: 'rating_rule_group_sum', params: { sum, max: data.max } });
  if (problems.length > 0) throw fieldErrors(problems);
  return data;
}

/** A level with the body's min score (between its neighbours', within the framework) and thresholds. */
function editedLevel(item: RuleSetItemRow, items: readonly RuleSetItemRow[], body: UpdateRatingRuleBody): LevelData {
  const data = dataOf<LevelData>(item);
  if (body.minScore !== undefined) {
    const levels = items.filter((i) => i.item_type === 'level');
    const at = levels.findIndex((l) => l.id === item.id);
    const above = levels[at - 1];
    const below = levels[at + 1];
    const scoreMax = dataOf<FrameworkData>(items.find((i) => i.item_type === 'framework')!).max;
    if (body.minScore > scoreMax) throw fieldError('minScore', 'rating_rule_over_score_max', { max: scoreMax });
    const aboveScore = above ? dataOf<LevelData>(above).min_score : null;
    const belowScore = below ? dataOf<LevelData>(below).min_score : null;
    if ((aboveScore !== null && body.minScore >= aboveScore) || (belowScore !== null && body.minScore <= belowScore)) {
      throw fieldError('minScore', 'rating_rule_min_score_order', { below: belowScore ?? 0, above: aboveScore ?? scoreMax });
    }
    data.min_score = body.minScore;
  }
  for (const subject of ['individual', 'collective'] as const) {
    const change = body[subject];
    if (change?.minExceededShare !== undefined) data[subject].min_exceeded_share = change.minExceededShare;
    if (change?.maxLateShare !== undefined) data[subject].max_late_share = change.maxLateShare;
  }
  return data;
}

/** The item's data with the body's changes, checked against its type and the rest of the version. */
function editedData(item: RuleSetItemRow, items: readonly RuleSetItemRow[], body: UpdateRatingRuleBody): unknown {
  const type = item.item_type as RatingItemType;
  // Named in the order they were sent.
  const foreign = (Object.keys(body) as (keyof UpdateRatingRuleBody)[]).filter((f) => body[f] !== undefined && TYPED_FIELDS.includes(f) && !FIELDS_OF[type].includes(f));
  if (foreign.length > 0) throw fieldErrors(foreign.map((field) => ({ field, messageKey: 'rating_rule_field_not_for_type' })));
  switch (type) {
    case 'framework':
      return editedFramework(dataOf<FrameworkData>(item), body);
    case 'level':
      return editedLevel(item, items, body);
    case 'trigger': {
      const data = dataOf<TriggerData>(item);
      if (body.capsAt !== undefined) {
        if (!items.some((i) => i.item_type === 'level' && i.code === body.capsAt)) throw fieldError('capsAt', 'rating_rule_unknown_level');
        data.caps_at = body.capsAt;
      }
      return data;
    }
    case 'quota': {
      const data = dataOf<QuotaData>(item);
      if (body.percentOfGood !== undefined) data.percent_of_good = body.percentOfGood;
      return data;
    }
    case 'vote': {
      const data = dataOf<VoteData>(item);
      if (body.majority !== undefined) data.majority = body.majority;
      if (body.cumulative !== undefined) data.cumulative = body.cumulative;
      return data;
    }
    default:
      return dataOf<unknown>(item);
  }
}

async function itemForChange(trx: Db, actor: Actor, id: string) {
  return ruleSets.itemForChange(trx, ratingRuleSet, id, (version) => authorizeManageRatingRules(actor, version));
}

/** Sửa một quy định xếp loại: a new version in which this rule is unconfirmed again; periods opened under the old one keep it. */
export async function updateRule(ctx: AppContext, actor: Actor, id: string, body: UpdateRatingRuleBody): Promise<RatingRulesResponse> {
  const versionId = await writeTransaction(ctx.handle, async (trx) => {
    const target = await itemForChange(trx, actor, id);
    const items = await ruleSets.itemsOfVersion(trx, target.version.id);
    const item = items.find((i) => i.id === target.item.id)!;
    const next = { name: body.name ?? item.name, source: body.source ?? item.source, data_json: JSON.stringify(editedData(item, items, body)) };
    return ruleSets.editItem(trx, ctx.handle.dialect, ratingRuleSet, actor.accountId, target, next, body.note);
  });
  return presentRules(ctx.handle.db, actor, (await ruleSets.findVersion(ctx.handle.db, ratingRuleSet, versionId))!);
}

/** Đã đối chiếu văn bản chính thức: who and when, on the rule. */
export async function confirmRule(ctx: AppContext, actor: Actor, id: string, note: string | null | undefined): Promise<RatingRulesResponse> {
  const version = await writeTransaction(ctx.handle, async (trx) => {
    const target = await itemForChange(trx, actor, id);
    await ruleSets.confirmItem(trx, ctx.handle.dialect, ratingRuleSet, actor.accountId, target, note ?? null);
    return target.version;
  });
  return presentRules(ctx.handle.db, actor, version);
}
