/**
 * Reading a spreadsheet a person made: CSV (as Excel saves it) or the first sheet of an XLSX,
 * into rows of plain cells, with the text helpers every importer shares (attendance, commitments).
 *
 * Pure: bytes in, rows out; no DB, no HTTP.
 */
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../domain/vietnamese.js';

/** A cell after unwrapping exceljs's rich text / formula / hyperlink objects; '' is empty. */
export type Cell = string | number | Date;

/** One row of the file with its 1-based row number; cells are 0-based by column. */
export interface RawRow {
  row: number;
  cells: Cell[];
}

/**
 * Rows of the file, or null when it is not a CSV/XLSX we can read. `headerScore` tells how well
 * some rows match the importer's header (how many known columns it finds), to pick a CSV's
 * delimiter.
 */
export async function readSpreadsheet(
  input: { fileName: string; content: Buffer },
  headerScore: (rows: RawRow[]) => number = () => 0,
): Promise<RawRow[] | null> {
  const extension = /\.([^.]+)$/.exec(input.fileName.trim())?.[1]?.toLowerCase();
  if (extension === 'csv') return readCsv(input.content, headerScore);
  if (extension === 'xlsx') return readXlsx(input.content);
  return null;
}

/**
 * CSV as Excel writes it: UTF-8 (a BOM is common), `,` `;` or tab between fields. Bytes that
 * are not UTF-8 (an old "CSV (Windows)" save in a legacy code page) are refused rather than
 * turned into mojibake names that would then match nobody.
 */
function readCsv(content: Buffer, headerScore: (rows: RawRow[]) => number): RawRow[] | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);

  // The delimiter is whichever one makes the header line split into the most known columns;
  // a title line above the header ("Chi bộ A, xã B") must not decide it.
  // Without a header anywhere, the most frequent one wins, so a file of ";;" lines is blank.
  let best: { rows: RawRow[]; score: number; count: number } | null = null;
  for (const delimiter of [',', ';', '\t']) {
    const rows = parseCsv(text, delimiter).map((cells, i) => ({ row: i + 1, cells }));
    const score = headerScore(rows);
    const count = text.split(delimiter).length;
    if (!best || score > best.score || (score === best.score && count > best.count)) best = { rows, score, count };
  }
  return best!.rows;
}

/**
 * RFC 4180: fields may be quoted, a doubled quote inside quotes is one quote, quoted fields
 * may hold delimiters and line breaks; CRLF, LF and lone CR all end a record. Lenient the way
 * Excel is: text after a closing quote is kept, an unclosed quote runs to the end.
 */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else field += c;
      i++;
    } else if (c === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (c === delimiter) {
      endField();
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  // A final line without a line break is still a record; a trailing line break adds none.
  if (field !== '' || record.length > 0 || inQuotes) endRecord();
  return records;
}

/** The first worksheet (in tab order) of an XLSX workbook; null when exceljs cannot open it. */
export async function readXlsx(content: Buffer): Promise<RawRow[] | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer) in its typings; it accepts Node's at runtime.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    // row.values is 1-based and sparse (index 0 is always empty).
    for (let c = 1; c < values.length; c++) cells.push(unwrapCell(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** exceljs cell value → plain string, number or Date. */
function unwrapCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text?: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return unwrapCell(v.result);
    if ('text' in v) return unwrapCell(v.text); // hyperlink; its text may itself be rich text
    if (typeof v.error === 'string') return v.error; // '#N/A' and friends
  }
  return '';
}

/** Text folded to bare words for lookup: "Vắng (có lý do)" → "vang co ly do". */
export function normaliseWords(s: string): string {
  return foldVietnamese(s).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A header folded for lookup, ignoring remarks in brackets: "Giờ đến (hh:mm):" → "gio den". */
export function normaliseLabel(s: string): string {
  return normaliseWords(s.replace(/\([^)]*\)/g, ' '));
}

/**
 * Cell as trimmed text, for names, card numbers, statuses, reasons and problem values. A Date
 * is Excel's wall clock, shown the way Excel shows it ("14/04/2022 19:30", or "19:30" for a
 * time-only cell), not as a UTC instant that would confuse the user.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const [date, time] = [cell.toISOString().slice(0, 10), cell.toISOString().slice(11, 16)];
    if (isExcelDayZero(date)) return time;
    const [y, m, d] = date.split('-');
    return `${d}/${m}/${y} ${time}`;
  }
  return String(cell).trim();
}

/** The date exceljs gives time-only cells: Excel's day zero (1900-based or 1904-based workbooks). */
export function isExcelDayZero(isoDate: string): boolean {
  return isoDate === '1899-12-30' || isoDate === '1904-01-01';
}
