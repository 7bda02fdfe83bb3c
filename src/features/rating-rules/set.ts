/**
 * The rating rules of Quy định 366-QĐ/TW as a versioned rule set (set code 'rating_rules'): the
 * starting items read from reference/rating-qd366.json, each with its source and unconfirmed,
 * and the items of a version read back as the `RatingRules` the rating applies. Item types:
 * framework (the 100-point framework: groups and criteria with their maxima), form (Mẫu 01, 2A,
 * 2B, 2C), section (the headings every form has), level (min score and conditions per subject),
 * trigger (a fact that caps the level), quota, vote, review_step.
 */
import { readReferenceJson } from '../../core/paths.js';
import type { RatingCriterion, RatingLevelRule, RatingRules, RatingSubject, RatingTriggerRule } from '../../domain/rating.js';
import type { NewRuleSetItem, RuleSetDefinition, RuleSetItemRow } from '../rule-sets/service.js';

export const ratingItemTypes = ['framework', 'form', 'section', 'level', 'trigger', 'quota', 'vote', 'review_step'] as const;
export type RatingItemType = (typeof ratingItemTypes)[number];

/** A level's conditions for one kind of subject, as stored (the file's words). */
export interface LevelConditionsData {
  all_tasks_done: boolean;
  all_tasks_on_time: boolean;
  min_exceeded_share: number | null;
  max_late_share: number | null;
  shortcomings_fixed: boolean;
}
export interface FrameworkData {
  max: number;
  criterion_note: string;
  groups: { code: string; name: string; max: number; criteria: RatingCriterion[] }[];
}
export interface FormData {
  for: string;
  subject: RatingSubject;
  leadership: boolean;
}
export interface LevelData {
  min_score: number;
  conditions: string[];
  individual: LevelConditionsData;
  collective: LevelConditionsData;
}
export interface TriggerData {
  caps_at: string;
  applies_to: RatingSubject[];
  detect: RatingTriggerRule['detect'];
}
export interface QuotaData {
  percent_of_good: number;
  rule: string;
  scope: string;
  override: string;
}
export interface VoteData {
  denominator: string;
  text: string;
  majority: number;
  cumulative: boolean;
  rule: string;
}

interface RatingFile {
  document: string;
  guidance: string;
  score: { max: number; source: string; criterion_note: string; groups: FrameworkData['groups'] };
  forms: ({ code: string; name: string; source: string } & FormData)[];
  form_sections: { code: string; name: string }[];
  levels: ({ code: string; name: string; source: string } & LevelData)[];
  triggers: ({ code: string; name: string; source: string } & TriggerData)[];
  quota: QuotaData & { source: string };
  vote: VoteData & { source: string };
  review_steps: { code: string; name: string; source: string }[];
}

export const RATING_FILE = 'rating-qd366.json';

/** The starting rule set: reference/rating-qd366.json, every item unconfirmed, each with its source. */
function startingItems(): { source: string; note: string; items: NewRuleSetItem[] } {
  const f = readReferenceJson<RatingFile>(RATING_FILE);
  const items: NewRuleSetItem[] = [];
  const add = (item_type: RatingItemType, code: string, name: string, source: string | null, data: unknown) => items.push({ item_type, code, name, source, data_json: JSON.stringify(data) });
  add('framework', 'score', `Khung ${f.score.max} điểm`, f.score.source, { max: f.score.max, criterion_note: f.score.criterion_note, groups: f.score.groups } satisfies FrameworkData);
  for (const { code, name, source, ...data } of f.forms) add('form', code, name, source, { for: data.for, subject: data.subject, leadership: data.leadership } satisfies FormData);
  // The headings every form has; the file gives them with the forms of the guidance.
  for (const { code, name } of f.form_sections) add('section', code, name, f.forms[0]?.source ?? f.guidance, {});
  for (const { code, name, source, ...d } of f.levels) add('level', code, name, source, { min_score: d.min_score, conditions: d.conditions, individual: d.individual, collective: d.collective } satisfies LevelData);
  for (const { code, name, source, ...d } of f.triggers) add('trigger', code, name, source, { caps_at: d.caps_at, applies_to: d.applies_to, detect: d.detect } satisfies TriggerData);
  const q = f.quota;
  add('quota', 'quota', 'Tỷ lệ khống chế mức Hoàn thành xuất sắc nhiệm vụ', q.source, { percent_of_good: q.percent_of_good, rule: q.rule, scope: q.scope, override: q.override } satisfies QuotaData);
  const v = f.vote;
  add('vote', 'vote', 'Biểu quyết đề xuất mức xếp loại', v.source, { denominator: v.denominator, text: v.text, majority: v.majority, cumulative: v.cumulative, rule: v.rule } satisfies VoteData);
  for (const { code, name, source } of f.review_steps) add('review_step', code, name, source, {});
  return { source: `${f.document}; ${f.guidance}`, note: 'Nạp dữ liệu ban đầu từ tệp tham chiếu (chưa đối chiếu văn bản chính thức)', items };
}

