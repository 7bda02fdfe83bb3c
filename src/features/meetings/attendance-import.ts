/**
 * Nhập điểm danh từ tệp — reads an attendance list exported by the national "Sổ tay đảng
 * viên điện tử" app or typed by hand in Excel (CSV or XLSX) and matches its rows to the
 * participants of one meeting.
 *
 * Pure: bytes and the participant list in, entries and problems out. No DB, no HTTP, so
 * the route can show every problem of a file at once before anything is written, and the
 * rules can be tested without a server.
 */
import { localDate } from '../../domain/vietnam-time.js';
import { cellText, isExcelDayZero, normaliseLabel, normaliseWords, readSpreadsheet, type Cell, type RawRow } from '../../core/spreadsheet.js';
import { participantMatcher, type ImportParticipant } from '../../domain/member-matching.js';

export type { ImportParticipant };

/** A file row that was understood completely and belongs to exactly one participant. */
export interface ImportedEntry {
  /** 1-based row number in the file, as Excel shows it, so messages point at the right line. */
  row: number;
  memberId: string;
  status: 'present' | 'excused' | 'absent' | 'exempt';
  /** ISO UTC instant; only for present (the server derives lateness from it). */
  arrivedAt: string | null;
  /** Lý do, for excused/absent when the file gives one. */
  reason: string | null;
}

/**
 * Something wrong with the file or one of its rows. Codes rather than text so the web app
 * can word them in the user's language; `column` is the header text as written in the file
 * and `value` the offending cell, so the user can find and fix it.
 */
export interface ImportProblem {
  row: number;
  column?: string;
  code: ImportProblemCode;
  value?: string;
}

/** Every kind of problem the importer reports. */
export type ImportProblemCode =
  | 'no_header'
  | 'unknown_member'
  | 'ambiguous_name'
  | 'duplicate_member'
  | 'bad_status'
  | 'bad_time'
  | 'missing_identity'
  | 'missing_time'
  | 'empty_file'
  | 'too_many_rows'
  | 'unreadable_file';

/**
 * The outcome of reading a file. All problems are collected (not just the first) and the
 * good rows are still returned, so a preview can show both; the caller imports nothing
 * while `problems` is non-empty.
 */
export interface ImportResult {
  /** Sorted by row. */
  entries: ImportedEntry[];
  /** Sorted by row; problems of one row keep the order they were found in. */
  problems: ImportProblem[];
  /** Data rows below the header that had anything in a recognised column. */
  rowsRead: number;
}

type ColumnKind = 'card' | 'name' | 'status' | 'time' | 'reason';

/** Where each recognised column sits, with its header text as written (for messages). */
type Columns = Partial<Record<ColumnKind, { index: number; header: string }>>;

/** A bigger file is certainly not one meeting's attendance; refuse rather than grind through it. */
const MAX_DATA_ROWS = 2000;

/** The header must be near the top; anything further down is a title block gone wrong. */
const HEADER_SEARCH_ROWS = 10;

const VIETNAM_OFFSET_MS = 7 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

/** Header synonyms, folded (see `normaliseLabel`). */
const HEADER_SYNONYMS: Record<ColumnKind, readonly string[]> = {
  card: ['so the', 'so the dang vien', 'so the dv', 'ma dang vien', 'card', 'card number'],
  name: ['ho va ten', 'ho ten', 'ten', 'dang vien', 'full name', 'name'],
  status: ['trang thai', 'tinh trang', 'diem danh', 'status'],
  time: ['gio den', 'thoi gian', 'thoi gian diem danh', 'gio diem danh', 'check in', 'arrival', 'arrived at', 'time'],
  reason: ['ly do', 'ghi chu', 'reason', 'note'],
};

/** Status words, folded. "Đi muộn" and friends are present too: a late member still came. */
const STATUS_WORDS: Record<ImportedEntry['status'], readonly string[]> = {
  present: ['co mat', 'du hop', 'x', 'present', 'co', 'di muon', 'den muon', 'muon'],
  excused: ['vang co ly do', 'vang co phep', 'co phep', 'excused', 'p'],
  absent: ['vang', 'vang khong ly do', 'khong phep', 'absent', 'k', 'v'],
  exempt: ['mien', 'mien sinh hoat', 'exempt'],
};

const STATUS_BY_WORD = new Map<string, ImportedEntry['status']>(
  Object.entries(STATUS_WORDS).flatMap(([status, words]) =>
    words.map((w) => [w, status as ImportedEntry['status']] as const),
  ),
);

const HEADER_BY_LABEL = new Map<string, ColumnKind>(
  Object.entries(HEADER_SYNONYMS).flatMap(([kind, labels]) => labels.map((l) => [l, kind as ColumnKind] as const)),
);

