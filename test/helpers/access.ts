import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import type { TestApp } from './app.js';
import { auditCount, lastAudit } from './accounts.js';

/** The actions of the last `n` audit entries, oldest first. */
async function lastActions(t: TestApp, n: number): Promise<string[]> {
  const rows = await t.db.db.selectFrom('audit_log').select('action').orderBy('seq', 'desc').limit(n).execute();
  return rows.map((r) => r.action).reverse();
}
import { requester, type Method } from './meetings.js';

/**
 * A caller: a demo username, or a function returning a signed-in cookie (a factory-built
 * account's `cookie`, or one signing in a test account).
 */
export type Who = string | (() => string | Promise<string>);

/** The fields a 400 names, in order. */
export const fieldsOf = (res: LightMyRequestResponse): string[] => ((res.json().error?.fields ?? []) as { field: string }[]).map((f) => f.field);

/**
 * A case that does not apply to an endpoint, with the reason written where the row is: a route
 * naming no record has no "another unit's record", one open to every account no wrong role.
 */
export interface NotApplicable {
  none: string;
}

const notApplicable = (value: unknown): value is NotApplicable => typeof value === 'object' && value !== null && 'none' in value;

/** The caller with the role, but over another unit, and the request naming a missing record that it must answer like. */
type Scope<F> =
  | {
      /** A caller with the role, but over another unit: 404 exactly like a missing record. */
      other: Who;
      /** The same request naming a record that does not exist. */
      missing: (f: F) => string;
      missingBody?: (f: F) => unknown;
    }
  | { other: NotApplicable; missing?: never; missingBody?: never };

/** One endpoint of the four-case authorization table. */
export type AccessRow<F> = Scope<F> & {
  route: string;
  method: Method;
  url: (f: F) => string;
  body?: (f: F) => unknown | Promise<unknown>;
  /** An endpoint public by design: what an anonymous caller gets instead of 401, and why. */
  anonymous?: { status: number; reason: string };
  /** Callers without the role for this action anywhere: 403. */
  forbidden: Who[] | NotApplicable;
  happy: {
    /** null: an anonymous caller, for an endpoint `anonymous` opens. */
    who: Who | null;
    status: number;
    /** The audit entry the happy call writes, or several in order (a follow-up also writes the task or item it moves). */
    audit?: string | readonly string[];
    /** The happy request's own URL, when the allowed caller works on another record than `url` names. */
    url?: (f: F) => string;
    body?: (f: F) => unknown;
    check?: (res: LightMyRequestResponse, f: F) => void | Promise<void>;
  };
};

/**
 * Registers, for each row, a test of the four cases every endpoint answers: 401 anonymous, 403
 * without the role anywhere, 404 outside the caller's scope (the same body as a missing record),
 * and the happy path with its one audit entry; refused calls write nothing (`state` is compared
 * before and after). A row says, with its reason, where a case does not apply: `anonymous` for
 * an endpoint public by design (its anonymous call is made first, as it may write), `{ none }`
 * for `forbidden` or `other`. Also checks the table lists exactly the routes `routesFile`
 * registers (one file, or all the files a feature splits its routes into). Rows may carry fields
 * of their own (`R`) that `fixture` reads, e.g. the state the record should be in.
 */
