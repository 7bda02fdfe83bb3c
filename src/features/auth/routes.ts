import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.js';
import { errorResponse } from '../../shared/schemas.js';
import { changePasswordBody, loginBody, meResponse, okResponse, updateMeBody } from './schemas.js';
import * as service from './service.js';
import { actorOf, authenticate, clearSessionCookie, setSessionCookie } from '../../core/session.js';

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signedIn = authenticate;

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập — sign in; sets an httpOnly session cookie',
        body: loginBody,
        response: { 200: meResponse, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const { token, expiresAt } = await service.login(ctx, request.body, request.ip);
      setSessionCookie(reply, token, expiresAt);
      const actor = await service.actorFromToken(ctx, token);
      return service.describeMe(ctx, actor!);
    },
  );

  r.post(
    '/api/auth/logout',
    { onRequest: signedIn, schema: { tags: ['auth'], summary: 'Đăng xuất — sign out', response: { 200: okResponse, 401: errorResponse } } },
    async (request, reply) => {
      await service.logout(ctx, actorOf(request));
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    {
      onRequest: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu — change own password (signs out other devices)',
        body: changePasswordBody,
        response: { 200: okResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => {
      await service.changePassword(ctx, actorOf(request), request.body);
      return { ok: true as const };
    },
  );

  r.patch(
    '/api/me',
    {
      onRequest: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Ngôn ngữ của tôi — remember the account\'s language',
        body: updateMeBody,
        response: { 200: meResponse, 400: errorResponse, 401: errorResponse },
      },
    },
    async (request) => service.describeMe(ctx, await service.setMyLocale(ctx, actorOf(request), request.body.locale)),
  );

  r.get(
    '/api/me',
    {
      onRequest: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản của tôi — the caller, their member record, roles and allowed actions',
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (request) => service.describeMe(ctx, actorOf(request)),
  );
}
