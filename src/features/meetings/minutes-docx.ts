/**
 * Biên bản sinh hoạt chi bộ as a Word document, in the layout of a party document
 * (Hướng dẫn 36-HD/VPTW on the form of party documents). Pure: data in, bytes out.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  type IBorderOptions,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { TaskStatus } from '../../shared/enums.js';

/** A task as the minutes show it; its owner is a member ("đồng chí …") or a unit it was handed to. */
export interface MinutesTask {
  title: string;
  /** What counts as done (older tasks may have none). */
  deliverable?: string | null;
  ownerKind?: 'member' | 'unit';
  ownerName: string;
  /** yyyy-mm-dd */
  deadline: string;
}

/** Everything the minutes show, already resolved to names and local dates/times. */
export interface MinutesDocument {
  /** "Đảng bộ xã Minh Quang": printed upper-case in the header. */
  parentUnitName: string;
  /** "Chi bộ thôn Đồng Thứ". */
  cellName: string;
  /** Place name for the date line: "Minh Quang, ngày 15 tháng 4 năm 2022". */
  placeName: string;
  kind: 'regular' | 'thematic';
  /** The topic of a thematic meeting. */
  topic: string | null;
  /** yyyy-mm-dd */
  date: string;
  /** HH:MM, local time */
  startTime: string;
  /** Venue: "Nhà văn hóa thôn Đồng Thứ". */
  place: string;
  chairName: string | null;
  secretaryName: string | null;
  attendance: {
    /** Members of the cell on the list (exempt ones included). */
    total: number;
    /** Expected to attend: total minus exempt. */
    expected: number;
    present: number;
    onTime: number;
    late: { name: string; minutes: number }[];
    excused: { name: string; reason: string | null; reported: 'before' | 'after' | null }[];
    absent: { name: string }[];
    exempt: { name: string }[];
    guests: { name: string; present: boolean }[];
  };
  /** Open tasks carried over from earlier meetings, reviewed at this one, with their status now. */
  reviewedTasks: (MinutesTask & { status: TaskStatus })[];
  agenda: {
    title: string;
    presenterName: string | null;
    minutes: string;
    outcomes: {
      kind: 'information' | 'decision' | 'task';
      text: string;
      votes: { for: number; against: number; abstain: number } | null;
      task: MinutesTask | null;
    }[];
  }[];
  /** Meeting quality on the rubric, when scored. */
  score: { total: number; max: number; level: string | null; rubricName: string } | null;
  status: 'planned' | 'held' | 'approved';
  /** Version of approved minutes (1 = first approval; higher = corrected). */
  version: number;
}

// ---------------------------------------------------------------------------
// Page geometry and typography
// ---------------------------------------------------------------------------

const FONT = 'Times New Roman';
/** Font sizes in half-points. */
const SIZE_BODY = 28; // 14pt
const SIZE_HEADER = 28; // 14pt (header lines 13–14pt)
const SIZE_TITLE = 32; // 16pt
const SIZE_TABLE = 26; // 13pt inside the task table

/** Millimetres → twips (1/1440 inch), rounded. */
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

const A4_WIDTH = 11906; // twips
const A4_HEIGHT = 16838;
const MARGIN_TOP = mm(20);
const MARGIN_BOTTOM = mm(20);
const MARGIN_LEFT = mm(30);
const MARGIN_RIGHT = mm(15);
/** Width of the text block, used for table column widths. */
const TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
const FIRST_LINE_INDENT = mm(10);
const SPACE_AFTER = 120; // 6pt, in twentieths of a point

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const THIN_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NO_TABLE_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };
const THIN_TABLE_BORDERS = {
  top: THIN_BORDER,
  bottom: THIN_BORDER,
  left: THIN_BORDER,
  right: THIN_BORDER,
  insideHorizontal: THIN_BORDER,
  insideVertical: THIN_BORDER,
};
const THIN_CELL_BORDERS = { top: THIN_BORDER, bottom: THIN_BORDER, left: THIN_BORDER, right: THIN_BORDER };

/** Placeholder for a name or time not recorded. */
const BLANK = '………';

// ---------------------------------------------------------------------------
// Formatting helpers: dates, times, numbers, names
// ---------------------------------------------------------------------------

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses yyyy-mm-dd (anything after the day, e.g. a time, is ignored). */
function parseIsoDate(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** yyyy-mm-dd → dd/mm/yyyy (unparseable input is returned as is). */
function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : iso;
}

/**
 * The dated line of a party document: "Minh Quang, ngày 05 tháng 02 năm 2022".
 * Days below 10 and months below 3 get a leading zero (so "tháng 4", "tháng 12").
 */
