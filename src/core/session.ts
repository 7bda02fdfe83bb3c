import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInActor } from './context.js';
import { unauthorized } from './errors.js';

/**
 * Who is calling: the request's session cookie, turned into an actor by the resolver the
 * server installs at composition (the auth feature's, which owns the sessions table). Every
 * feature's routes need this, so it lives here below them rather than inside auth.
 */
export type ActorResolver = (token: string) => Promise<SignedInActor | null>;

declare module 'fastify' {
  interface FastifyInstance {
    resolveActor: ActorResolver;
  }
}

export const SESSION_COOKIE = 'tusoi_session';

/** The signed-in caller, looked up once per request. */
export async function currentActor(request: FastifyRequest): Promise<SignedInActor | null> {
  if (request.actorCache !== undefined) return request.actorCache;
  const token = request.cookies[SESSION_COOKIE];
  request.actorCache = token ? await request.server.resolveActor(token) : null;
  return request.actorCache;
}

export async function requireActor(request: FastifyRequest): Promise<SignedInActor> {
  const actor = await currentActor(request);
  if (!actor) throw unauthorized();
  return actor;
}

/**
 * onRequest hook for routes that need a signed-in caller: runs before validation, so an
 * anonymous request gets 401 whatever its body looks like.
 */
export async function authenticate(request: FastifyRequest): Promise<void> {
  await requireActor(request);
}

/** The caller of a route guarded by `authenticate`. */
export function actorOf(request: FastifyRequest): SignedInActor {
  if (!request.actorCache) throw unauthorized();
  return request.actorCache;
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