/**
 * Parse an attendance file and match its rows to `participants` of the meeting held on
 * `meeting.date` (yyyy-mm-dd, Vietnam time). The format follows the file name: `.csv` or
 * `.xlsx`; anything else, or bytes that cannot be read, gives `unreadable_file`.
 */
export async function parseAttendanceFile(
  input: { fileName: string; content: Buffer },
  meeting: { date: string },
  participants: readonly ImportParticipant[],
): Promise<ImportResult> {
  const rows = await readSpreadsheet(input, (rows) => Object.keys(findHeader(rows)?.columns ?? {}).length);
  if (!rows) return fileProblem('unreadable_file');
  return importRows(rows, meeting.date, participants);
}

// ---------------------------------------------------------------------------
// Reading the file into rows
// ---------------------------------------------------------------------------

function fileProblem(code: ImportProblemCode, row = 1, rowsRead = 0): ImportResult {
  return { entries: [], problems: [{ row, code }], rowsRead };
}

// ---------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------

/** The header row: the first of the top rows with a card-number or name column. */
function findHeader(rows: readonly RawRow[]): { row: number; columns: Columns } | null {
  for (const { row, cells } of rows) {
    if (row > HEADER_SEARCH_ROWS) break;
    const columns: Columns = {};
    cells.forEach((cell, index) => {
      const kind = HEADER_BY_LABEL.get(normaliseLabel(cellText(cell)));
      if (kind && !columns[kind]) columns[kind] = { index, header: cellText(cell) }; // first one wins
    });
    if (columns.card || columns.name) return { row, columns };
  }
  return null;
}

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

function importRows(rows: readonly RawRow[], meetingDate: string, participants: readonly ImportParticipant[]): ImportResult {
  if (!rows.some((r) => r.cells.some((c) => cellText(c) !== ''))) return fileProblem('empty_file');
  const header = findHeader(rows);
  if (!header) return fileProblem('no_header');
  const { columns } = header;

  const get = (r: RawRow, kind: ColumnKind): Cell => {
    const column = columns[kind];
    return column ? (r.cells[column.index] ?? '') : '';
  };
  const isEmpty = (c: Cell) => cellText(c) === '';
  const kinds = Object.keys(columns) as ColumnKind[];
  // Only recognised columns count: a template numbered 1..50 in its STT column, with names on
  // 30 rows, has 20 blank rows, not 20 rows missing a name.
  const dataRows = rows.filter((r) => r.row > header.row && kinds.some((k) => !isEmpty(get(r, k))));

  if (dataRows.length === 0) return fileProblem('empty_file', header.row + 1);
  if (dataRows.length > MAX_DATA_ROWS) return fileProblem('too_many_rows', dataRows[MAX_DATA_ROWS]!.row, dataRows.length);

  const matcher = participantMatcher(participants);
  const entries: ImportedEntry[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  const problem = (row: number, code: ImportProblemCode, kind?: ColumnKind, value?: string) => {
    const column = kind ? columns[kind]?.header : undefined;
    problems.push({ row, code, ...(column !== undefined ? { column } : {}), ...(value !== undefined ? { value } : {}) });
  };

  for (const r of dataRows) {
    const before = problems.length;

    // Who
    const card = cellText(get(r, 'card'));
    const name = cellText(get(r, 'name'));
    let memberId: string | null = null;
    if (card === '' && name === '') problem(r.row, 'missing_identity', columns.name ? 'name' : 'card');
    else {
      const match = matcher(card, name);
      const shown = [card, name].filter((s) => s !== '').join(' – ');
      if (match.result === 'none') problem(r.row, 'unknown_member', match.by, shown);
      else if (match.result === 'many') problem(r.row, 'ambiguous_name', match.by, match.by === 'card' ? card : name);
      else if (seen.has(match.memberId)) problem(r.row, 'duplicate_member', match.by, shown);
      else {
        memberId = match.memberId;
        seen.add(memberId);
      }
    }

    // What
    const statusCell = cellText(get(r, 'status'));
    const timeCell = get(r, 'time');
    let status: ImportedEntry['status'] | null = null;
    if (statusCell === '') {
      if (isEmpty(timeCell)) problem(r.row, 'bad_status', 'status');
      else status = 'present'; // a time alone means they came
    } else {
      status = STATUS_BY_WORD.get(normaliseWords(statusCell)) ?? null;
      if (!status) problem(r.row, 'bad_status', 'status', statusCell);
    }

    // When (only a present member has an arrival time; other statuses ignore the column)
    let arrivedAt: string | null = null;
    if (status === 'present') {
      if (isEmpty(timeCell)) problem(r.row, 'missing_time', 'time');
      else {
        arrivedAt = parseArrival(timeCell, meetingDate);
        if (!arrivedAt) problem(r.row, 'bad_time', 'time', cellText(timeCell));
      }
    }

    if (problems.length === before && memberId && status) {
      const reason = status === 'excused' || status === 'absent' ? cellText(get(r, 'reason')) || null : null;
      entries.push({ row: r.row, memberId, status, arrivedAt, reason });
    }
  }

  // Rows are read in order already; sort anyway so the contract does not depend on it.
  entries.sort((a, b) => a.row - b.row);
  problems.sort((a, b) => a.row - b.row);
  return { entries, problems, rowsRead: dataRows.length };
}

// ---------------------------------------------------------------------------
// Arrival time
// ---------------------------------------------------------------------------

/** A wall-clock moment in Vietnam, before conversion to UTC. */
interface LocalDateTime {
  date: string | null; // yyyy-mm-dd; null = time only, so on the meeting date
  hour: number;
  minute: number;
  second: number;
}

/**
 * The arrival as an ISO UTC instant, or null when the value is not a time we understand or
 * falls on another day than the meeting (a slip the server would refuse anyway, but here we
 * can name the row).
 */
function parseArrival(cell: Cell, meetingDate: string): string | null {
  if (typeof cell === 'string') {
    const instant = parseOffsetDateTime(cell.trim());
    if (instant !== undefined) {
      if (instant === null) return null;
      return localDate(new Date(instant)) === meetingDate ? new Date(instant).toISOString() : null;
    }
  }
  const local = typeof cell === 'string' ? parseLocalText(cell.trim()) : cell instanceof Date ? fromExcelDate(cell) : fromExcelSerial(cell);
  if (!local) return null;
  const date = local.date ?? meetingDate;
  if (date !== meetingDate) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, local.hour, local.minute, local.second) - VIETNAM_OFFSET_MS).toISOString();
}