function formatDateLine(placeName: string, iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return `${placeName}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const day = d.day < 10 ? pad2(d.day) : String(d.day);
  const month = d.month < 3 ? pad2(d.month) : String(d.month);
  return `${placeName}, ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "HH:MM" → "19 giờ 30 phút". */
function formatTime(hhmm: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm.trim());
  if (!m) return `${BLANK} giờ ${BLANK} phút`;
  return `${pad2(Number(m[1]))} giờ ${m[2]} phút`;
}

/** 87 → "87", 87.5 → "87,5" (Vietnamese decimal comma, at most two decimals). */
function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

const comrade = (name: string | null): string => `đồng chí ${name && name.trim() ? name.trim() : BLANK}`;

/** A task's owner in a sentence: a member is "đồng chí …", a unit goes by its name. */
const ownerOf = (t: MinutesTask): string => (t.ownerKind === 'unit' ? t.ownerName : comrade(t.ownerName));

/** A task's status as the minutes say it. */
const taskStatusWords: Record<TaskStatus, string> = {
  open: 'đang thực hiện',
  on_time: 'hoàn thành đúng hạn',
  late: 'hoàn thành chậm',
  exceeded: 'vượt yêu cầu',
  not_done: 'không hoàn thành',
};

/** Joins list items and ends the sentence with a full stop. */
const listSentence = (items: string[]): string => `${items.join(', ')}.`;

// ---------------------------------------------------------------------------
// Paragraph helpers
// ---------------------------------------------------------------------------

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

type Part = string | [string, RunStyle];

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
    size: style.size,
  });
}

function runs(parts: Part[], base: RunStyle): TextRun[] {
  return parts.map((p) => (typeof p === 'string' ? run(p, base) : run(p[0], { ...base, ...p[1] })));
}

/** A justified body paragraph with a first-line indent. */
function body(parts: Part[] | string, base: RunStyle = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: SPACE_AFTER },
    children: runs(typeof parts === 'string' ? [parts] : parts, base),
  });
}

/** A centred line (header, title, signature block). */
function centred(parts: Part[] | string, base: RunStyle = {}, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: runs(typeof parts === 'string' ? [parts] : parts, base),
  });
}

/** A section heading: "I. THÀNH PHẦN". */
function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: SPACE_AFTER, after: SPACE_AFTER },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

const blankLine = (): Paragraph => new Paragraph({ children: [] });

/** A cell of a borderless layout table. */
function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_CELL_BORDERS,
    children,
  });
}

function layoutTable(left: Paragraph[], right: Paragraph[], leftWidth: number): Table {
  const rightWidth = TEXT_WIDTH - leftWidth;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ children: [layoutCell(left, leftWidth), layoutCell(right, rightWidth)] })],
  });
}

// ---------------------------------------------------------------------------
// Document sections
// ---------------------------------------------------------------------------

function header(doc: MinutesDocument): Table {
  const s = { size: SIZE_HEADER };
  const left = [
    centred(doc.parentUnitName.toLocaleUpperCase('vi'), s),
    centred(doc.cellName.toLocaleUpperCase('vi'), { ...s, bold: true }),
    centred('*', s),
  ];
  const right = [
    centred('ĐẢNG CỘNG SẢN VIỆT NAM', { ...s, bold: true, underline: true }, 120),
    centred(formatDateLine(doc.placeName, doc.date), { ...s, italics: true }),
  ];
  return layoutTable(left, right, Math.round(TEXT_WIDTH * 0.45));
}

function title(doc: MinutesDocument): Paragraph[] {
  const d = parseIsoDate(doc.date);
  const period = d ? `THÁNG ${d.month} NĂM ${d.year}` : `THÁNG ${BLANK} NĂM ${BLANK}`;
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360 },
      children: [run('BIÊN BẢN', { bold: true, size: SIZE_TITLE })],
    }),
  ];
  if (doc.kind === 'thematic') {
    out.push(centred(`SINH HOẠT CHUYÊN ĐỀ CHI BỘ ${period}`, { bold: true }));
    const topic = doc.topic?.trim();
    if (topic) out.push(centred(`“${topic}”`, { bold: true }));
  } else {
    out.push(centred(`SINH HOẠT CHI BỘ ${period}`, { bold: true }));
  }
  if (doc.status !== 'approved') {
    out.push(centred('(Dự thảo — biên bản chưa được thông qua.)', { italics: true }));
  }
  if (doc.version > 1) {
    out.push(centred(`(Bản điều chỉnh lần ${doc.version - 1})`, { italics: true }));
  }
  out.push(centred('-----', {}, 240));
  return out;
}

