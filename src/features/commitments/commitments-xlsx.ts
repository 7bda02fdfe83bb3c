/**
 * Bảng đăng ký chỉ tiêu cam kết as an Excel workbook: the export a cell prints or fills in, and
 * the importer that reads the same layout back (so an export imports again unchanged).
 *
 * Pure: records in, bytes out; bytes and the people and units of the importing unit in, entries
 * and problems out. No DB, no HTTP, so every problem of a file can be shown before anything is
 * written. Matching people reuses the attendance importer's rules (card number first, then the
 * name ignoring diacritics).
 */
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../domain/vietnamese.js';
import {
  directionNamesVi,
  directionWords,
  kindNamesVi,
  kindWords,
  resultNamesVi,
  sectionNamesVi,
} from '../../domain/commitments.js';
import {
  commitmentSections,
  type CommitmentDirection,
  type CommitmentKind,
  type CommitmentResult,
  type CommitmentSection,
} from '../../shared/enums.js';
import { cellText, normaliseLabel, normaliseWords, readXlsx, type Cell, type RawRow } from '../../core/spreadsheet.js';
import { participantMatcher, type ImportParticipant } from '../../domain/member-matching.js';

/** What one line of the pledge says, as the sheet carries it both ways. */
interface LineContent {
  section: CommitmentSection;
  kind: CommitmentKind;
  title: string;
  targetValue: number | null;
  measureUnit: string | null;
  direction: CommitmentDirection | null;
  actualValue: number | null;
  evidence: string | null;
}

/** One line of the sheet as exported. */
export interface SheetLine extends LineContent {
  subjectKind: 'member' | 'unit';
  /** The member's card number (may be missing); unused for a unit. */
  cardNumber: string | null;
  /** A unit's kind: a cell is written "Chi bộ", any other unit "Đơn vị". */
  unitKind?: string;
  /** The member's full name or the unit's name. */
  name: string;
  /** Vietnam date of the confirmation, yyyy-mm-dd. */
  confirmedOn: string | null;
  result: CommitmentResult | null;
  /** The evaluated percent, or the percent reached so far. */
  percent: number | null;
}

type ColumnKey = 'subject' | 'name' | 'section' | 'kind' | 'title' | 'target' | 'measureUnit' | 'direction' | 'actual' | 'evidence' | 'confirmed' | 'result' | 'percent';

/** The columns in order: header as written, width in characters. */
const COLUMNS: { key: ColumnKey; header: string; width: number }[] = [
  { key: 'subject', header: 'Đối tượng (số thẻ đảng viên hoặc "Chi bộ")', width: 18 },
  { key: 'name', header: 'Họ và tên / Đơn vị', width: 26 },
  { key: 'section', header: 'Mục', width: 30 },
  { key: 'kind', header: 'Loại', width: 12 },
  { key: 'title', header: 'Nội dung / chỉ tiêu', width: 50 },
  { key: 'target', header: 'Chỉ tiêu (số)', width: 12 },
  { key: 'measureUnit', header: 'Đơn vị tính', width: 12 },
  { key: 'direction', header: 'Chiều', width: 20 },
  { key: 'actual', header: 'Thực hiện', width: 12 },
  { key: 'evidence', header: 'Minh chứng', width: 36 },
  { key: 'confirmed', header: 'Xác nhận', width: 14 },
  { key: 'result', header: 'Kết quả', width: 12 },
  { key: 'percent', header: 'Tỷ lệ (%)', width: 10 },
];

/** The word in the subject column for a unit's own line. */
const UNIT_SUBJECT = 'Chi bộ';
const UNIT_SUBJECT_WORDS = new Set(['chi bo', 'don vi', 'dang bo', 'tap the', 'unit', 'cell']);
const TITLE_ROWS = 2;

const ddmmyyyy = (date: string) => date.split('-').reverse().join('/');

