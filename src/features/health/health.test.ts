import { describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../test/helpers/db.js';
import { useTestApp } from '../../../test/helpers/app.js';
import { accessMatrix } from '../../../test/helpers/access.js';
import { buildAccount, buildCommune } from '../../../test/helpers/factories.js';

forEachDialect((dialect) => {
  const t = useTestApp(dialect);

  describe('GET /api/health', () => {
    it('answers without a session, naming the database in use', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: dialect, version: 'test' });
    });

    it('sends the security headers on every answer, the content security policy first among them', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers).toMatchObject({
        'content-security-policy':
          "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'self';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'SAMEORIGIN',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      });
      // An unknown path and a refusal carry them too.
      for (const url of ['/api/nowhere', '/api/me']) expect((await t().app.inject({ method: 'GET', url })).headers['content-security-policy']).toContain("default-src 'self'");
    });

    accessMatrix(t, {
      routesFile: new URL('./routes.ts', import.meta.url),
      rows: [
        {
          route: 'GET /api/health',
          method: 'GET',
          url: () => '/api/health',
          anonymous: { status: 200, reason: 'a load balancer asks without an account' },
          forbidden: { none: 'it asks for no account, so for no role' },
          other: { none: 'it names no record' },
          happy: {
            // A signed-in browser's cookie changes nothing, even an account's without a role.
            who: async () => (await buildAccount(t(), { roles: [], unitId: (await buildCommune(t(), { cells: 1, membersPerCell: 0 })).id })).cookie,
            status: 200,
            check: (res) => expect(res.json()).toEqual({ status: 'ok', database: dialect, version: 'test' }),
          },
        },
      ],
      fixture: async () => ({}),
      state: async () => null,
    });
  });

  describe('GET /api/openapi.json', () => {
    it('documents every API route with its request and error schemas', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      for (const route of [
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/auth/password',
        'GET /api/me',
        'GET /api/units',
        'GET /api/units/{id}',
        'POST /api/units',
        'PATCH /api/units/{id}',
        'POST /api/units/{id}/move',
        'POST /api/units/{id}/archive',
        'POST /api/units/{id}/restore',
        'GET /api/units/{id}/members',
        'GET /api/members/{id}',
        'POST /api/members',
        'PATCH /api/members/{id}',
        'GET /api/audit',
        'GET /api/accounts',
        'POST /api/accounts',
        'PATCH /api/accounts/{id}',
        'POST /api/accounts/{id}/reset-password',
      ]) {
        expect(documented, route).toContain(route);
      }
      const login = doc.paths['/api/auth/login'].post;
      expect(Object.keys(login.requestBody.content['application/json'].schema.properties).sort()).toEqual(['locale', 'password', 'username']);
      expect(Object.keys(login.responses).sort()).toEqual(['200', '400', '401', '429']);
    });

    it('is browsable at /api/docs', async () => {
      const res = await t().app.inject({ method: 'GET', url: '/api/docs/' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    });

    it('answers unknown API paths with a JSON 404 in the caller\'s language', async () => {
      const vi = await t().app.inject({ method: 'GET', url: '/api/khong-co' });
      expect(vi.statusCode).toBe(404);
      expect(vi.json().error.message).toBe('Không có địa chỉ API này.');
      const en = await t().app.inject({ method: 'GET', url: '/api/nope', headers: { 'accept-language': 'en' } });
      expect(en.json().error.message).toBe('No such API endpoint.');
    });
  });
});

forEachDialect((dialect) => {
  const t = useTestApp(dialect);
  it('answers other client errors Fastify raises in the caller\'s language, not Fastify\'s English', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': '5' },
      payload: '{"username":"a","password":"b"}',
    });
    // A Content-Length that disagrees with the body (FST_ERR_CTP_INVALID_CONTENT_LENGTH).
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'bad_request', message: 'Yêu cầu không hợp lệ.' });
  });
});