function opening(doc: MinutesDocument): Paragraph[] {
  return [
    body(`Thời gian: bắt đầu lúc ${formatTime(doc.startTime)}, ngày ${formatDate(doc.date)}.`),
    body(`Địa điểm: ${doc.place}.`),
    body(`Chủ trì: ${comrade(doc.chairName)}.`),
    body(`Thư ký: ${comrade(doc.secretaryName)}.`),
  ];
}

function excusedNote(e: MinutesDocument['attendance']['excused'][number]): string {
  const notes: string[] = [];
  if (e.reason && e.reason.trim()) notes.push(e.reason.trim());
  if (e.reported === 'before') notes.push('báo trước');
  if (e.reported === 'after') notes.push('báo sau');
  return notes.length ? `${comrade(e.name)} (${notes.join(', ')})` : comrade(e.name);
}

function attendance(doc: MinutesDocument): Paragraph[] {
  const a = doc.attendance;
  const out = [
    heading('I. THÀNH PHẦN'),
    body(
      `Tổng số đảng viên của chi bộ: ${a.total} đồng chí; miễn sinh hoạt: ${a.exempt.length}; phải dự: ${a.expected}.`,
    ),
    body(`Có mặt: ${a.present} đồng chí (${a.onTime} đúng giờ, ${a.late.length} đến muộn).`),
    body(
      a.late.length
        ? `Đến muộn: ${listSentence(a.late.map((l) => `${comrade(l.name)} (${l.minutes} phút)`))}`
        : 'Đến muộn: không.',
    ),
    body(
      a.excused.length
        ? `Vắng có lý do: ${a.excused.length} đồng chí, gồm: ${listSentence(a.excused.map(excusedNote))}`
        : 'Vắng có lý do: không.',
    ),
    body(
      a.absent.length
        ? `Vắng không lý do: ${a.absent.length} đồng chí, gồm: ${listSentence(a.absent.map((x) => comrade(x.name)))}`
        : 'Vắng không lý do: không.',
    ),
  ];
  if (a.exempt.length) {
    out.push(body(`Miễn sinh hoạt: ${listSentence(a.exempt.map((x) => comrade(x.name)))}`));
  }
  if (a.guests.length) {
    out.push(
      body(
        `Khách mời: ${listSentence(a.guests.map((g) => `${comrade(g.name)} (${g.present ? 'có mặt' : 'vắng mặt'})`))}`,
      ),
    );
  }
  return out;
}

type Outcome = MinutesDocument['agenda'][number]['outcomes'][number];

function outcomeParagraph(o: Outcome): Paragraph {
  switch (o.kind) {
    case 'information':
      return body(`Thông tin: ${o.text}`);
    case 'decision': {
      const parts: Part[] = [['Kết luận: ', { bold: true }], o.text];
      if (o.votes) {
        parts.push(
          ` Biểu quyết: ${o.votes.for} tán thành, ${o.votes.against} không tán thành, ${o.votes.abstain} không biểu quyết.`,
        );
      }
      return body(parts);
    }
    case 'task': {
      const t = o.task;
      if (!t) return body(`Nhiệm vụ: ${o.text}`);
      const deliverable = t.deliverable ? ` — kết quả cần đạt: ${t.deliverable};` : ' —';
      const who = t.ownerKind === 'unit' ? 'đơn vị chịu trách nhiệm' : 'người chịu trách nhiệm';
      return body(`Nhiệm vụ: ${t.title}${deliverable} ${who}: ${ownerOf(t)}; thời hạn: ${formatDate(t.deadline)}.`);
    }
  }
}

function content(doc: MinutesDocument): Paragraph[] {
  const out = [heading('II. NỘI DUNG')];
  if (doc.reviewedTasks.length) {
    out.push(body([['Kiểm điểm nhiệm vụ từ kỳ họp trước', { bold: true, italics: true }]]));
    for (const t of doc.reviewedTasks) {
      const deliverable = t.deliverable ? ` (kết quả cần đạt: ${t.deliverable})` : '';
      out.push(body(`- ${t.title}${deliverable} — ${ownerOf(t)}, hạn ${formatDate(t.deadline)}: ${taskStatusWords[t.status]}.`));
    }
  }
  doc.agenda.forEach((item, i) => {
    const head: Part[] = [[`${i + 1}. ${item.title}`, { bold: true }]];
    if (item.presenterName && item.presenterName.trim()) {
      head.push(` (trình bày: ${comrade(item.presenterName)})`);
    }
    out.push(
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: FIRST_LINE_INDENT },
        spacing: { after: SPACE_AFTER },
        keepNext: true,
        children: runs(head, {}),
      }),
    );
    const lines = item.minutes
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    if (lines.length) {
      for (const line of lines) out.push(body(line));
    } else {
      out.push(body('(Chưa ghi biên bản.)', { italics: true }));
    }
    for (const o of item.outcomes) out.push(outcomeParagraph(o));
  });
  return out;
}

