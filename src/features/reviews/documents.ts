/**
 * The documents of the yearly review and rating (QĐ 366): a review in its form's layout (Mẫu 01,
 * 2A, 2B, 2C) and the minutes of a cell's review meeting as Word files in party-document layout,
 * and the organisation's summary of levels as an Excel workbook. Pure: the presented review,
 * meeting or ratings and the issuing body's names in, bytes out.
 *
 * The forms' names, their sections, the criteria and the levels come from the rules version the
 * period keeps; only the fixed frame of the documents is written here, all of it in FRAME.
 */

import type { Paragraph, Table } from 'docx';
import ExcelJS from 'exceljs';
import {
  BLANK,
  blankLine,
  body,
  bodyLines,
  centred,
  documentTitle,
  fileSlug,
  fillWidths,
  formatDate,
  gridTable,
  keepWithNext,
  layoutTable,
  numberedHeadings,
  partyHeader,
  plain,
  renderPartyDocx,
  signatureColumn,
  SIZE_SMALL,
  TEXT_WIDTH,
  titleRule,
  upper,
  type GridCell,
} from '../../core/party-docx.js';
import { localDate } from '../../domain/vietnam-time.js';
import type { MemberStatus } from '../../shared/enums.js';
import type { EvidenceFigure, QuotaView, ReviewDetail } from './schemas.js';

/** The party organisation a document comes from: the cell under its commune's party organisation. */
export interface ReviewDocumentMeta {
  /** "Đảng bộ xã Minh Quang". */
  parentName: string;
  /** "Chi bộ thôn Đồng Thứ". */
  unitName: string;
  /** For the dated line: "Minh Quang". */
  placeName: string;
}

/** A section of a form as the rules word it ("Ưu điểm, kết quả đạt được"), by code. */
export interface FormSection {
  code: string;
  name: string;
}

export interface LevelName {
  code: string;
  name: string;
}

// ---------------------------------------------------------------------------
// The fixed frame: every word the documents say that is not the rules' or the records'
// ---------------------------------------------------------------------------

