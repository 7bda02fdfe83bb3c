import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Ids of what the demo seed has written so far, by demo key. */
export interface DemoRefs {
  unitIds: Map<string, string>;
  memberIds: Map<string, string>;
  /** The account of each demo member who has one (DemoMember key → account id). */
  accountOfMember: Map<string, string>;
}

/** Looks up stored ids by demo key for one writer; an unknown key throws, naming the writer. */
export interface DemoIds {
  /** The id under `key` in `map`; `what` names the kind of record in the error. */
  need(map: ReadonlyMap<string, string>, key: string, what: string): string;
  unitId(key: string): string;
  memberId(key: string): string;
  memberOrNull(key: string | null): string | null;
  /** The member's account, or null where the member has none. */
  accountOf(key: string | null): string | null;
}

/** The id lookups of a writer (`writer` begins its errors, e.g. "demo work"). */
export function demoIds(refs: DemoRefs, writer: string): DemoIds {
  const need = (map: ReadonlyMap<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`${writer}: unknown ${what} ${key}`);
    return id;
  };
  const memberId = (key: string) => need(refs.memberIds, key, 'member');
  return {
    need,
    unitId: (key) => need(refs.unitIds, key, 'unit'),
    memberId,
    memberOrNull: (key) => (key === null ? null : memberId(key)),
    accountOf: (key) => (key === null ? null : (refs.accountOfMember.get(key) ?? null)),
  };
}

/** The key of a cell's meeting on a day in `cellMeetingIds` (a cell never meets twice on a day). */
export const cellDay = (unitId: string, date: string): string => `${unitId}|${date}`;

/** The stored meetings' ids by cell and day (`cellDay`), of one kind or of all. */
export async function cellMeetingIds(trx: Kysely<Database>, kind?: 'regular'): Promise<Map<string, string>> {
  let query = trx.selectFrom('meetings').select(['id', 'unit_id', 'meeting_date']);
  if (kind) query = query.where('kind', '=', kind);
  const ids = new Map<string, string>();
  for (const m of await query.execute()) ids.set(cellDay(m.unit_id, m.meeting_date), m.id);
  return ids;
}