export const ratingRuleSet: RuleSetDefinition = { code: 'rating_rules', starting: startingItems };

export const dataOf = <T>(item: Pick<RuleSetItemRow, 'data_json'>): T => JSON.parse(item.data_json) as T;

export function levelRuleOf(code: string, name: string, minScore: number, c: LevelConditionsData): RatingLevelRule {
  return {
    code,
    name,
    minScore,
    allTasksDone: c.all_tasks_done,
    allTasksOnTime: c.all_tasks_on_time,
    minExceededShare: c.min_exceeded_share,
    maxLateShare: c.max_late_share,
    shortcomingsFixed: c.shortcomings_fixed,
  };
}

/** One item of a type that a version must have exactly once (framework, quota, vote). */
function single(items: readonly RuleSetItemRow[], type: RatingItemType): RuleSetItemRow {
  const found = items.find((i) => i.item_type === type);
  if (!found) throw new Error(`rating rules version without its ${type}`);
  return found;
}

/** A version's items as the rating reads them; confirmed and source come from each item. */
export function ratingRulesFromItems(versionId: string, items: readonly RuleSetItemRow[]): RatingRules {
  const of = (type: RatingItemType) => items.filter((i) => i.item_type === type);
  const confirmed = (i: RuleSetItemRow) => i.confirmed_at !== null;
  const framework = dataOf<FrameworkData>(single(items, 'framework'));
  const quota = single(items, 'quota');
  const vote = single(items, 'vote');
  const q = dataOf<QuotaData>(quota);
  const v = dataOf<VoteData>(vote);
  return {
    versionId,
    scoreMax: framework.max,
    groups: framework.groups.map((g) => ({ code: g.code, name: g.name, max: g.max, criteria: g.criteria.map((c) => ({ code: c.code, name: c.name, max: c.max })) })),
    formSections: of('section').map((i) => ({ code: i.code, name: i.name })),
    forms: of('form').map((i) => {
      const d = dataOf<FormData>(i);
      return { code: i.code, name: i.name, for: d.for, subject: d.subject, leadership: d.leadership };
    }),
    levels: of('level').map((i) => {
      const d = dataOf<LevelData>(i);
      return {
        code: i.code,
        name: i.name,
        minScore: d.min_score,
        conditions: d.conditions,
        individual: levelRuleOf(i.code, i.name, d.min_score, d.individual),
        collective: levelRuleOf(i.code, i.name, d.min_score, d.collective),
        confirmed: confirmed(i),
        source: i.source,
      };
    }),
    triggers: of('trigger').map((i) => {
      const d = dataOf<TriggerData>(i);
      return { code: i.code, name: i.name, capsAt: d.caps_at, source: i.source ?? '', appliesTo: d.applies_to, detect: d.detect, confirmed: confirmed(i) };
    }),
    quota: { percentOfGood: q.percent_of_good, rule: q.rule, source: quota.source, confirmed: confirmed(quota) },
    vote: { majority: v.majority, cumulative: v.cumulative, rule: v.rule, source: vote.source, confirmed: confirmed(vote) },
    reviewSteps: of('review_step').map((i) => ({ code: i.code, name: i.name })),
    // Two forms share a name (Bản kiểm điểm cá nhân): each is told by its code.
    unconfirmed: items.filter((i) => !confirmed(i)).map((i) => (i.item_type === 'form' ? `${i.name} (${i.code})` : i.name)),
  };
}
