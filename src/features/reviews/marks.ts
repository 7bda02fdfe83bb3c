import type { AppContext } from '../../core/context.js';
import { AppError, fieldErrors, type FieldProblem } from '../../core/errors.js';
import { triggersFor } from '../../domain/rating.js';
import type { Actor } from '../../domain/policy.js';
import { nowIso } from '../../db/ids.js';
import { writeAudit, writeTransaction } from '../audit/service.js';
import { ratingRulesOfVersion } from '../rating-rules/lookup.js';
import * as repo from './repo.js';
import { authorizeMarkTriggers } from './policy.js';
import { levelViews, marksOf, parsePoints, subjectOf, triggerViews, type TriggerMark } from './present.js';
import { ruleBasisOf } from './service.js';
import type { TriggerMarksBody, TriggerMarksResponse } from './schemas.js';

/**
 * Các trường hợp đương nhiên không hoàn thành nhiệm vụ that no record shows: concluded by the
 * competent level to have degraded, one of the things a member must not do, the duty to set an
 * example broken. The rules leave them to people: the cell's committee (at its review meeting) or
 * the party committee marks them on a member's review, each with its basis, and a mark caps the
 * level as a discipline record does — in the levels the review allows, the cell's proposal and
 * the committee's decision. The whole set is written at once; every change is audited.
 */
export async function saveTriggerMarks(ctx: AppContext, actor: Actor, id: string, body: TriggerMarksBody): Promise<TriggerMarksResponse> {
  return writeTransaction(ctx.handle, async (trx) => {
    const r = await repo.findReview(trx, id);
    const p = r && (await repo.findPeriod(trx, r.period_id));
    authorizeMarkTriggers(actor, r, p?.unit_path ?? '');
    if (p!.status !== 'open') throw new AppError(409, 'review_period_closed');
    const rules = await ratingRulesOfVersion(trx, p!.rules_version_id);
    const subject = subjectOf(r!);
    const manual = new Set(triggersFor(rules, subject).filter((t) => t.detect === null).map((t) => t.code));
    const problems: FieldProblem[] = [];
    body.marks.forEach((m, i) => {
      if (!manual.has(m.code)) problems.push({ field: `marks.${i}.code`, messageKey: 'review_trigger_not_manual' });
      else if (body.marks.findIndex((x) => x.code === m.code) < i) problems.push({ field: `marks.${i}.code`, messageKey: 'review_trigger_twice' });
    });
    if (problems.length > 0) throw fieldErrors(problems);

    const before = marksOf(r!);
    const now = nowIso();
    const byName = await repo.accountDisplayName(trx, actor.accountId);
    // A mark kept as it was keeps who made it and when; a new or reworded one is this actor's, now.
    const marks: TriggerMark[] = body.marks.map((m) => {
      const kept = before.find((b) => b.code === m.code && b.note === m.note);
      return kept ?? { code: m.code, note: m.note, markedAt: now, markedByAccountId: actor.accountId, markedByName: byName };
    });
    const summary = (list: readonly TriggerMark[]) => list.map((m) => ({ code: m.code, note: m.note }));
    if (JSON.stringify(summary(marks)) !== JSON.stringify(summary(before))) {
      await repo.updateReview(trx, r!.id, { marked_triggers_json: JSON.stringify(marks), updated_at: now });
      await writeAudit(trx, ctx.handle.dialect, {
        actorAccountId: actor.accountId,
        action: 'review.trigger_marks',
        recordType: 'review',
        recordId: r!.id,
        unitId: r!.unit_id,
        before: { marks: summary(before) },
        after: { marks: summary(marks) },
      });
    }
    const basis = await ruleBasisOf(trx, r!, p!);
    return { triggers: triggerViews(rules, subject, basis, marks), levels: levelViews(rules, subject, basis, marks, parsePoints(r!.points_json)) };
  });
}
