/**
 * What became of each correction item by the end of 2022 (judged on the record where the record
 * can tell), the secretary's comment at the December review, and the plans the items make up.
 */
import { addDays, YEAR_END } from './meetings.js';
import { hashSeed, Rng } from './random.js';
import {
  dayBetween,
  duringMeeting,
  eveningAt,
  joinName,
  maxDate,
  minDate,
  officeAt,
  recordOf,
  shown,
  verifierOf,
  YEAR,
  type Context,
  type Kind,
  type PendingItem,
} from './self-examination-context.js';
import type { DemoCorrectionPlan, DemoFeedback, DemoPlanItem, DemoPlanProgress, DemoSelfExamination } from './self-examination.js';
import type { FeedbackTopic, PlanItemStatus } from '../shared/enums.js';

const TOPIC_VI: Record<FeedbackTopic, string> = {
  working_style: 'tác phong, lề lối làm việc',
  speech: 'phát ngôn',
  behaviour: 'thái độ ứng xử',
  setting_example: 'trách nhiệm nêu gương',
  task_performance: 'việc thực hiện nhiệm vụ',
  cell_leadership: 'công tác lãnh đạo của chi ủy',
  other: 'một số nội dung khác',
};

// ---------------------------------------------------------------------------
// What became of each correction item
// ---------------------------------------------------------------------------

const NOTE_GENERIC: readonly string[] = ['Đang thực hiện theo kế hoạch.', 'Đã thực hiện được một phần, tiếp tục duy trì.', 'Đã trao đổi với chi ủy về cách làm; đang thực hiện.'];
const NOTE_BY_KIND: Partial<Record<Kind, readonly string[]>> = {
  vague: ['Đã lập sổ theo dõi các việc được giao, ghi rõ thời hạn từng việc.', 'Đã báo cáo kết quả các việc trong tháng với chi ủy đúng hạn.'],
  study: [
    'Đã tự nghiên cứu Nghị quyết Trung ương 4 khóa XIII, ghi sổ tay các nội dung liên hệ bản thân.',
    'Đã đọc và ghi chép Kết luận số 21-KL/TW.',
    'Đã nghiên cứu Quy định số 37-QĐ/TW về những điều đảng viên không được làm.',
  ],
  example: ['Gia đình đã phân loại rác tại nguồn; đã vận động thêm hai hộ lân cận.', 'Đã cùng gia đình dọn vệ sinh trước cửa nhà hằng tuần.'],
  service: ['Đã lập sổ theo dõi; các việc trong tháng đều giải quyết đúng hạn.', 'Đã rút kinh nghiệm, thực hiện đúng quy trình.'],
  speech: ['Đã rà soát, gỡ các bài chia sẻ chưa kiểm chứng; chỉ chia sẻ thông tin từ nguồn chính thống.'],
  residence: ['Đã dự sinh hoạt chi bộ nơi cư trú và tham gia tổng vệ sinh khu dân cư.', 'Đã tham gia Ngày hội Đại đoàn kết ở khu dân cư nơi cư trú.'],
};
const CLAIM_NOTES: readonly string[] = [
  'Đã thực hiện đầy đủ các biện pháp đề ra, đề nghị chi ủy xác nhận.',
  'Báo cáo đã khắc phục xong, đề nghị chi ủy xem xét.',
  'Đã khắc phục theo kế hoạch, đề nghị chi ủy xác nhận.',
];
const FIXED_NOTES: readonly string[] = ['Chi ủy xác nhận đồng chí đã khắc phục.', 'Đã kiểm tra, xác nhận đạt tiêu chí đề ra.', 'Xác nhận đã khắc phục; đề nghị đồng chí tiếp tục duy trì.'];

interface Outcome {
  status: PlanItemStatus;
  claimedOn: string | null;
  verifiedOn: string | null;
  verificationComment: string | null;
  progress: DemoPlanProgress[];
}

