/**
 * The frame of a party document as a Word file (Hướng dẫn 36-HD/VPTW on the form of party
 * documents): A4, Times New Roman 14pt, the header block ("ĐẢNG CỘNG SẢN VIỆT NAM", the issuing
 * body under its parent, the place and date line), body paragraphs, bordered tables and the
 * signature block. Pure: paragraphs in, bytes out. The minutes and the inspection documents
 * both build on it.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  type IBorderOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { foldVietnamese } from '../domain/vietnamese.js';

// ---------------------------------------------------------------------------
// Page geometry and typography
// ---------------------------------------------------------------------------

const FONT = 'Times New Roman';
/** Font sizes in half-points. */
const SIZE_BODY = 28; // 14pt
const SIZE_HEADER = 28; // 14pt (header lines 13–14pt)
export const SIZE_TITLE = 32; // 16pt
export const SIZE_TABLE = 26; // 13pt inside tables
export const SIZE_SMALL = 24; // 12pt: the recipients under "Nơi nhận"

/** Millimetres → twips (1/1440 inch), rounded. */
const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

const A4_WIDTH = 11906; // twips
const A4_HEIGHT = 16838;
const MARGIN_TOP = mm(20);
const MARGIN_BOTTOM = mm(20);
const MARGIN_LEFT = mm(30);
const MARGIN_RIGHT = mm(15);
const FIRST_LINE_INDENT = mm(10);
export const SPACE_AFTER = 120; // 6pt, in twentieths of a point

/** Width of the text block (twips) on a portrait and on a landscape page, for table column widths. */
export const TEXT_WIDTH = A4_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
export const LANDSCAPE_TEXT_WIDTH = A4_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT;

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const THIN_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const sides = (b: IBorderOptions) => ({ top: b, bottom: b, left: b, right: b });
const NO_TABLE_BORDERS = { ...sides(NO_BORDER), insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
const THIN_TABLE_BORDERS = { ...sides(THIN_BORDER), insideHorizontal: THIN_BORDER, insideVertical: THIN_BORDER };

/** Placeholder for a name, number or time not recorded. */
export const BLANK = '………';

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Parses yyyy-mm-dd (anything after the day, e.g. a time, is ignored). */
export function parseIsoDate(iso: string): DateParts | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso.trim());
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** yyyy-mm-dd → dd/mm/yyyy (unparseable input is returned as is). */
export function formatDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad2(d.day)}/${pad2(d.month)}/${d.year}` : iso;
}

/**
 * The dated line of a party document: "Minh Quang, ngày 05 tháng 02 năm 2022".
 * Days below 10 and months below 3 get a leading zero (so "tháng 4", "tháng 12"); without a
 * date the line is left to be filled in by hand.
 */
export function formatDateLine(placeName: string, iso: string | null): string {
  const d = iso ? parseIsoDate(iso) : null;
  if (!d) return `${placeName}, ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const day = d.day < 10 ? pad2(d.day) : String(d.day);
  const month = d.month < 3 ? pad2(d.month) : String(d.month);
  return `${placeName}, ngày ${day} tháng ${month} năm ${d.year}`;
}

/** Upper case the Vietnamese way (the header's names and the titles). */
export const upper = (s: string): string => s.toLocaleUpperCase('vi');

// ---------------------------------------------------------------------------
// Paragraphs
// ---------------------------------------------------------------------------

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** A piece of a paragraph: plain text, or text with its own style. */
export type Part = string | [string, RunStyle];

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text: text.normalize('NFC'),
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
    size: style.size,
  });
}

export function runs(parts: Part[], base: RunStyle): TextRun[] {
  return parts.map((p) => (typeof p === 'string' ? run(p, base) : run(p[0], { ...base, ...p[1] })));
}

/** A justified body paragraph with a first-line indent; `keepNext` holds it on the page of the next. */
export function body(parts: Part[] | string, base: RunStyle = {}, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { after: SPACE_AFTER },
    keepNext: keepNext || undefined,
    children: runs(typeof parts === 'string' ? [parts] : parts, base),
  });
}

/** Body paragraphs from text typed in the app: one a line, blank lines dropped. */
export function bodyLines(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => body(l));
}

/** A centred line (header, title, signature block). */
export function centred(parts: Part[] | string, base: RunStyle = {}, spacingAfter = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: runs(typeof parts === 'string' ? [parts] : parts, base),
  });
}

/** A left-aligned line without indent (the recipients under "Nơi nhận"). */
export function plain(parts: Part[] | string, base: RunStyle = {}): Paragraph {
  return new Paragraph({ children: runs(typeof parts === 'string' ? [parts] : parts, base) });
}

/** A section heading: "I. THÀNH PHẦN". */
export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: SPACE_AFTER, after: SPACE_AFTER },
    keepNext: true,
    children: [run(text, { bold: true })],
  });
}

/** Section headings numbered I, II, III… in the order they are made (build a document's parts in its order). */
export function numberedHeadings(): (title: string) => Paragraph {
  let n = 0;
  return (title) => heading(`${roman(++n)}. ${title}`);
}

export const blankLine = (): Paragraph => new Paragraph({ children: [] });

/** An empty line that stays on the page of what follows it (before a signature block). */
export const keepWithNext = (): Paragraph => new Paragraph({ keepNext: true, children: [] });

