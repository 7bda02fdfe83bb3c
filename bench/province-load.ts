import { sql } from 'kysely';
import type { DatabaseHandle } from '../src/db/database.js';
import { newId, nowIso } from '../src/db/ids.js';
import { DEMO_PASSWORD } from '../src/core/passwords.js';
import { insertAccountWithRoles } from '../src/features/accounts/service.js';
import { writeTransaction } from '../src/features/audit/service.js';
import { loadStartingChecklist } from '../src/features/checklist/service.js';
import { bulkInsert } from './bulk-insert.js';
import { communeSizes, generateCommune, provinceTables, type ProvinceTable } from './province-generate.js';

/** The province the bench builds: `BENCH_SCALE` / `BENCH_MEMBERS`, `BENCH_COMMUNES`, `BENCH_YEAR`. */
export interface ProvinceScale {
  members: number;
  communes: number;
  year: number;
}

/** Named scales; BENCH_MEMBERS sets any other size. */
export const namedScales: Record<string, number> = { province: 150_000, 'province-max': 500_000 };

/**
 * The scale asked for in the environment, or null for the default commune-size bench. Communes
 * default to one per 3,500 members and never fewer than 100 (a province has 100+), unless
 * BENCH_COMMUNES says otherwise (small trial runs).
 */
export function scaleFromEnv(env: NodeJS.ProcessEnv): ProvinceScale | null {
  const named = env.BENCH_SCALE ? namedScales[env.BENCH_SCALE] : undefined;
  if (env.BENCH_SCALE && named === undefined) throw new Error(`BENCH_SCALE=${env.BENCH_SCALE}: expected one of ${Object.keys(namedScales).join(', ')} (or set BENCH_MEMBERS)`);
  const members = env.BENCH_MEMBERS ? Number(env.BENCH_MEMBERS) : named;
  if (members === undefined) return null;
  if (!Number.isInteger(members) || members < 100) throw new Error(`BENCH_MEMBERS=${env.BENCH_MEMBERS}: expected a whole number ≥ 100`);
  const communes = env.BENCH_COMMUNES ? Number(env.BENCH_COMMUNES) : Math.max(100, Math.round(members / 3_500));
  if (!Number.isInteger(communes) || communes < 1 || members / communes < 20) throw new Error(`BENCH_COMMUNES=${env.BENCH_COMMUNES}: expected a whole number, at least 20 members each`);
  return { members, communes, year: Number(env.BENCH_YEAR ?? 2022) };
}

export interface ProvinceLoad {
  provinceId: string;
  /** A generated commune of about median size, for reads inside one commune of the province. */
  sampleCommuneId: string;
  /** Rows written, by table (the province's own unit counted in `units`). */
  rows: Record<ProvinceTable, number>;
  loadMs: number;
}

/** Username of the province committee's account (password: the demo's), made by the bench. */
export const PROVINCE_ACCOUNT = 'bench.tinhuy';

/**
 * Builds the province under its own root: the root unit, the checklist it keeps and a province
 * committee account through the app's services (audited, as the app would), then every commune
 * generated and bulk-inserted in one transaction per commune (not audited: benchmark data).
 * PostgreSQL's statistics are refreshed at the end, as autovacuum would in a running system.
 */
export async function loadProvince(handle: DatabaseHandle, scale: ProvinceScale, progress: (line: string) => void = () => {}): Promise<ProvinceLoad> {
  const started = Date.now();
  const now = nowIso();
  const dialect = handle.dialect.name;
  const provinceId = newId();
  const province = { id: provinceId, path: `/${provinceId}/`, depth: 0 };
  const checklist = await writeTransaction(handle, async (trx) => {
    await bulkInsert(trx, dialect, 'units', [
      { ...province, parent_id: null, kind: 'province', name: 'Tỉnh ủy Đo Kiểm (dữ liệu đo hiệu năng)', search_name: 'tinh uy do kiem (du lieu do hieu nang)', code: null, contact_name: null, contact_phone: null, village_name: null, archived_at: null, created_at: now, updated_at: now },
    ]);
    await insertAccountWithRoles(trx, handle, null, { username: PROVINCE_ACCOUNT, displayName: 'Tỉnh ủy (đo hiệu năng)', unitId: provinceId, memberId: null, password: DEMO_PASSWORD, mustChangePassword: false, roles: [{ role: 'party_committee', unitId: provinceId }] });
    return loadStartingChecklist(trx, handle.dialect, provinceId, null);
  });
  const rows = Object.fromEntries(provinceTables.map((t) => [t, 0])) as Record<ProvinceTable, number>;
  rows.units = 1;
  const sizes = communeSizes(scale.members, scale.communes);
  const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)]!;
  let sampleCommuneId = '';
  let card = 60_000_000;
  for (const [index, members] of sizes.entries()) {
    const commune = generateCommune({ index, members, province, year: scale.year, firstCard: card, checklist, now });
    card += members;
    if (members === median && !sampleCommuneId) sampleCommuneId = commune.units[0]!.id;
    await handle.db.transaction().execute(async (trx) => {
      // Foreign keys are not re-checked row by row on PostgreSQL (the rows are consistent by
      // construction, and SQLite, which keeps checking them, loads the same generator's rows).
      if (dialect === 'postgres') await sql`set local session_replication_role = replica`.execute(trx);
      for (const table of provinceTables) {
        await bulkInsert(trx, dialect, table, commune[table] as never);
        rows[table] += commune[table].length;
      }
    });
    if ((index + 1) % 10 === 0 || index + 1 === sizes.length) progress(`  ${index + 1}/${sizes.length} communes, ${rows.members} members, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  if (dialect === 'postgres') await sql`analyze`.execute(handle.db);
  return { provinceId, sampleCommuneId, rows, loadMs: Date.now() - started };
}