class Story {
  readonly progress: DemoPlanProgress[] = [];
  status: PlanItemStatus = 'open';
  claimedOn: string | null = null;
  verifiedOn: string | null = null;
  comment: string | null = null;
  constructor(
    private readonly rng: Rng,
    private readonly item: PendingItem,
    private readonly verifier: string,
  ) {}
  private at(date: string): string {
    return this.item.cell.village ? eveningAt(this.rng, date) : officeAt(this.rng, date);
  }
  note(on: string, text: string): void {
    if (on <= this.item.createdOn || on > this.item.until) return;
    this.progress.push({ kind: 'note', note: text, authorKey: this.item.memberKey, at: this.at(on) });
  }
  /** The member reports it fixed; the verifier answers at the next meeting or within a week, or not yet. */
  claim(on: string, text: string, verdict: (verifyOn: string) => { fixed: boolean; comment: string }): string | null {
    if (on > this.item.until) return null;
    this.progress.push({ kind: 'claimed', note: text, authorKey: this.item.memberKey, at: this.at(on) });
    this.status = 'claimed';
    this.claimedOn = on;
    const next = this.item.cell.meetings.find((m) => m.date > on);
    const verifyOn = next && this.rng.chance(0.6) ? next.date : addDays(on, this.rng.int(1, 7));
    if (verifyOn > this.item.until) return null;
    const v = verdict(verifyOn);
    const at = next && verifyOn === next.date ? duringMeeting(next, 100) : officeAt(this.rng, verifyOn);
    this.progress.push({ kind: v.fixed ? 'fixed' : 'returned', note: v.comment, authorKey: this.verifier, at });
    this.comment = v.comment;
    if (v.fixed) {
      this.status = 'fixed';
      this.verifiedOn = verifyOn;
    } else {
      this.status = 'returned';
      this.claimedOn = null;
    }
    return verifyOn;
  }
  notesBetween(from: string, to: string, texts: readonly string[], max = 2): void {
    const n = this.rng.int(0, max);
    for (let i = 0; i < n; i++) {
      const on = dayBetween(this.rng, addDays(from, 7), addDays(to, -1));
      if (on > from && on < to) this.note(on, this.rng.pick(texts));
    }
  }
  outcome(): Outcome {
    this.progress.sort((a, b) => a.at.localeCompare(b.at));
    // Notes drawn for the item's time fall only where the member was still working on it:
    // not while a claim awaits the verifier, not once it is verified.
    let waiting = false;
    let done = false;
    const progress = this.progress.filter((p) => {
      if (p.kind === 'note') return !waiting && !done;
      waiting = p.kind === 'claimed';
      if (p.kind === 'fixed') done = true;
      return true;
    });
    return { status: this.status, claimedOn: this.claimedOn, verifiedOn: this.verifiedOn, verificationComment: this.comment, progress };
  }
}

/** A claim in time: in the last weeks before the deadline, at least three weeks after the item began. */
function claimInTime(rng: Rng, item: PendingItem): string {
  const from = maxDate(addDays(item.createdOn, 21), addDays(item.deadline, -25));
  return from >= item.deadline ? maxDate(addDays(item.createdOn, 1), item.deadline) : dayBetween(rng, from, item.deadline);
}