const FRAME = {
  form: (code: string) => `Mẫu ${code}`,
  period: (year: number, quarter: number | null) => (quarter ? `Quý ${quarter} năm ${year}` : `Năm ${year}`),
  draft: '(Bản nháp — chưa nộp.)',
  details: 'THÔNG TIN',
  name: 'Họ và tên',
  unit: 'Sinh hoạt tại',
  status: 'Đảng viên',
  memberStatus: { official: 'chính thức', probationary: 'dự bị', exempt: 'miễn công tác và sinh hoạt đảng' } satisfies Record<MemberStatus, string>,
  collective: 'Tập thể',
  nothingWritten: '(Chưa viết.)',
  evidence: 'SỐ LIỆU KẾT QUẢ TRONG NĂM (TỪ HỒ SƠ CỦA ỨNG DỤNG)',
  evidenceRange: (from: string, to: string) => `Từ ngày ${formatDate(from)} đến ngày ${formatDate(to)}.`,
  evidenceColumns: ['STT', 'Nội dung', 'Kết quả'],
  noEvidence: 'Chưa có số liệu.',
  points: 'TỰ CHẤM ĐIỂM THEO KHUNG TIÊU CHÍ',
  pointsColumns: ['STT', 'Tiêu chí', 'Điểm tối đa', 'Tự chấm'],
  groupTotal: (name: string) => `Cộng: ${name}`,
  total: 'TỔNG ĐIỂM',
  selfLevel: 'TỰ NHẬN MỨC XẾP LOẠI',
  selfLevelLine: (level: string) => `Tự nhận mức: ${level}.`,
  selfLevelReason: (reason: string) => `Lý do: ${reason}`,
  noSelfLevel: 'Chưa tự nhận mức xếp loại.',
  cell: 'Ý KIẾN CỦA CHI BỘ',
  cellComments: 'Nhận xét của chi bộ',
  vote: (counts: string, denominator: number) => `Kết quả biểu quyết: ${counts} (trên tổng số ${denominator} đảng viên chính thức).`,
  voteLevel: (level: string) => `Mức có trên một nửa số đảng viên chính thức tán thành: ${level}.`,
  proposal: (level: string) => `Chi ủy đề xuất mức: ${level}.`,
  decision: 'KẾT QUẢ XẾP LOẠI CỦA ĐẢNG ỦY',
  decided: (level: string, on: string, version: number) => `Xếp loại: ${level} (quyết định ngày ${formatDate(localDate(on))}${version > 1 ? `, lần ${version}` : ''}).`,
  decidedReason: (reason: string) => `Lý do: ${reason}`,
  blankVote: 'Phiếu trống',
  countOf: (level: string, n: number) => `${level}: ${n}`,
  signer: { member: 'NGƯỜI TỰ KIỂM ĐIỂM', collective: (unit: string) => `T/M ${upper(unit)}`, secretary: 'BÍ THƯ' },
  minutes: {
    title: 'Biên bản',
    subtitle: (periodTitle: string) => `họp chi bộ kiểm điểm, đánh giá, xếp loại — ${periodTitle}`,
    time: (date: string, start: string) => `Thời gian: ${start}, ngày ${formatDate(date)}.`,
    place: (place: string) => `Địa điểm: ${place}.`,
    chair: (name: string | null) => `Chủ trì: đồng chí ${name ?? BLANK}. Thư ký: `,
    secretary: (name: string | null) => `đồng chí ${name ?? BLANK}.`,
    attendance: (present: number, expected: number) => `Có mặt ${present}/${expected} đảng viên được triệu tập.`,
    denominator: (n: number) => `Tổng số đảng viên chính thức của chi bộ (căn cứ tính kết quả biểu quyết): ${n}.`,
    mode: { counts: 'Hình thức biểu quyết: giơ tay; thư ký kiểm và ghi số.', ballot: 'Hình thức biểu quyết: bỏ phiếu kín trên ứng dụng; không ghi nhận ai chọn mức nào.' },
    collective: 'KẾT QUẢ KIỂM ĐIỂM TẬP THỂ CHI BỘ',
    collectiveLine: (vote: string | null, proposed: string | null) => `Mức biểu quyết: ${vote ?? BLANK}. Chi ủy đề xuất: ${proposed ?? BLANK}.`,
    members: 'KẾT QUẢ BIỂU QUYẾT XẾP LOẠI ĐẢNG VIÊN',
    /** The levels by their codes in the narrow columns, the legend under the heading. */
    columns: (levels: LevelName[]) => ['STT', 'Họ và tên', 'Tự nhận', ...levels.map((l) => l.code), 'Phiếu trống', 'Biểu quyết', 'Đề xuất'],
    legend: (levels: LevelName[]) => `Ghi chú: ${levels.map((l) => `${l.code} — ${l.name}`).join('; ')}.`,
    noReviews: 'Không có đảng viên nào được kiểm điểm.',
    notes: 'Ghi chú đề xuất của chi ủy',
    close: 'Hội nghị kết thúc; biên bản được thông qua trước hội nghị.',
    chairSign: 'CHỦ TRÌ',
    secretarySign: 'THƯ KÝ',
  },
  xlsx: {
    listSheet: 'Danh sách đảng viên',
    summarySheet: 'Tổng hợp',
    title: (unit: string, year: number) => `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year} — ${upper(unit)}`,
    listColumns: ['STT', 'Chi bộ', 'Họ và tên', 'Tự nhận', 'Chi bộ biểu quyết', 'Chi ủy đề xuất', 'Đảng ủy quyết định'],
    summaryColumns: (levels: LevelName[], lastYear: number) => ['Chi bộ', 'Xếp loại chi bộ', ...levels.map((l) => l.name), 'Tổng số', `Xếp loại chi bộ năm ${lastYear}`],
    total: 'Toàn đảng bộ',
    lastYear: (year: number) => `Năm ${year} (để so sánh)`,
    quota: 'Tỷ lệ khống chế',
    quotaRule: 'Quy định',
    quotaSource: 'Nguồn',
    quotaUnconfirmed: 'Chưa đối chiếu văn bản chính thức',
    quotaCounts: (excellent: number, good: number, limit: number) => `Hoàn thành xuất sắc: ${excellent}; Hoàn thành tốt: ${good}; tối đa được xếp Hoàn thành xuất sắc: ${limit}`,
    quotaOver: 'Vượt tỷ lệ',
    quotaReason: 'Lý do vượt tỷ lệ',
    noQuota: 'Không có một đợt kiểm điểm năm duy nhất để tính tỷ lệ.',
  },
  /** The year's figures by section and key, as the review lists them. */
  figures: {
    'meetings.expected': 'Số buổi sinh hoạt được triệu tập',
    'meetings.attended': 'Số buổi có mặt',
    'meetings.on_time': 'Số buổi đến đúng giờ',
    'meetings.late': 'Số buổi đến muộn',
    'meetings.excused': 'Số buổi vắng có lý do',
    'meetings.absent': 'Số buổi vắng không lý do',
    'meetings.regular_months': 'Số tháng có sinh hoạt thường kỳ',
    'meetings.thematic': 'Số buổi sinh hoạt chuyên đề',
    'meetings.attendance': 'Lượt đảng viên dự sinh hoạt',
    'tasks.total': 'Số nhiệm vụ được giao',
    'tasks.on_time': 'Hoàn thành đúng hạn',
    'tasks.exceeded': 'Hoàn thành vượt yêu cầu',
    'tasks.late': 'Hoàn thành chậm',
    'tasks.overdue': 'Quá hạn chưa hoàn thành',
    'tasks.not_done': 'Không hoàn thành',
    'tasks.open': 'Đang thực hiện',
    'tasks.hand_downs': 'Nhiệm vụ chuyển xuống đoàn thể',
    'tasks.hand_downs_delayed': 'Chuyển xuống chậm',
    'commitments.total': 'Số chỉ tiêu cam kết',
    'commitments.evaluated': 'Số chỉ tiêu đã đánh giá',
    'commitments.achieved': 'Đạt',
    'commitments.exceeded': 'Vượt',
    'commitments.not_achieved': 'Không đạt',
    'self_examination.submitted': 'Số bản tự soi đã nộp',
    'self_examination.coverage': 'Số đảng viên đã nộp bản tự soi',
    'corrections.due': 'Số việc tự sửa đến hạn',
    'corrections.fixed_on_time': 'Khắc phục đúng hạn',
    'corrections.fixed_late': 'Khắc phục chậm',
    'corrections.unfixed': 'Chưa khắc phục',
    'corrections.overdue': 'Quá hạn chưa khắc phục',
    'corrections.unfixed_shortcomings': 'Hạn chế đã chỉ ra chưa khắc phục',
    'feedback.received': 'Số ý kiến góp ý nhận được',
    'feedback.accepted': 'Đã tiếp thu',
    'feedback.explained': 'Đã giải trình',
    'feedback.open': 'Chưa trả lời',
    'supervision.concluded': 'Số cuộc kiểm tra, giám sát đã kết luận',
    'supervision.recommendations_open': 'Kiến nghị chưa thực hiện xong',
    'discipline.decisions': 'Số quyết định kỷ luật',
  } as Record<string, string>,
  fileWord: { review: 'Kiểm điểm', minutes: 'Biên bản họp kiểm điểm', ratings: 'Xếp loại' },
} as const;

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const levelNameOf = (levels: readonly LevelName[], code: string | null): string | null => (code === null ? null : (levels.find((l) => l.code === code)?.name ?? code));

