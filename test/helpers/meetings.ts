import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { localDate } from '../../src/domain/vietnam-time.js';
import type { TestApp } from './app.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Today's date in Vietnam (yyyy-mm-dd): what the server calls "today". */
export const vnToday = (): string => localDate(new Date());

/** A date `days` after (or before, when negative) `date`. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a phone in Vietnam sends for a wall-clock time on a date. */
export const localInstant = (date: string, time: string): string => `${date}T${time}:00+07:00`;

/** yyyy-mm-dd → dd/mm/yyyy, as documents and messages show dates. */
export const ddmmyyyy = (date: string): string => date.split('-').reverse().join('/');

/**
 * A request helper over a test app: `who` is a demo username, a signed-in cookie header (a
 * factory-built account's `cookie`), or null for an anonymous caller; `lang` sets Accept-Language.
 */
export function requester(t: () => TestApp) {
  return async function call(method: Method, url: string, who: string | null, payload?: unknown, lang?: string): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who.startsWith('tusoi_session=') ? who : await t().login(who);
    if (lang) headers['accept-language'] = lang;
    return t().app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  };
}

/** Active members of a cell in roster order, from the database. */
export function cellRoster(t: TestApp, unitId: string) {
  return t.db.db
    .selectFrom('members')
    .select(['id', 'full_name', 'status', 'card_number', 'joined_on', 'official_on'])
    .where('unit_id', '=', unitId)
    .where('archived_at', 'is', null)
    .orderBy('sort_key')
    .execute();
}

/**
 * Every row a meeting owns (the meeting, participants, agenda, outcomes, tasks, scores,
 * reviewed tasks, versions), in a stable order: for "nothing was written" checks.
 */
export async function meetingRows(t: TestApp, id: string) {
  const db = t.db.db;
  return {
    meeting: await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst(),
    participants: await db.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', id).orderBy('id').execute(),
    agenda: await db.selectFrom('meeting_agenda_items').selectAll().where('meeting_id', '=', id).orderBy('id').execute(),
    outcomes: await db.selectFrom('meeting_outcomes').selectAll().where('meeting_id', '=', id).orderBy('id').execute(),
    tasks: await db.selectFrom('tasks').selectAll().where('source_meeting_id', '=', id).orderBy('id').execute(),
    scores: await db.selectFrom('meeting_scores').selectAll().where('meeting_id', '=', id).orderBy('criterion_code').execute(),
    reviewed: await db.selectFrom('meeting_reviewed_tasks').selectAll().where('meeting_id', '=', id).orderBy('task_id').execute(),
    versions: await db.selectFrom('meeting_minutes_versions').selectAll().where('meeting_id', '=', id).orderBy('version').execute(),
  };
}

/** An attendance CSV as Excel saves it in Vietnam (UTF-8 with BOM, `;`, CRLF), base64. */
export function csvBase64(rows: string[][]): string {
  const text = '\uFEFF' + rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
  return Buffer.from(text, 'utf8').toString('base64');
}

/** An attendance workbook built with exceljs (first sheet = the list), base64. */
export async function xlsxBase64(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Điểm danh');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}