export async function renderCommitmentsXlsx(doc: { year: number; unitName: string; lines: readonly SheetLine[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tự Soi';
  const sheet = workbook.addWorksheet(`Cam kết ${doc.year}`, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));

  const titleRow = (row: number, text: string, size: number) => {
    sheet.mergeCells(row, 1, row, COLUMNS.length);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold: true, size };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  titleRow(1, `BẢNG ĐĂNG KÝ CHỈ TIÊU CAM KẾT NĂM ${doc.year}`, 14);
  titleRow(2, doc.unitName, 12);

  const header = sheet.getRow(TITLE_ROWS + 1);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  for (const line of doc.lines) {
    const values: Record<ColumnKey, string | number | null> = {
      subject: line.subjectKind === 'unit' ? (line.unitKind === 'cell' || !line.unitKind ? UNIT_SUBJECT : 'Đơn vị') : (line.cardNumber ?? ''),
      name: line.name,
      section: sectionNamesVi[line.section],
      kind: kindNamesVi[line.kind],
      title: line.title,
      target: line.targetValue,
      measureUnit: line.measureUnit,
      direction: line.direction ? directionNamesVi[line.direction] : null,
      actual: line.actualValue,
      evidence: line.evidence,
      confirmed: line.confirmedOn ? ddmmyyyy(line.confirmedOn) : null,
      result: line.result ? resultNamesVi[line.result] : null,
      percent: line.percent,
    };
    const row = sheet.addRow(COLUMNS.map((c) => values[c.key] ?? null));
    row.alignment = { wrapText: true, vertical: 'top' };
    // Card numbers are text: Excel must not drop their leading zeros.
    row.getCell(1).numFmt = '@';
    row.getCell(COLUMNS.length).numFmt = '0.0';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

/** A unit that may commit collectively, as the importer recognises it. */
export interface ImportUnit {
  id: string;
  name: string;
}

/** A row understood completely. */
export interface ImportedCommitment extends LineContent {
  /** 1-based row number in the file, as Excel shows it. */
  row: number;
  subjectKind: 'member' | 'unit';
  memberId: string | null;
  unitId: string | null;
}

export type CommitmentImportProblemCode =
  | 'unreadable_file'
  | 'empty_file'
  | 'too_many_rows'
  | 'no_header'
  | 'missing_identity'
  | 'unknown_member'
  | 'ambiguous_name'
  | 'unknown_unit'
  | 'missing_section'
  | 'bad_section'
  | 'bad_kind'
  | 'missing_title'
  | 'text_too_long'
  | 'bad_number'
  | 'missing_target'
  | 'missing_measure_unit'
  | 'missing_direction'
  | 'bad_direction'
  | 'qualitative_with_target';

export interface CommitmentImportProblem {
  row: number;
  code: CommitmentImportProblemCode;
  value?: string;
}

export interface CommitmentImportResult {
  entries: ImportedCommitment[];
  problems: CommitmentImportProblem[];
  rowsRead: number;
}

const MAX_DATA_ROWS = 2000;
const HEADER_SEARCH_ROWS = 10;
const LIMITS = { title: 500, measureUnit: 50, evidence: 2000 } as const;

/** Header labels, folded by `normaliseLabel` (brackets dropped): what each column may be called. */
const HEADER_SYNONYMS: Partial<Record<ColumnKey, readonly string[]>> = {
  subject: ['doi tuong', 'so the', 'so the dang vien'],
  name: ['ho va ten don vi', 'ho va ten', 'ho ten', 'don vi', 'ten'],
  section: ['muc', 'nhom'],
  kind: ['loai'],
  title: ['noi dung chi tieu', 'noi dung', 'chi tieu cam ket'],
  target: ['chi tieu', 'muc tieu'],
  measureUnit: ['don vi tinh', 'dvt'],
  direction: ['chieu', 'chieu danh gia'],
  actual: ['thuc hien', 'ket qua thuc hien', 'gia tri thuc hien'],
  evidence: ['minh chung'],
};
const HEADER_BY_LABEL = new Map<string, ColumnKey>(
  Object.entries(HEADER_SYNONYMS).flatMap(([key, labels]) => labels.map((l) => [l, key as ColumnKey] as const)),
);

/** Section names (and the codes) as a reader may type them. */
const SECTION_BY_WORDS = new Map<string, CommitmentSection>([
  ...commitmentSections.map((s) => [normaliseWords(sectionNamesVi[s]), s] as const),
  ...commitmentSections.map((s) => [normaliseWords(sectionNamesVi[s].replace(/^Về\s+/u, '')), s] as const),
  ...commitmentSections.map((s) => [s.replace(/_/g, ' '), s] as const),
  ['chi thi 05', 'directive_05'],
  ['lam theo', 'directive_05'],
]);

type Columns = Partial<Record<ColumnKey, number>>;

function findHeader(rows: readonly RawRow[]): { row: number; columns: Columns } | null {
  for (const { row, cells } of rows) {
    if (row > HEADER_SEARCH_ROWS) break;
    const columns: Columns = {};
    cells.forEach((cell, index) => {
      const key = HEADER_BY_LABEL.get(normaliseLabel(cellText(cell)));
      if (key && columns[key] === undefined) columns[key] = index;
    });
    if (columns.section !== undefined && columns.title !== undefined) return { row, columns };
  }
  return null;
}

/** A number as Excel holds it or as typed ("12", "12,5", "12.5"); undefined when empty, null when unreadable. */
function readNumber(cell: Cell): number | null | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 && cell <= 1e12 ? cell : null;
  const text = cellText(cell).replace(/\s+/g, '');
  if (text === '') return undefined;
  if (!/^\d+(?:[.,]\d+)?$/.test(text)) return null;
  const n = Number(text.replace(',', '.'));
  return n <= 1e12 ? n : null;
}

/**
 * Reads a commitments workbook for a unit: members (active, of the unit's cells) are matched by
 * card number or name; a unit's own line ("Chi bộ" in the subject column) by the unit's name, or
 * to `ownUnitId` when the name is left empty.
 */
export async function parseCommitmentsXlsx(
  content: Buffer,
  people: { members: readonly ImportParticipant[]; units: readonly ImportUnit[]; ownUnitId: string | null },
): Promise<CommitmentImportResult> {
  const fail = (code: CommitmentImportProblemCode, row = 1, rowsRead = 0): CommitmentImportResult => ({ entries: [], problems: [{ row, code }], rowsRead });
  const rows = await readXlsx(content);
  if (!rows) return fail('unreadable_file');
  if (!rows.some((r) => r.cells.some((c) => cellText(c) !== ''))) return fail('empty_file');
  const header = findHeader(rows);
  if (!header) return fail('no_header');
  const { columns } = header;
  const get = (r: RawRow, key: ColumnKey): Cell => {
    const index = columns[key];
    return index === undefined ? '' : (r.cells[index] ?? '');
  };
  const text = (r: RawRow, key: ColumnKey) => cellText(get(r, key));
  // Only the columns the importer reads count: the confirmation, result and percent an export
  // carries are the record's history, not something a file can set.
  const keys = Object.keys(columns) as ColumnKey[];
  const dataRows = rows.filter((r) => r.row > header.row && keys.some((k) => text(r, k) !== ''));
  if (dataRows.length === 0) return fail('empty_file', header.row + 1);
  if (dataRows.length > MAX_DATA_ROWS) return fail('too_many_rows', dataRows[MAX_DATA_ROWS]!.row, dataRows.length);

  const matchMember = participantMatcher(people.members);
  const unitsByName = new Map<string, string[]>();
  for (const u of people.units) {
    const key = foldVietnamese(u.name);
    unitsByName.set(key, [...(unitsByName.get(key) ?? []), u.id]);
  }

  const entries: ImportedCommitment[] = [];
  const problems: CommitmentImportProblem[] = [];
  for (const r of dataRows) {
    const before = problems.length;
    const problem = (code: CommitmentImportProblemCode, value?: string) => problems.push({ row: r.row, code, ...(value !== undefined ? { value } : {}) });

    // Who
    const subject = text(r, 'subject');
    const name = text(r, 'name');
    let memberId: string | null = null;
    let unitId: string | null = null;
    if (UNIT_SUBJECT_WORDS.has(normaliseWords(subject))) {
      const ids = name === '' ? (people.ownUnitId ? [people.ownUnitId] : []) : (unitsByName.get(foldVietnamese(name)) ?? []);
      if (ids.length === 1) unitId = ids[0]!;
      else problem('unknown_unit', name || subject);
    } else if (subject === '' && name === '') {
      problem('missing_identity');
    } else {
      const match = matchMember(subject, name);
      const shown = [subject, name].filter((s) => s !== '').join(' – ');
      if (match.result === 'one') memberId = match.memberId;
      else if (match.result === 'many') problem('ambiguous_name', match.by === 'card' ? subject : name);
      else problem('unknown_member', shown);
    }

    // What
    const sectionText = text(r, 'section');
    const section = SECTION_BY_WORDS.get(normaliseWords(sectionText)) ?? null;
    if (sectionText === '') problem('missing_section');
    else if (!section) problem('bad_section', sectionText);

    const title = text(r, 'title');
    if (title === '') problem('missing_title');
    else if (title.length > LIMITS.title) problem('text_too_long', `${title.slice(0, 40)}…`);

    const numbers = { target: readNumber(get(r, 'target')), actual: readNumber(get(r, 'actual')) };
    for (const key of ['target', 'actual'] as const) if (numbers[key] === null) problem('bad_number', text(r, key));
    const measureUnit = text(r, 'measureUnit');
    if (measureUnit.length > LIMITS.measureUnit) problem('text_too_long', measureUnit);
    const evidence = text(r, 'evidence');
    if (evidence.length > LIMITS.evidence) problem('text_too_long', `${evidence.slice(0, 40)}…`);
    const directionText = text(r, 'direction');
    const direction = directionText === '' ? null : (directionWords[normaliseWords(directionText)] ?? null);
    if (directionText !== '' && !direction) problem('bad_direction', directionText);

    // A kind left empty follows from the row: a target value makes it measurable.
    const kindText = text(r, 'kind');
    const kind: CommitmentKind | null = kindText === '' ? (numbers.target !== undefined ? 'measurable' : 'qualitative') : (kindWords[normaliseWords(kindText)] ?? null);
    if (!kind) problem('bad_kind', kindText);
    if (kind === 'measurable') {
      if (numbers.target === undefined) problem('missing_target');
      if (measureUnit === '') problem('missing_measure_unit');
      if (directionText === '') problem('missing_direction');
    } else if (kind === 'qualitative' && (numbers.target !== undefined || numbers.actual !== undefined || measureUnit !== '' || directionText !== '')) {
      problem('qualitative_with_target');
    }

    if (problems.length === before && section && kind) {
      entries.push({
        row: r.row,
        subjectKind: unitId ? 'unit' : 'member',
        memberId,
        unitId,
        section,
        kind,
        title,
        targetValue: kind === 'measurable' ? (numbers.target ?? null) : null,
        measureUnit: kind === 'measurable' ? measureUnit : null,
        direction: kind === 'measurable' ? direction : null,
        actualValue: kind === 'measurable' ? (numbers.actual ?? null) : null,
        evidence: evidence || null,
      });
    }
  }
  return { entries, problems, rowsRead: dataRows.length };
}