function header(meta: ReviewDocumentMeta, date: string | null): Table {
  return partyHeader({ parentName: meta.parentName, issuerName: meta.unitName, placeName: meta.placeName, date });
}

/** What the member typed for a section of the form, by the section's code. */
const SECTION_TEXT: Record<string, (d: ReviewDetail) => string> = {
  strengths: (d) => d.strengths,
  shortcomings: (d) => d.shortcomings,
  causes: (d) => d.causes,
  previous_fixes: (d) => d.previousFixes,
  direction: (d) => d.remedies,
  remedies: (d) => d.remedies,
};

const figureLabel = (f: EvidenceFigure): string => FRAME.figures[`${f.section}.${f.key}`] ?? `${f.section}: ${f.key}`;
const figureValue = (f: EvidenceFigure): string => (f.of === null ? String(f.value) : `${f.value}/${f.of}`);

/** "Hoàn thành tốt nhiệm vụ: 5; Hoàn thành nhiệm vụ: 1; Phiếu trống: 0". */
function countsLine(levels: readonly LevelName[], counts: Record<string, number>): string {
  const parts = levels.map((l) => FRAME.countOf(l.name, counts[l.code] ?? 0));
  if (counts[''] !== undefined) parts.push(FRAME.countOf(FRAME.blankVote, counts['']));
  return parts.join('; ');
}