function taskTable(tasks: MinutesTask[]): Table {
  const widths = [700, 0, 2600, 1500];
  widths[1] = TEXT_WIDTH - widths[0]! - widths[2]! - widths[3]!;
  /** A cell of one paragraph, or more (a task and, below it, what counts as done). */
  const cell = (text: string, col: number, opts: { bold?: boolean; align?: 'center' | 'left'; note?: string | null } = {}): TableCell =>
    new TableCell({
      width: { size: widths[col]!, type: WidthType.DXA },
      borders: THIN_CELL_BORDERS,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { bold: opts.bold, size: SIZE_TABLE })],
        }),
        ...(opts.note
          ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(opts.note, { italics: true, size: SIZE_TABLE })] })]
          : []),
      ],
    });
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['STT', 'Nhiệm vụ', 'Người chịu trách nhiệm', 'Thời hạn'].map((h, i) => cell(h, i, { bold: true })),
  });
  const rows = tasks.map(
    (t, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(String(i + 1), 0),
          cell(t.title, 1, { align: 'left', note: t.deliverable ? `Kết quả cần đạt: ${t.deliverable}` : null }),
          cell(t.ownerKind === 'unit' ? t.ownerName : `Đồng chí ${t.ownerName}`, 2, { align: 'left' }),
          cell(formatDate(t.deadline), 3),
        ],
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: THIN_TABLE_BORDERS,
    rows: [headerRow, ...rows],
  });
}

function tasks(doc: MinutesDocument): (Paragraph | Table)[] {
  const all: MinutesTask[] = doc.agenda.flatMap((item) =>
    item.outcomes.flatMap((o) => (o.kind === 'task' && o.task ? [o.task] : [])),
  );
  const out: (Paragraph | Table)[] = [heading('III. NHIỆM VỤ GIAO')];
  if (all.length) {
    out.push(taskTable(all), new Paragraph({ spacing: { after: SPACE_AFTER }, children: [] }));
  } else {
    out.push(body('Không có nhiệm vụ mới.'));
  }
  return out;
}

function score(doc: MinutesDocument): Paragraph[] {
  if (!doc.score) return [];
  const s = doc.score;
  return [
    heading('IV. ĐÁNH GIÁ CHẤT LƯỢNG SINH HOẠT'),
    body(
      `Tổng điểm: ${formatNumber(s.total)}/${formatNumber(s.max)} (${s.rubricName}); xếp loại: ${s.level ?? 'chưa xếp loại'}.`,
    ),
  ];
}

function closing(): Paragraph[] {
  return [
    body(
      `Buổi sinh hoạt kết thúc lúc ${BLANK} giờ ${BLANK} cùng ngày. Biên bản đã được đọc lại cho các đồng chí dự họp nghe và nhất trí.`,
    ),
  ];
}

function signatures(doc: MinutesDocument): Table {
  const column = (role: string, name: string | null): Paragraph[] => [
    centred(role, { bold: true }),
    centred('(Ký, ghi rõ họ tên)', { italics: true }),
    blankLine(),
    blankLine(),
    blankLine(),
    blankLine(),
    name && name.trim() ? centred(name.trim(), { bold: true }) : blankLine(),
  ];
  return layoutTable(column('THƯ KÝ', doc.secretaryName), column('CHỦ TRÌ', doc.chairName), Math.round(TEXT_WIDTH / 2));
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/** Renders the minutes as a .docx file (A4, Times New Roman 14pt, party-document layout). */
export async function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const file = new Document({
    creator: 'Tự Soi',
    title: `Biên bản sinh hoạt ${doc.cellName}`.normalize('NFC'),
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: FONT, hAnsi: FONT, cs: FONT, eastAsia: FONT },
            size: SIZE_BODY,
            sizeComplexScript: SIZE_BODY,
            language: { value: 'vi-VN', eastAsia: 'vi-VN' },
          },
          paragraph: { spacing: { after: 0, line: 264 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_WIDTH, height: A4_HEIGHT },
            margin: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_LEFT, right: MARGIN_RIGHT },
          },
        },
        children: [
          header(doc),
          ...title(doc),
          ...opening(doc),
          ...attendance(doc),
          ...content(doc),
          ...tasks(doc),
          ...score(doc),
          ...closing(),
          blankLine(),
          signatures(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