/** The document's name in large bold capitals, with room above it. */
export function documentTitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 360 },
    children: [run(upper(text), { bold: true, size: SIZE_TITLE })],
  });
}

/** The short rule under a title. */
export const titleRule = (): Paragraph => centred('-----', {}, 240);

/** Roman numerals for section headings (I … XX is plenty for a document). */
export function roman(n: number): string {
  const numerals: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, letters] of numerals) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: sides(NO_BORDER), children });
}

/** Two borderless columns side by side (the header block, the signature block), kept on one page. */
export function layoutTable(left: Paragraph[], right: Paragraph[], leftWidth: number, textWidth = TEXT_WIDTH): Table {
  const rightWidth = textWidth - leftWidth;
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: NO_TABLE_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [layoutCell(left, leftWidth), layoutCell(right, rightWidth)] })],
  });
}

/** A cell of a bordered table: its text, how it is aligned, and an italic note under it. */
export interface GridCell {
  text: string;
  align?: 'center' | 'left';
  note?: string | null;
}

/**
 * A bordered table with a bold header row repeated on each page; rows never split across pages.
 * `widths` are in twips and should add up to the text width.
 */
export function gridTable(widths: number[], header: string[], rows: (GridCell | string)[][]): Table {
  const cell = (c: GridCell | string, col: number, bold = false): TableCell => {
    const { text, align, note } = typeof c === 'string' ? { text: c, align: 'center' as const, note: null } : c;
    return new TableCell({
      width: { size: widths[col]!, type: WidthType.DXA },
      borders: sides(THIN_BORDER),
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { bold: bold || undefined, size: SIZE_TABLE })],
        }),
        ...(note ? [new Paragraph({ alignment: AlignmentType.LEFT, children: [run(note, { italics: true, size: SIZE_TABLE })] })] : []),
      ],
    });
  };
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: THIN_TABLE_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}

/** Column widths (twips) filling `total`: the given ones fixed, the one given as 0 takes the rest. */
export function fillWidths(fixed: number[], total = TEXT_WIDTH): number[] {
  const rest = total - fixed.reduce((a, b) => a + b, 0);
  return fixed.map((w) => (w === 0 ? rest : w));
}

// ---------------------------------------------------------------------------
// Header and signature blocks
// ---------------------------------------------------------------------------

export interface PartyHeader {
  /** The issuing body's parent: "Đảng bộ xã Minh Quang" above a cell, "Đảng ủy xã Minh Quang" above its UBKT. */
  parentName: string;
  /** The issuing body: "Chi bộ thôn Đồng Thứ", "Ủy ban Kiểm tra". */
  issuerName: string;
  /** "Số 05-QĐ/UBKT"; omitted for minutes. */
  numberLine?: string | null;
  placeName: string;
  /** yyyy-mm-dd; null leaves the date to be written by hand. */
  date: string | null;
}

/** The header block: the issuing body on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the date on the right. */
export function partyHeader(h: PartyHeader, textWidth = TEXT_WIDTH): Table {
  const s = { size: SIZE_HEADER };
  const left = [centred(upper(h.parentName), s), centred(upper(h.issuerName), { ...s, bold: true }), centred('*', s)];
  if (h.numberLine) left.push(centred(h.numberLine, s));
  const right = [
    centred('ĐẢNG CỘNG SẢN VIỆT NAM', { ...s, bold: true, underline: true }, 120),
    centred(formatDateLine(h.placeName, h.date), { ...s, italics: true }),
  ];
  return layoutTable(left, right, Math.round(textWidth * 0.45), textWidth);
}

/** One signer's column: their role lines, room to sign, then their name (or room to write it). */
export function signatureColumn(roleLines: Paragraph[], name: string | null): Paragraph[] {
  return [
    ...roleLines,
    blankLine(),
    blankLine(),
    blankLine(),
    blankLine(),
    name && name.trim() ? centred(name.trim(), { bold: true }) : blankLine(),
  ];
}

// ---------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------

/** Renders a party document (A4, Times New Roman 14pt) as a .docx file. */
export async function renderPartyDocx(opts: {
  title: string;
  children: (Paragraph | Table)[];
  landscape?: boolean;
}): Promise<Buffer> {
  const file = new Document({
    creator: 'Tự Soi',
    title: opts.title.normalize('NFC'),
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
            // docx swaps width and height itself for a landscape page.
            size: { width: A4_WIDTH, height: A4_HEIGHT, ...(opts.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) },
            margin: { top: MARGIN_TOP, bottom: MARGIN_BOTTOM, left: MARGIN_LEFT, right: MARGIN_RIGHT },
          },
        },
        children: opts.children,
      },
    ],
  });
  return Packer.toBuffer(file);
}

/** A document's name as one ASCII word of a file name: "Kết luận" → "ket-luan". */
export const fileSlug = (s: string): string =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "Đảng bộ xã Minh Quang" → "Minh Quang", for the date line of a party document. */
export function placeNameOf(unitName: string): string {
  return unitName.replace(/^(Đảng bộ|Chi bộ|Đảng ủy)\s+(xã|phường|thị trấn|huyện|tỉnh|thành phố)?\s*/iu, '').trim() || unitName;
}

/** The committee that leads a party organisation: "Đảng bộ xã Minh Quang" → "Đảng ủy xã Minh Quang" (a cell signs as itself). */
export function committeeNameOf(unitName: string): string {
  return unitName.replace(/^Đảng bộ\b/u, 'Đảng ủy');
}