// ---------------------------------------------------------------------------
// A review in its form's layout
// ---------------------------------------------------------------------------

/**
 * Bản kiểm điểm (Mẫu 2A / 2B / 2C) or the cell's Báo cáo kiểm điểm tập thể (Mẫu 01): the header,
 * the form's title, who is reviewed, each section of the form, the year's figures, the points per
 * criterion with the group totals, the level proposed and — once they exist — the cell's
 * comments, its vote and proposal, and the committee's decision.
 */
export async function reviewFormDocx(detail: ReviewDetail, meta: ReviewDocumentMeta, formSections: readonly FormSection[]): Promise<Buffer> {
  const form = detail.forms.find((f) => f.code === detail.reviewForm);
  const formName = form?.name ?? FRAME.form(detail.reviewForm);
  const levels = detail.levels;
  const section = numberedHeadings();
  const collective = detail.subjectKind === 'collective';

  // Headings are numbered as they are made: build the parts in the order the document shows them.
  const labelled = (label: string, text: string) => body([[`${label}: `, { bold: true }], text]);
  const details: Paragraph[] = [
    section(FRAME.details),
    ...(collective
      ? [labelled(FRAME.collective, detail.unitName)]
      : [
          labelled(FRAME.name, detail.memberName ?? BLANK),
          labelled(FRAME.unit, detail.unitName),
          ...(detail.memberStatus ? [labelled(FRAME.status, FRAME.memberStatus[detail.memberStatus])] : []),
        ]),
  ];

  const written: Paragraph[] = [];
  for (const s of formSections) {
    const text = SECTION_TEXT[s.code]?.(detail);
    if (text === undefined) continue;
    const lines = bodyLines(text);
    written.push(section(upper(s.name)), ...(lines.length ? lines : [body(FRAME.nothingWritten, { italics: true })]));
  }

  const figures = detail.evidence.figures;
  const evidence: (Paragraph | Table)[] = [
    section(FRAME.evidence),
    body(FRAME.evidenceRange(detail.evidence.from, detail.evidence.to), { italics: true }),
    ...(figures.length
      ? [gridTable(fillWidths([700, 0, 1800]), [...FRAME.evidenceColumns], figures.map((f, i) => [String(i + 1), { text: figureLabel(f), align: 'left' as const }, figureValue(f)])), blankLine()]
      : [body(FRAME.noEvidence, { italics: true })]),
  ];

  const pointRows: (GridCell | string)[][] = [];
  let n = 0;
  for (const g of detail.framework.groups) {
    let sum = 0;
    for (const c of g.criteria) {
      const p = detail.points[c.code];
      sum += p ?? 0;
      pointRows.push([String(++n), { text: c.name, align: 'left' }, c.max === null ? '' : String(c.max), p === undefined ? BLANK : String(p)]);
    }
    pointRows.push(['', { text: FRAME.groupTotal(g.name), align: 'left' }, String(g.max), String(sum)]);
  }
  pointRows.push(['', { text: FRAME.total, align: 'left' }, String(detail.framework.scoreMax), detail.scoreTotal === null ? BLANK : String(detail.scoreTotal)]);

  const points: (Paragraph | Table)[] = [section(FRAME.points), gridTable(fillWidths([700, 0, 1500, 1300]), [...FRAME.pointsColumns], pointRows), blankLine()];
  const selfLevel = levelNameOf(levels, detail.selfLevel);
  const own: Paragraph[] = [
    section(FRAME.selfLevel),
    ...(selfLevel ? [body(FRAME.selfLevelLine(selfLevel), { bold: true })] : [body(FRAME.noSelfLevel, { italics: true })]),
    ...(detail.selfLevelReason ? [body(FRAME.selfLevelReason(detail.selfLevelReason))] : []),
  ];
  const cellPart: Paragraph[] = [];
  if (detail.cellComments?.trim()) cellPart.push(body([[`${FRAME.cellComments}: `, { bold: true }]]), ...bodyLines(detail.cellComments));
  if (detail.vote) {
    cellPart.push(body(FRAME.vote(countsLine(levels, detail.vote.counts), detail.vote.denominator)));
    if (detail.vote.level) cellPart.push(body(FRAME.voteLevel(levelNameOf(levels, detail.vote.level)!)));
  }
  if (detail.proposedLevel) cellPart.push(body(FRAME.proposal(levelNameOf(levels, detail.proposedLevel)!)), ...(detail.proposalNote ? bodyLines(detail.proposalNote) : []));
  if (cellPart.length) cellPart.unshift(section(FRAME.cell));
  const decision = detail.decisions[0];
  const decided: Paragraph[] = decision
    ? [section(FRAME.decision), body(FRAME.decided(decision.levelName, decision.decidedAt, decision.version), { bold: true }), ...(decision.reason ? [body(FRAME.decidedReason(decision.reason))] : [])]
    : [];

  const signer = collective
    ? signatureColumn([centred(FRAME.signer.collective(detail.unitName), { bold: true }), centred(FRAME.signer.secretary, { bold: true })], null)
    : signatureColumn([centred(FRAME.signer.member, { bold: true })], detail.memberName);

  return renderPartyDocx({
    title: `${formName} ${detail.memberName ?? detail.unitName} ${detail.period.year}`,
    children: [
      header(meta, detail.submittedAt ? localDate(detail.submittedAt) : null),
      plain([[FRAME.form(detail.reviewForm), { italics: true }]], { size: SIZE_SMALL }),
      documentTitle(formName),
      centred(detail.period.title, { bold: true }),
      ...(detail.status === 'draft' ? [centred(FRAME.draft, { italics: true })] : []),
      titleRule(),
      ...details,
      ...written,
      ...evidence,
      ...points,
      ...own,
      ...cellPart,
      ...decided,
      keepWithNext(),
      layoutTable([blankLine()], signer, Math.round(TEXT_WIDTH * 0.45)),
    ],
  });
}