function judge(ctx: Context, item: PendingItem, feedback: readonly DemoFeedback[]): Outcome {
  const rng = new Rng(hashSeed(`plan-item/${item.key}`));
  const verifier = verifierOf(item.cell, item.memberKey);
  const s = new Story(rng, item, verifier);
  const rec = recordOf(ctx, item.memberKey);
  const fixed = (comment: string) => () => ({ fixed: true, comment });
  const fixedNote = () => rng.pick(FIXED_NOTES);
  const low = item.cell.low;

  if (item.kind === 'late') {
    // Judged on the attendance record: late again after the item began, or not.
    const lates = rec.lateDates.filter((d) => d > item.createdOn);
    const onTime = rec.onTimeDates.filter((d) => d > item.createdOn);
    for (const d of onTime.slice(0, rng.int(1, 2))) s.note(addDays(d, 1), `Đã có mặt đúng giờ ở kỳ sinh hoạt ngày ${shown(d)}.`);
    const firstLate = lates.find((d) => d <= item.deadline);
    if (!firstLate) {
      s.claim(claimInTime(rng, item), `Từ ngày ${shown(item.createdOn)} đến nay luôn có mặt đúng giờ ở các kỳ sinh hoạt; đề nghị chi ủy xác nhận.`, () => ({
        fixed: true,
        comment: 'Đối chiếu sổ theo dõi sinh hoạt: đồng chí có mặt đúng giờ ở tất cả các kỳ. Xác nhận đã khắc phục.',
      }));
      return s.outcome();
    }
    // Claimed near the deadline, returned on the record, and fixed later if no more late arrivals.
    const claimOn = maxDate(addDays(firstLate, 1), claimInTime(rng, item));
    const returned = s.claim(claimOn, rng.pick(CLAIM_NOTES), () => ({ fixed: false, comment: `Chưa đạt: đồng chí còn đi họp muộn ngày ${shown(firstLate)}. Đề nghị tiếp tục khắc phục.` }));
    if (returned) {
      const again = lates.filter((d) => d > returned);
      const reclaim = addDays(returned, rng.int(40, 70));
      if (again.length === 0 && reclaim <= `${YEAR}-12-20`) {
        s.claim(reclaim, `Từ ngày ${shown(returned)} luôn có mặt đúng giờ; đề nghị chi ủy xác nhận.`, fixed('Đối chiếu sổ theo dõi sinh hoạt: các kỳ gần đây đồng chí đều có mặt đúng giờ. Xác nhận đã khắc phục (chậm so với thời hạn).'));
      }
    }
    return s.outcome();
  }

  if (item.kind === 'reluctant') {
    // Judged on the feedback the member actually gave after writing it down.
    const need = item.cell.story ? 2 : 1;
    const given = feedback.filter((f) => f.giverKey === item.memberKey && f.givenOn > item.createdOn).sort((a, b) => a.givenOn.localeCompare(b.givenOn));
    for (const f of given.slice(0, 2)) {
      const receiver = f.receiverKey ? `đồng chí ${joinName(ctx, f.receiverKey)}` : 'chi ủy';
      s.note(f.givenOn, `Ngày ${shown(f.givenOn)} đã góp ý ${receiver} về ${TOPIC_VI[f.topic]}.`);
    }
    const hit = given[need - 1];
    if (hit) {
      const claimOn = hit.givenOn < item.deadline ? minDate(addDays(hit.givenOn, rng.int(1, 10)), item.deadline) : addDays(hit.givenOn, rng.int(1, 10));
      const times = given.filter((f) => f.givenOn <= claimOn).length;
      s.claim(claimOn, `Đã góp ý thẳng thắn ${times > 1 ? `${times} lần` : 'cho đồng chí'} trong sinh hoạt; đề nghị chi ủy xác nhận.`, fixed('Chi ủy ghi nhận đồng chí đã mạnh dạn góp ý, trên tinh thần xây dựng. Xác nhận đã khắc phục.'));
    } else if (given.length > 0) {
      s.claim(addDays(given[0]!.givenOn, rng.int(3, 15)), rng.pick(CLAIM_NOTES), () => ({
        fixed: false,
        comment: 'Mới có một ý kiến góp ý; đề nghị đồng chí tiếp tục mạnh dạn góp ý ở các kỳ sinh hoạt.',
      }));
    } else if (!low && rng.chance(0.5)) {
      s.note(dayBetween(rng, addDays(item.createdOn, 20), minDate(item.deadline, YEAR_END)), 'Đã chuẩn bị ý kiến nhưng chưa phát biểu được trong kỳ sinh hoạt.');
    }
    return s.outcome();
  }

  if (item.kind === 'vague') {
    // Judged on the member's meeting tasks due while the item ran.
    const late = rec.tasks.filter((t) => t.late && t.deadline > item.createdOn && t.deadline <= item.deadline);
    s.notesBetween(item.createdOn, item.deadline, NOTE_BY_KIND.vague!);
    if (late.length === 0) {
      s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), fixed('Các nhiệm vụ được giao trong thời gian qua đều hoàn thành đúng hạn, có báo cáo kết quả. Xác nhận đã khắc phục.'));
    } else if (rng.chance(0.5)) {
      s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({
        fixed: false,
        comment: `Chưa đạt: còn nhiệm vụ hạn ngày ${shown(late[0]!.deadline)} hoàn thành chậm. Đề nghị tiếp tục khắc phục.`,
      }));
    } else {
      s.claim(addDays(item.deadline, rng.int(5, 30)), rng.pick(CLAIM_NOTES), fixed('Xác nhận đã khắc phục, tuy chậm so với thời hạn đề ra.'));
    }
    return s.outcome();
  }

  // Everything else: most fixed in time, some late, some awaiting verification or not done.
  s.notesBetween(item.createdOn, item.deadline, [...(NOTE_BY_KIND[item.kind] ?? []), ...NOTE_GENERIC]);
  const r = rng.float();
  const [inTime, late, waiting, open] = low ? [0.5, 0.62, 0.75, 0.95] : [0.8, 0.88, 0.93, 0.97];
  if (r < inTime) s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: fixedNote() }));
  else if (r < late) s.claim(addDays(item.deadline, rng.int(3, 25)), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: 'Xác nhận đã khắc phục, tuy chậm so với thời hạn đề ra.' }));
  else if (r < waiting) {
    // Reported fixed late in the year; the cell committee has not yet looked.
    s.claim(dayBetween(rng, maxDate(addDays(item.createdOn, 7), `${YEAR}-12-20`), YEAR_END), rng.pick(CLAIM_NOTES), () => ({ fixed: true, comment: fixedNote() }));
  } else if (r >= open) {
    s.claim(claimInTime(rng, item), rng.pick(CLAIM_NOTES), () => ({ fixed: false, comment: 'Chưa đủ căn cứ xác nhận; đề nghị đồng chí bổ sung kết quả cụ thể.' }));
  }
  return s.outcome();
}

