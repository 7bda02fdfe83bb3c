import path from 'node:path';

/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set to postgres://…; otherwise SQLite in dataDir/tusoi.db. */
  databaseUrl: string | undefined;
  production: boolean;
  /** Hours a session lives without use before it must log in again. */
  sessionIdleHours: number;
  /** Requests per minute per IP for the whole API (a flood guard, not a login limiter). */
  rateLimitPerMinute: number;
  /** Trust X-Forwarded-* from a reverse proxy in front of the app. */
  trustProxy: boolean;
  /** Folder with the built web app, served at /. */
  webDir: string;
  logLevel: string;
  /** Accept the demo password even in production (only with an explicit `--demo`). */
  allowDemoPasswords: boolean;
  /** Minutes after a meeting's start that still count as on time (copied onto each new meeting). */
  meetingGraceMinutes: number;
  /** The public feedback form (ý kiến người dân): seconds a person needs at least to fill it in. */
  publicFormMinSeconds: number;
  /** Messages per address per hour and per contact per day, counted in the database (all instances). */
  publicFeedbackPerIpPerHour: number;
  publicFeedbackPerContactPerDay: number;
  /** Cheap first line, per instance and address: public sends and tracking-code lookups per minute. */
  publicSendsPerMinute: number;
  publicLookupsPerMinute: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    production: env.NODE_ENV === 'production',
    sessionIdleHours: Number(env.SESSION_IDLE_HOURS ?? 72),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 1200),
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    webDir: path.resolve(env.WEB_DIR ?? 'dist/web'),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowDemoPasswords: env.TUSOI_ALLOW_DEMO === '1',
    meetingGraceMinutes: Math.max(0, Math.min(120, Number(env.MEETING_GRACE_MINUTES ?? 0) || 0)),
    publicFormMinSeconds: Number(env.PUBLIC_FORM_MIN_SECONDS ?? 3),
    publicFeedbackPerIpPerHour: Number(env.PUBLIC_FEEDBACK_PER_IP_PER_HOUR ?? 20),
    publicFeedbackPerContactPerDay: Number(env.PUBLIC_FEEDBACK_PER_CONTACT_PER_DAY ?? 5),
    publicSendsPerMinute: Number(env.PUBLIC_SENDS_PER_MINUTE ?? 10),
    publicLookupsPerMinute: Number(env.PUBLIC_LOOKUPS_PER_MINUTE ?? 30),
  };
}

export function sqliteFile(config: Config): string {
  return path.join(config.dataDir, 'tusoi.db');
}
