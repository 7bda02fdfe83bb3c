import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, SignedInActor } from '../../core/context.js';
import { unauthorized } from '../../core/errors.js';
import { actorFromToken } from './service.js';

export const SESSION_COOKIE = 'tusoi_session';

/** The signed-in caller, looked up once per request. */
export async function currentActor(ctx: AppContext, request: FastifyRequest): Promise<SignedInActor | null> {
  if (request.actorCache !== undefined) return request.actorCache;
  const token = request.cookies[SESSION_COOKIE];
  request.actorCache = token ? await actorFromToken(ctx, token) : null;
  return request.actorCache;
}

export async function requireActor(ctx: AppContext, request: FastifyRequest): Promise<SignedInActor> {
  const actor = await currentActor(ctx, request);
  if (!actor) throw unauthorized();
  return actor;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * onRequest hook for routes that need a signed-in caller: runs before validation, so an
 * anonymous request gets 401 whatever its body looks like.
 */
export function authenticate(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    await requireActor(ctx, request);
  };
}

/** The caller of a route guarded by `authenticate`. */
export function actorOf(request: FastifyRequest): SignedInActor {
  if (!request.actorCache) throw unauthorized();
  return request.actorCache;
}