/** Turns the pending items into plan items, numbered per plan in the order they arrived. */
export function finishItems(ctx: Context, pending: readonly PendingItem[], feedback: readonly DemoFeedback[]): DemoPlanItem[] {
  const sorted = [...pending].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
  const positions = new Map<string, number>();
  return sorted.map((p) => {
    const planKey = `${p.memberKey}/${p.year}`;
    const position = (positions.get(planKey) ?? 0) + 1;
    positions.set(planKey, position);
    const o = judge(ctx, p, feedback);
    const verifier = verifierOf(p.cell, p.memberKey);
    return {
      key: p.key,
      planKey,
      cellKey: p.cell.unit.key,
      memberKey: p.memberKey,
      year: p.year,
      position,
      shortcoming: p.shortcoming,
      action: p.action,
      deadline: p.deadline,
      successCriteria: p.successCriteria,
      sourceKind: p.sourceKind,
      selfExamKey: p.selfExamKey,
      feedbackKey: p.feedbackKey,
      status: o.status,
      claimedOn: o.claimedOn,
      verifiedOn: o.verifiedOn,
      verifiedByKey: o.status === 'fixed' ? verifier : null,
      verificationComment: o.status === 'fixed' || o.status === 'returned' ? o.verificationComment : null,
      createdByKey: p.memberKey,
      createdAt: p.createdAt,
      updatedAt: o.progress.at(-1)?.at ?? p.createdAt,
      progress: o.progress,
    };
  });
}

/** The secretary's comment at the December review, from the member's record and how their items stood that day. */
export function reviewComment(rng: Rng, ctx: Context, exam: DemoSelfExamination, items: readonly DemoPlanItem[], feedback: readonly DemoFeedback[], story: boolean): string {
  const reviewedOn = exam.reviewedAt!.slice(0, 10);
  const own = items.filter((i) => i.memberKey === exam.memberKey && i.year === exam.year);
  const done = own.filter((i) => i.status === 'fixed' && i.verifiedOn !== null && i.verifiedOn <= reviewedOn).length;
  const parts: string[] = [];
  if (story) {
    parts.push('Tự soi nghiêm túc, thẳng thắn nhận hạn chế.');
    const named = exam.shortcomings.some((s) => s.text.includes('sinh hoạt chi bộ muộn'));
    const lateAfter = recordOf(ctx, exam.memberKey).lateDates.filter((d) => d > exam.submittedAt!.slice(0, 10) && d <= reviewedOn).length;
    if (named && lateAfter === 0) parts.push('Từ kỳ sinh hoạt tháng 4/2022 đồng chí luôn có mặt đúng giờ.');
    else if (named) parts.push(`Việc đi họp muộn có chuyển biến nhưng sau tháng 4/2022 còn ${lateAfter} lần đến muộn.`);
    const spoke = feedback.filter((f) => f.giverKey === exam.memberKey && f.givenOn >= `${YEAR}-04-01` && f.givenOn <= reviewedOn).length;
    if (spoke >= 2) parts.push('Đã mạnh dạn góp ý cho các đồng chí trong các kỳ sinh hoạt từ tháng 4/2022.');
  } else {
    parts.push(rng.pick(['Bản tự soi nghiêm túc, đúng thực chất.', 'Tự soi nghiêm túc, nêu đúng hạn chế của bản thân.', 'Đồng chí tự soi cầu thị, nêu cụ thể hạn chế và nguyên nhân.']));
  }
  if (own.length === 0) parts.push('Chi ủy ghi nhận.');
  else if (done === own.length) parts.push(`Các nội dung trong kế hoạch tự sửa năm ${exam.year} đã được khắc phục; đề nghị đồng chí tiếp tục phát huy.`);
  else if (done === 0) parts.push(`Các nội dung trong kế hoạch tự sửa chưa được khắc phục xong; đề nghị đồng chí tiếp tục thực hiện trong năm ${exam.year + 1}.`);
  else parts.push(`Đã khắc phục ${done}/${own.length} nội dung trong kế hoạch tự sửa; còn ${own.length - done} nội dung cần tiếp tục khắc phục trong năm ${exam.year + 1}.`);
  return parts.join(' ');
}

export function plansOf(items: readonly DemoPlanItem[]): DemoCorrectionPlan[] {
  const plans = new Map<string, DemoCorrectionPlan>();
  for (const i of items) {
    const p = plans.get(i.planKey);
    if (!p) plans.set(i.planKey, { key: i.planKey, cellKey: i.cellKey, memberKey: i.memberKey, year: i.year, createdAt: i.createdAt, updatedAt: i.updatedAt });
    else {
      if (i.createdAt < p.createdAt) p.createdAt = i.createdAt;
      if (i.updatedAt > p.updatedAt) p.updatedAt = i.updatedAt;
    }
  }
  return [...plans.values()];
}
