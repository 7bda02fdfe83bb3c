import type { DatabaseHandle } from '../db/database.js';
import type { Actor } from '../domain/policy.js';
import type { Config } from './config.js';
import type { Lang } from './messages.js';
import type { Role } from '../domain/roles.js';
import type { UnitKind } from '../shared/enums.js';

/** What every feature's routes and services are given: no globals, so tests build many apps. */
export interface AppContext {
  handle: DatabaseHandle;
  config: Config;
  version: string;
}

/** The caller as seen by features: who they are and the session that proved it. */
export interface SignedInActor extends Actor {
  /** The same role assignments with what /api/me shows of them (loaded once per request). */
  roles: { id: string; role: Role; unitId: string; unitName: string; unitKind: UnitKind }[];
  locale: string;
  mustChangePassword: boolean;
  sessionId: string;
  username: string;
  displayName: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    /** undefined = not looked up yet; null = looked up, nobody signed in. */
    actorCache: SignedInActor | null | undefined;
  }
}

