/**
 * Biên bản sinh hoạt chi bộ as a Word document, in the layout of a party document
 * (Hướng dẫn 36-HD/VPTW on the form of party documents). Pure: data in, bytes out.
 */

import { Paragraph, type Table } from 'docx';
import {
  BLANK,
  blankLine,
  body,
  bodyLines,
  centred,
  documentTitle,
  fillWidths,
  formatDate,
  gridTable,
  heading,
  layoutTable,
  pad2,
  parseIsoDate,
  partyHeader,
  renderPartyDocx,
  signatureColumn,
  SPACE_AFTER,
  TEXT_WIDTH,
  titleRule,
  type Part,
} from '../../core/party-docx.js';
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
// Formatting helpers: times, numbers, names
// ---------------------------------------------------------------------------

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
// Document sections
// ---------------------------------------------------------------------------

function header(doc: MinutesDocument): Table {
  return partyHeader({ parentName: doc.parentUnitName, issuerName: doc.cellName, placeName: doc.placeName, date: doc.date });
}

function title(doc: MinutesDocument): Paragraph[] {
  const d = parseIsoDate(doc.date);
  const period = d ? `THÁNG ${d.month} NĂM ${d.year}` : `THÁNG ${BLANK} NĂM ${BLANK}`;
  const out = [documentTitle('Biên bản')];
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
  out.push(titleRule());
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
    out.push(body(head, {}, true));
    const lines = bodyLines(item.minutes);
    out.push(...(lines.length ? lines : [body('(Chưa ghi biên bản.)', { italics: true })]));
    for (const o of item.outcomes) out.push(outcomeParagraph(o));
  });
  return out;
}

function taskTable(tasks: MinutesTask[]): Table {
  return gridTable(
    fillWidths([700, 0, 2600, 1500]),
    ['STT', 'Nhiệm vụ', 'Người chịu trách nhiệm', 'Thời hạn'],
    tasks.map((t, i) => [
      String(i + 1),
      // The task and, below it, what counts as done.
      { text: t.title, align: 'left', note: t.deliverable ? `Kết quả cần đạt: ${t.deliverable}` : null },
      { text: t.ownerKind === 'unit' ? t.ownerName : `Đồng chí ${t.ownerName}`, align: 'left' },
      formatDate(t.deadline),
    ]),
  );
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
  const column = (role: string, name: string | null): Paragraph[] =>
    signatureColumn([centred(role, { bold: true }), centred('(Ký, ghi rõ họ tên)', { italics: true })], name);
  return layoutTable(column('THƯ KÝ', doc.secretaryName), column('CHỦ TRÌ', doc.chairName), Math.round(TEXT_WIDTH / 2));
}

// ---------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------

/** Renders the minutes as a .docx file (A4, Times New Roman 14pt, party-document layout). */
export async function renderMinutesDocx(doc: MinutesDocument): Promise<Buffer> {
  return renderPartyDocx({
    title: `Biên bản sinh hoạt ${doc.cellName}`,
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
  });
}