/**
 * ISO 8601 with an explicit offset ("2022-04-15T19:30:00+07:00", "…Z"): epoch ms; null when
 * it has that shape but is not a valid moment; undefined when it is not that shape at all.
 */
function parseOffsetDateTime(s: string): number | null | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s);
  if (!m) return undefined;
  const date = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const time = validTime(Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (!date || !time) return null;
  const offset = m[7]!.toUpperCase() === 'Z' ? 'Z' : m[7]!.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const t = Date.parse(`${date}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${offset}`);
  return Number.isNaN(t) ? null : t;
}

/**
 * Text without an offset: "19:30", "19:30:15", "19h30", "19h", "15/04/2022 19:30",
 * "2022-04-15 19:30" (also with "T" or a comma between). 12-hour clocks (AM/PM) are not
 * used in Vietnam and are refused rather than guessed.
 */
function parseLocalText(s: string): LocalDateTime | null {
  const parts = s.split(/\s*,\s*|\s+|(?<=\d)T(?=\d)/).filter((p) => p !== '');
  if (parts.length === 1) {
    const time = parseClock(parts[0]!);
    return time && { date: null, ...time };
  }
  if (parts.length === 2) {
    const date = parseDay(parts[0]!);
    const time = parseClock(parts[1]!);
    return date && time ? { date, ...time } : null;
  }
  return null;
}

function parseClock(s: string): { hour: number; minute: number; second: number } | null {
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[hH](\d{2})?)$/.exec(s);
  if (!m) return null;
  return validTime(Number(m[1]), Number(m[2] ?? m[4] ?? 0), Number(m[3] ?? 0));
}

/** dd/mm/yyyy (Vietnamese order; also with - or .) or yyyy-mm-dd. */
function parseDay(s: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * exceljs turns date/time cells into Dates whose UTC fields are Excel's wall clock. A time-only
 * cell lands on Excel's day zero (1899-12-30, or 1904-01-01 in 1904-based workbooks). A date
 * at exactly midnight is a date typed into the time column, not an arrival, so it is refused.
 */
function fromExcelDate(d: Date): LocalDateTime | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString();
  const day = iso.slice(0, 10);
  const time = { hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  if (isExcelDayZero(day)) return { date: null, ...time };
  if (iso.slice(11, 23) === '00:00:00.000') return null;
  return { date: day, ...time };
}

/**
 * A number in the time column: Excel's serial date-time (days since 1899-12-30, the time as
 * the fraction), e.g. 0.8125 = 19:30 — what a time cell formatted "General" holds.
 */
function fromExcelSerial(n: number): LocalDateTime | null {
  if (!Number.isFinite(n) || n < 0) return null;
  return fromExcelDate(new Date(Date.UTC(1899, 11, 30) + Math.round(n * DAY_MS)));
}

function validTime(hour: number, minute: number, second: number): { hour: number; minute: number; second: number } | null {
  return hour <= 23 && minute <= 59 && second <= 59 ? { hour, minute, second } : null;
}

function validDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
