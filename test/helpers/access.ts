import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import type { TestApp } from './app.js';
import { auditCount, lastAudit } from './accounts.js';
import { requester, type Method } from './meetings.js';

/**
 * A caller: a demo username, or a function returning a signed-in cookie (a factory-built
 * account's `cookie`, or one signing in a test account).
 */
export type Who = string | (() => string | Promise<string>);

/** The fields a 400 names, in order. */
export const fieldsOf = (res: LightMyRequestResponse): string[] => ((res.json().error?.fields ?? []) as { field: string }[]).map((f) => f.field);

/** One endpoint of the four-case authorization table. */
export type AccessRow<F> = AccessCases<F> & (OutsideScope<F> | OwnDataOnly);

/** A caller with the role, but over another unit: 404 exactly like a missing record. */
interface OutsideScope<F> {
  other: Who;
  /** The same request naming a record that does not exist. */
  missing: (f: F) => string;
  missingBody?: (f: F) => unknown;
}

/**
 * A route that names no record, only the caller's own data (GET /api/me/work): there is no other
 * unit's record to refuse, so no 404 case.
 */
interface OwnDataOnly {
  other: null;
  missing?: never;
  missingBody?: never;
}

interface AccessCases<F> {
  route: string;
  method: Method;
  url: (f: F) => string;
  body?: (f: F) => unknown | Promise<unknown>;
  /** Callers without the role for this action anywhere: 403 (none when any signed-in account may call it). */
  forbidden: Who[];
  happy: {
    who: Who;
    status: number;
    audit?: string;
    /** The happy request's own URL, when the allowed caller works on another record than `url` names. */
    url?: (f: F) => string;
    body?: (f: F) => unknown;
    check?: (res: LightMyRequestResponse, f: F) => void | Promise<void>;
  };
}

/**
 * Registers, for each row, a test of the four cases every endpoint answers: 401 anonymous, 403
 * without the role anywhere, 404 outside the caller's scope (the same body as a missing record),
 * and the happy path with its one audit entry; refused calls write nothing (`state` is compared
 * before and after). A route open to every signed-in account, or naming no record, leaves the
 * 403 or the 404 case out, and its test's name says which cases it checks. Also checks the table lists exactly the routes `routesFile` registers (one
 * file, or all the files a feature splits its routes into). Rows may carry fields of their own
 * (`R`) that `fixture` reads, e.g. the state the record should be in.
 */
export function accessMatrix<F, R extends object = AccessRow<F>>(
  t: () => TestApp,
  options: { routesFile: URL | URL[]; rows: (R & AccessRow<F>)[]; fixture: (row: R & AccessRow<F>) => Promise<F>; state: (f: F) => Promise<unknown> },
): void {
  const call = requester(t);
  const as = async (who: Who): Promise<string> => (typeof who === 'string' ? t().login(who) : await who());

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
    const cases = ['401 anonymous', ...(row.forbidden.length ? ['403 wrong role'] : []), ...(row.other !== null ? ['404 outside scope like a missing record'] : [])];
    it(`${row.route}: ${cases.join(', ')}, then ${row.happy.status}`, async () => {
      const f = await options.fixture(row);
      const body = row.body ? await row.body(f) : undefined;
      // Signing in writes to the audit log: do it before counting entries.
      const forbidden = await Promise.all(row.forbidden.map(as));
      const other = row.other !== null ? await as(row.other) : null;
      const allowed = await as(row.happy.who);
      const [audits, before] = [await auditCount(t()), await options.state(f)];

      const anonymous = await call(row.method, row.url(f), null, body);
      expect(anonymous.statusCode, anonymous.body).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthorized');

      for (const [i, cookie] of forbidden.entries()) {
        const res = await call(row.method, row.url(f), cookie, body);
        const who = row.forbidden[i]!;
        expect(res.statusCode, `${typeof who === 'string' ? who : `forbidden caller ${i + 1}`}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }

      if (other !== null && row.other !== null) {
        const outside = await call(row.method, row.url(f), other, body);
        const missing = await call(row.method, row.missing(f), other, row.missingBody ? row.missingBody(f) : body);
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
        expect(await auditCount(t())).toBe(audits + 1);
        expect((await lastAudit(t())).action).toBe(row.happy.audit);
      } else {
        expect(await auditCount(t())).toBe(audits);
      }
      await row.happy.check?.(happy, f);
    });
  }
}