// ---------------------------------------------------------------------------
// The minutes of the cell's review meeting
// ---------------------------------------------------------------------------

/** One review as the minutes list it. */
export interface MinutesReview {
  subjectKind: 'member' | 'collective';
  memberName: string | null;
  selfLevel: string | null;
  counts: Record<string, number> | null;
  voteLevel: string | null;
  proposedLevel: string | null;
  proposalNote: string | null;
}

export interface ReviewMinutes {
  periodTitle: string;
  meeting: { date: string; startTime: string; place: string; chairName: string | null; secretaryName: string | null; present: number; expected: number };
  voteMode: 'counts' | 'ballot';
  denominator: number;
  levels: LevelName[];
  /** The collective first (if any), then the members in name order. */
  reviews: MinutesReview[];
}

/**
 * Biên bản họp chi bộ kiểm điểm: when and where, who chaired, the denominator of the vote and how
 * it was taken, the cell's own result, then per member the counts for each level, blank ballots,
 * the level the vote gives and the committee's proposal; signed by the chair and the secretary.
 */
export async function reviewMinutesDocx(m: ReviewMinutes, meta: ReviewDocumentMeta): Promise<Buffer> {
  const M = FRAME.minutes;
  const section = numberedHeadings();
  const name = (code: string | null) => levelNameOf(m.levels, code);
  const collective = m.reviews.find((r) => r.subjectKind === 'collective');
  const members = m.reviews.filter((r) => r.subjectKind === 'member');
  const columns = M.columns(m.levels);
  // Portrait: the name takes what the level columns leave (a level's name wraps in its narrow column).
  const widths = fillWidths([600, 0, 1050, ...m.levels.map(() => 950), 900, 1050, 1050]);
  const rows = members.map((r, i) => [
    String(i + 1),
    { text: r.memberName ?? BLANK, align: 'left' as const },
    r.selfLevel ?? '',
    ...m.levels.map((l) => (r.counts ? String(r.counts[l.code] ?? 0) : '')),
    r.counts ? String(r.counts[''] ?? 0) : '',
    r.voteLevel ?? '',
    r.proposedLevel ?? '',
  ]);
  const notes = members.filter((r) => r.proposalNote?.trim());

  return renderPartyDocx({
    title: `${M.title} ${M.subtitle(m.periodTitle)}`,
    landscape: false,
    children: [
      header(meta, m.meeting.date),
      documentTitle(M.title),
      centred(M.subtitle(m.periodTitle), { bold: true }),
      titleRule(),
      body(M.time(m.meeting.date, m.meeting.startTime)),
      body(M.place(m.meeting.place)),
      body(M.chair(m.meeting.chairName) + M.secretary(m.meeting.secretaryName)),
      body(M.attendance(m.meeting.present, m.meeting.expected)),
      body(M.denominator(m.denominator)),
      body(M.mode[m.voteMode]),
      ...(collective
        ? [section(M.collective), ...(collective.counts ? [body(FRAME.vote(countsLine(m.levels, collective.counts), m.denominator))] : []), body(M.collectiveLine(name(collective.voteLevel), name(collective.proposedLevel)))]
        : []),
      section(M.members),
      ...(members.length ? [body(M.legend(m.levels), { italics: true }), gridTable(widths, columns, rows), blankLine()] : [body(M.noReviews, { italics: true })]),
      ...(notes.length ? [body([[`${M.notes}:`, { bold: true }]]), ...notes.map((r) => body(`${r.memberName}: ${r.proposalNote!.trim()}`))] : []),
      body(M.close),
      keepWithNext(),
      layoutTable(
        signatureColumn([centred(M.secretarySign, { bold: true })], m.meeting.secretaryName),
        signatureColumn([centred(M.chairSign, { bold: true })], m.meeting.chairName),
        Math.round(TEXT_WIDTH / 2),
      ),
    ],
  });
}