export function accessMatrix<F, R extends object = AccessRow<F>>(
  t: () => TestApp,
  options: { routesFile: URL | URL[]; rows: (R & AccessRow<F>)[]; fixture: (row: R & AccessRow<F>) => Promise<F>; state: (f: F) => Promise<unknown> },
): void {
  const call = requester(t);
  const as = async (who: Who | null): Promise<string | null> => (who === null ? null : typeof who === 'string' ? t().login(who) : await who());

  const files = Array.isArray(options.routesFile) ? options.routesFile : [options.routesFile];
  const fileNames = files.map((file) => file.pathname.split('/').pop()).join(', ');
  it(`covers every route ${fileNames} registers, each one served`, () => {
    const source = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    const declared = [...source.matchAll(/\br\.(get|post|put|patch|delete)\(\s*'([^']+)'/g)].map((m) => `${m[1]!.toUpperCase()} ${m[2]}`);
    expect(declared.length).toBeGreaterThan(0);
    expect(options.rows.map((r) => r.route).sort()).toEqual([...declared].sort());
    for (const row of options.rows) {
      const [method, url] = row.route.split(' ') as [Method, string];
      expect(t().app.hasRoute({ method, url }), row.route).toBe(true);
    }
  });

  for (const row of options.rows) {
    const cases = [
      row.anonymous ? `${row.anonymous.status} anonymous (${row.anonymous.reason})` : '401 anonymous',
      notApplicable(row.forbidden) ? `no wrong role (${row.forbidden.none})` : '403 wrong role',
      notApplicable(row.other) ? `no other unit's record (${row.other.none})` : '404 outside scope like a missing record',
    ];
    it(`${row.route}: ${cases.join(', ')}, then ${row.happy.status}`, async () => {
      const reasons = [...(row.anonymous ? [row.anonymous.reason] : []), ...[row.forbidden, row.other].filter(notApplicable).map((c) => c.none)];
      for (const reason of reasons) expect(reason.trim(), 'a case left out says why').not.toBe('');
      const f = await options.fixture(row);
      const body = row.body ? await row.body(f) : undefined;
      if (row.anonymous) {
        // Open by design, so it may write (signing in does): before counting entries.
        const open = await call(row.method, row.url(f), null, body);
        expect(open.statusCode, `${row.anonymous.reason}: ${open.body}`).toBe(row.anonymous.status);
      }
      // Signing in writes to the audit log: do it before counting entries.
      const forbiddenWho = notApplicable(row.forbidden) ? [] : row.forbidden;
      const forbidden = await Promise.all(forbiddenWho.map(as));
      const other = notApplicable(row.other) ? null : { cookie: await as(row.other), missing: row.missing!, missingBody: row.missingBody };
      const allowed = await as(row.happy.who);
      const [audits, before] = [await auditCount(t()), await options.state(f)];

      if (!row.anonymous) {
        const anonymous = await call(row.method, row.url(f), null, body);
        expect(anonymous.statusCode, anonymous.body).toBe(401);
        expect(anonymous.json().error.code).toBe('unauthorized');
      }

      for (const [i, cookie] of forbidden.entries()) {
        const res = await call(row.method, row.url(f), cookie, body);
        const who = forbiddenWho[i]!;
        expect(res.statusCode, `${typeof who === 'string' ? who : `forbidden caller ${i + 1}`}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }

      if (other) {
        const outside = await call(row.method, row.url(f), other.cookie, body);
        const missing = await call(row.method, other.missing(f), other.cookie, other.missingBody ? other.missingBody(f) : body);
        expect(outside.statusCode, outside.body).toBe(404);
        expect(missing.statusCode, missing.body).toBe(404);
        expect(outside.body).toBe(missing.body);
        expect(outside.json().error.code).toBe('not_found');
      }

      expect(await auditCount(t())).toBe(audits);
      expect(await options.state(f)).toEqual(before);

      const happy = await call(row.method, (row.happy.url ?? row.url)(f), allowed, row.happy.body ? row.happy.body(f) : body);
      expect(happy.statusCode, happy.body).toBe(row.happy.status);
      if (row.happy.audit) {
        const expected = typeof row.happy.audit === 'string' ? [row.happy.audit] : [...row.happy.audit];
        expect(await auditCount(t())).toBe(audits + expected.length);
        if (expected.length === 1) expect((await lastAudit(t())).action).toBe(expected[0]);
        else expect(await lastActions(t(), expected.length)).toEqual(expected);
      } else {
        expect(await auditCount(t())).toBe(audits);
      }
      await row.happy.check?.(happy, f);
    });
  }
}
