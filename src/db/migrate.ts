import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_meetings.js';
import * as m0003 from './migrations/0003_tasks.js';
import * as m0004 from './migrations/0004_self_examination.js';
import * as m0005 from './migrations/0005_local_issues.js';
import * as m0006 from './migrations/0006_reference_wording.js';
import * as m0007 from './migrations/0007_inspection.js';
import * as m0008 from './migrations/0008_rating.js';
import * as m0009 from './migrations/0009_review_trigger_marks.js';
import * as m0010 from './migrations/0010_hot_path_indexes.js';

/**
 * Migrations are listed here (not discovered on disk) so the compiled server and the tests
 * run exactly the same set. Each migration receives the dialect helpers.
 */
export interface DialectMigration {
  up(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<void>;
}
const all: Record<string, DialectMigration> = {
  '0001_foundation': m0001,
  '0002_meetings': m0002,
  '0003_tasks': m0003,
  '0004_self_examination': m0004,
  '0005_local_issues': m0005,
  '0006_reference_wording': m0006,
  '0007_inspection': m0007,
  '0008_rating': m0008,
  '0009_review_trigger_marks': m0009,
  '0010_hot_path_indexes': m0010,
};

export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  return migrateUpTo(handle);
}

/** Runs the migrations up to and including `target` (all of them without one). */
export async function migrateUpTo(handle: DatabaseHandle, target?: string): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, migration] of Object.entries(all)) {
        out[name] = { up: (db) => migration.up({ db, dialect: handle.dialect }) };
      }
      return out;
    },
  };
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