// ---------------------------------------------------------------------------
// The organisation's summary in Excel
// ---------------------------------------------------------------------------

/** One member's review as the summary lists it. */
export interface RatingsListRow {
  cellName: string;
  memberName: string;
  selfLevel: string | null;
  voteLevel: string | null;
  proposedLevel: string | null;
  decidedLevel: string | null;
}

export interface RatingsWorkbook {
  unitName: string;
  year: number;
  levels: LevelName[];
  /** Members by cell, in name order within each. */
  list: RatingsListRow[];
  /** Counts of the levels decided, per cell and in total, with the cell's own level. */
  cells: { unitId: string; unitName: string; collectiveLevel: string | null; counts: Record<string, number> }[];
  counts: Record<string, number>;
  quota: QuotaView | null;
  lastYear: { year: number; counts: Record<string, number>; cells: { unitId: string; collectiveLevel: string | null }[] };
}

/**
 * Kết quả xếp loại: a sheet listing every member (cell, name, self level, vote, proposal,
 * decision) and a summary sheet — per cell the cell's own level and the counts per level, the
 * organisation's total, last year's beside it, and the quota with the reasons for going over.
 */
export async function ratingsXlsx(w: RatingsWorkbook): Promise<Buffer> {
  const X = FRAME.xlsx;
  const name = (code: string | null) => levelNameOf(w.levels, code) ?? '';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tự Soi';
  const boldRow = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  };
  const titled = (sheet: ExcelJS.Worksheet, width: number) => {
    sheet.mergeCells(1, 1, 1, width);
    const cell = sheet.getCell(1, 1);
    cell.value = X.title(w.unitName, w.year);
    cell.font = { bold: true, size: 13 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getRow(1).height = 36;
  };

  const list = workbook.addWorksheet(X.listSheet, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  [6, 28, 28, 24, 24, 24, 24].forEach((width, i) => (list.getColumn(i + 1).width = width));
  titled(list, X.listColumns.length);
  boldRow(list.addRow([...X.listColumns]));
  w.list.forEach((r, i) => list.addRow([i + 1, r.cellName, r.memberName, name(r.selfLevel), name(r.voteLevel), name(r.proposedLevel), name(r.decidedLevel)]));

  const columns = X.summaryColumns(w.levels, w.lastYear.year);
  const summary = workbook.addWorksheet(X.summarySheet, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  summary.getColumn(1).width = 30;
  for (let i = 2; i <= columns.length; i++) summary.getColumn(i).width = 18;
  titled(summary, columns.length);
  boldRow(summary.addRow(columns));
  const total = (counts: Record<string, number>) => w.levels.reduce((s, l) => s + (counts[l.code] ?? 0), 0);
  const last = new Map(w.lastYear.cells.map((c) => [c.unitId, c.collectiveLevel]));
  for (const c of w.cells) summary.addRow([c.unitName, name(c.collectiveLevel), ...w.levels.map((l) => c.counts[l.code] ?? 0), total(c.counts), name(last.get(c.unitId) ?? null)]);
  boldRow(summary.addRow([X.total, '', ...w.levels.map((l) => w.counts[l.code] ?? 0), total(w.counts), '']));
  summary.addRow([X.lastYear(w.lastYear.year), '', ...w.levels.map((l) => w.lastYear.counts[l.code] ?? 0), total(w.lastYear.counts), '']);
  summary.addRow([]);
  summary.addRow([X.quota]).font = { bold: true };
  const q = w.quota;
  if (!q) summary.addRow([X.noQuota]);
  else {
    summary.addRow([X.quotaRule, `${q.rule}${q.confirmed ? '' : ` (${X.quotaUnconfirmed})`}`]);
    if (q.source) summary.addRow([X.quotaSource, q.source]);
    summary.addRow([`${q.percentOfGood}%`, X.quotaCounts(q.excellent, q.good, q.limit)]);
    summary.addRow([X.quotaOver, q.over]);
    for (const r of q.overReasons) summary.addRow([X.quotaReason, `${r.reason} (${formatDate(localDate(r.decidedAt))}${r.decidedByName ? `, ${r.decidedByName}` : ''})`]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

/** "kiem-diem-2c-nguyen-van-an-2022.docx", "bien-ban-hop-kiem-diem-chi-bo-thon-dong-thu-2022.docx", "xep-loai-dang-bo-xa-minh-quang-2022.xlsx". */
export function reviewFileName(kind: 'review', of: { form: string; who: string; year: number }): string;
export function reviewFileName(kind: 'minutes' | 'ratings', of: { who: string; year: number }): string;
export function reviewFileName(kind: keyof typeof FRAME.fileWord, of: { form?: string; who: string; year: number }): string {
  const parts = [FRAME.fileWord[kind], ...(of.form ? [of.form] : []), of.who, String(of.year)];
  return `${parts.map(fileSlug).join('-')}.${kind === 'ratings' ? 'xlsx' : 'docx'}`;
}
