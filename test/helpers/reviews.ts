/**
 * The yearly review in tests: the starting rules' steps dated in their order, points over the
 * starting framework, and a whole self-review as the member types it.
 */

/** The steps of the starting rules, dated in their order. */
export const reviewSteps = (year: number) => [
  { code: 'self_review', dueOn: `${year}-12-10` },
  { code: 'cell_meeting', dueOn: `${year}-12-15` },
  { code: 'cell_proposal', dueOn: `${year}-12-18` },
  { code: 'committee_collective', dueOn: `${year}-12-22` },
  { code: 'committee_individual', dueOn: `${year}-12-25` },
  { code: 'publish', dueOn: `${year}-12-28` },
];

/** Points that add up to `total` over the starting framework (four common criteria of 30, one task criterion of 70). */
export function pointsFor(total: number): Record<string, number> {
  const tasks = Math.min(70, Math.round((total * 70) / 100));
  const common = total - tasks;
  const each = common / 4;
  return { politics: each, discipline: each, innovation: each, self_criticism: each, results: tasks };
}

export const fullText = (level: string, points: Record<string, number>, revision: number, extra: Record<string, unknown> = {}) => ({
  revision,
  reviewForm: '2C',
  strengths: 'Tham gia đầy đủ sinh hoạt chi bộ, hoàn thành nhiệm vụ được giao.',
  shortcomings: 'Có lúc còn chậm báo cáo tiến độ.',
  causes: 'Chưa sắp xếp thời gian hợp lý.',
  previousFixes: 'Đã khắc phục việc đến muộn sinh hoạt.',
  remedies: 'Lập lịch công việc hằng tuần, báo cáo đúng hạn.',
  points,
  selfLevel: level,
  selfLevelReason: null,
  ...extra,
});
