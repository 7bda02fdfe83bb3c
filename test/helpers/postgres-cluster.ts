/**
 * Throwaway PostgreSQL cluster for the integration suite.
 *
 * Uses the Debian server binaries (`apt-get install postgresql`) found under
 * /usr/lib/postgresql/<version>/bin (or $TUSOI_PG_BIN). The cluster lives in a
 * fresh temp folder, listens on a free 127.0.0.1 port, trusts every local
 * connection and runs with durability turned off (fsync etc.) for speed.
 * When running as root (CI), every binary runs as the `postgres` OS user via
 * `runuser`, because initdb/postgres refuse to run as root.
 */
import { execFile, spawnSync } from 'node:child_process';
import { freePort } from './server.js';
import { existsSync, rmSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';
const NOT_FOUND_MESSAGE =
  'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin — install the Debian package: apt-get install postgresql';

export interface PostgresCluster {
  /** Superuser URL, e.g. postgres://postgres@127.0.0.1:PORT/postgres */
  adminUrl: string;
  /** Stops the server (immediate mode) and deletes its folder. Idempotent. */
  stop(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Directory holding initdb and pg_ctl: $TUSOI_PG_BIN, else the highest /usr/lib/postgresql/<v>/bin. */
async function findPgBin(): Promise<string> {
  const hasTools = (dir: string) =>
    existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));

  const fromEnv = process.env.TUSOI_PG_BIN;
  if (fromEnv) {
    if (hasTools(fromEnv)) return fromEnv;
    throw new Error(`TUSOI_PG_BIN=${fromEnv} does not contain initdb and pg_ctl. ${NOT_FOUND_MESSAGE}`);
  }

  let versions: string[] = [];
  try {
    versions = await fs.readdir(PG_ROOT);
  } catch {
    // no /usr/lib/postgresql at all
  }
  const candidates = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(PG_ROOT, v, 'bin'))
    .filter(hasTools);
  if (candidates.length === 0) throw new Error(NOT_FOUND_MESSAGE);
  return candidates[0]!;
}

async function postgresUser(): Promise<RunAs> {
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'Running as root but there is no "postgres" OS user to run the server as — install the Debian package: apt-get install postgresql',
    );
  }
}

/** True when every ancestor of `dir` can be traversed by "others" (so the postgres user can reach it). */
function traversableByOthers(dir: string): boolean {
  let cur = path.resolve(dir);
  for (;;) {
    try {
      if ((statSync(cur).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(cur);
    if (parent === cur) return true;
    cur = parent;
  }
}

/** Base folder for the cluster: os.tmpdir() unless unusable (postgres can't reach it, or socket path too long). */
function tempBase(asRoot: boolean): string {
  const base = os.tmpdir();
  // Unix socket paths are limited to ~107 bytes; keep a margin for "/tusoi-pg-XXXXXX/sock/.s.PGSQL.NNNNN".
  const usable = base.length <= 60 && /^[\w./-]+$/.test(base) && (!asRoot || traversableByOthers(base));
  return usable ? base : '/tmp';
}

async function chownRecursive(p: string, owner: RunAs): Promise<void> {
  await fs.chown(p, owner.uid, owner.gid);
  const st = await fs.lstat(p);
  if (!st.isDirectory()) return;
  for (const entry of await fs.readdir(p)) {
    await chownRecursive(path.join(p, entry), owner);
  }
}

/** Runs a PostgreSQL binary (as the postgres user when we are root). Rejects with output + context on failure. */
async function runPg(bin: string, args: string[], asRoot: boolean, cwd: string): Promise<string> {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    const { stdout, stderr } = await execFileAsync(file, argv, {
      cwd,
      env: { ...process.env, LC_MESSAGES: 'C' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout + stderr;
  } catch (err) {
    const e = err as Error & { stdout?: string; stderr?: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
    throw new Error(`${path.basename(bin)} ${args.join(' ')} failed: ${e.message}${output ? `\n${output}` : ''}`);
  }
}

/** Same as runPg but synchronous — usable from a process 'exit' handler. Never throws. */
function runPgSync(bin: string, args: string[], asRoot: boolean, cwd: string): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  spawnSync(file, argv, { cwd, stdio: 'ignore', timeout: 15_000 });
}

async function readTail(file: string, lines = 30): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForConnection(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms: ${String(lastError)}`);
}

/** Starts a throwaway PostgreSQL cluster. Call `stop()` when done. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const started = Date.now();
  const binDir = await findPgBin();
  const initdb = path.join(binDir, 'initdb');
  const pgCtl = path.join(binDir, 'pg_ctl');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? await postgresUser() : undefined;

  const root = await fs.mkdtemp(path.join(tempBase(asRoot), 'tusoi-pg-'));
  await fs.chmod(root, 0o700);
  const dataDir = path.join(root, 'data');
  const sockDir = path.join(root, 'sock');
  const logFile = path.join(root, 'postgres.log');
  await fs.mkdir(sockDir, { mode: 0o700 });
  if (owner) await chownRecursive(root, owner);

  let running = false;
  const removeSync = () => {
    if (running) runPgSync(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asRoot, root);
    rmSync(root, { recursive: true, force: true });
  };
  // Safety net if the process exits without calling stop() (sync work only in 'exit').
  process.once('exit', removeSync);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener('exit', removeSync);
      if (running) {
        await runPg(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asRoot, root).catch((err) => {
          process.stderr.write(`[postgres-cluster] stop: ${(err as Error).message}\n`);
        });
        running = false;
      }
      await fs.rm(root, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    const initArgs = ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'];
    try {
      await runPg(initdb, [...initArgs, '--locale=C.UTF-8'], asRoot, root);
    } catch {
      // C.UTF-8 unavailable (very old/minimal systems): retry with plain C.
      await fs.rm(dataDir, { recursive: true, force: true });
      await runPg(initdb, [...initArgs, '--locale=C'], asRoot, root);
    }

    // The port may be taken between probing and binding; retry a few times with a new one.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const serverOpts = [
        `-p ${port}`,
        `-k ${sockDir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await runPg(pgCtl, ['-D', dataDir, '-o', serverOpts, '-l', logFile, '-w', '-t', '60', 'start'], asRoot, root);
        running = true;
        break;
      } catch (err) {
        // pg_ctl may have left a half-started postmaster behind; make sure it is gone.
        await runPg(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asRoot, root).catch(() => {});
        if (attempt >= 3) {
          throw new Error(`${(err as Error).message}\n--- server log (${logFile}) ---\n${await readTail(logFile)}`);
        }
      }
    }

    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitForConnection(adminUrl);
    const version = path.basename(path.dirname(binDir));
    process.stderr.write(
      `[postgres-cluster] PostgreSQL ${version} on 127.0.0.1:${port} ready in ${Date.now() - started} ms (${root})\n`,
    );
    return { adminUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function assertDbName(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Invalid database name ${JSON.stringify(name)} (allowed: /^[a-z0-9_]+$/)`);
  }
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** URL of database `name` on the same server as `url`. */
export function databaseUrl(url: string, name: string): string {
  assertDbName(name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** CREATE DATABASE "<name>" and return its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  assertDbName(name);
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(adminUrl, name);
}

/** DROP DATABASE IF EXISTS "<name>" WITH (FORCE) — disconnects remaining sessions. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertDbName(name);
  await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
