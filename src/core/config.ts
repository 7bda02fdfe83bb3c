import path from 'node:path';
import { z } from 'zod';

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

/** A variable that is missing or empty takes its default; one that is set must be right. */
const unset = (value: unknown) => value === undefined || value === '';

/** A whole number in [min, max]; what it expects is said in both languages when it is not. */
function wholeNumber(fallback: number, min: number, max: number) {
  const expected = { error: () => `một số nguyên từ ${min} đến ${max} / a whole number from ${min} to ${max}` };
  return z.preprocess(
    (v) => (unset(v) ? fallback : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : v),
    z.number(expected).int(expected).min(min, expected).max(max, expected),
  );
}

function flag() {
  return z.preprocess(
    (v) => (unset(v) ? '0' : String(v).trim().toLowerCase()),
    z.enum(['1', '0', 'true', 'false'], { error: () => '1, 0, true hoặc false / 1, 0, true or false' })
      .transform((v) => v === '1' || v === 'true'),
  );
}

function text(fallback: string) {
  return z.preprocess((v) => (unset(v) ? fallback : v), z.string());
}

/** A limit so high it never bites (the benchmark turns the flood guard off this way). */
const NO_LIMIT = 1_000_000_000_000;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The environment's variables by name, each with its default and what it accepts. */
const envSchema = z.object({
  PORT: wholeNumber(3000, 0, 65535),
  HOST: text('0.0.0.0'),
  DATA_DIR: text('data'),
  DATABASE_URL: z.preprocess(
    (v) => (unset(v) ? undefined : v),
    z.string()
      .regex(/^postgres(ql)?:\/\//, { error: () => 'một địa chỉ postgres://… / a postgres://… URL' })
      .optional(),
  ),
  NODE_ENV: text('development'),
  SESSION_IDLE_HOURS: wholeNumber(72, 1, 24 * 365),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1200, 1, NO_LIMIT),
  TRUST_PROXY: flag(),
  WEB_DIR: text('dist/web'),
  LOG_LEVEL: z.preprocess(
    (v) => (unset(v) ? 'info' : v),
    z.enum(LOG_LEVELS, { error: () => `một trong / one of ${LOG_LEVELS.join(', ')}` }),
  ),
  TUSOI_ALLOW_DEMO: flag(),
  MEETING_GRACE_MINUTES: wholeNumber(0, 0, 120),
  PUBLIC_FORM_MIN_SECONDS: wholeNumber(3, 0, 3600),
  PUBLIC_FEEDBACK_PER_IP_PER_HOUR: wholeNumber(20, 1, NO_LIMIT),
  PUBLIC_FEEDBACK_PER_CONTACT_PER_DAY: wholeNumber(5, 1, NO_LIMIT),
  PUBLIC_SENDS_PER_MINUTE: wholeNumber(10, 1, NO_LIMIT),
  PUBLIC_LOOKUPS_PER_MINUTE: wholeNumber(30, 1, NO_LIMIT),
});

/** A variable of the environment with a value the server cannot use; `npm start` stops on it. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; expected: string; given: string }[]) {
    super(
      problems
        .map((p) => `Biến môi trường ${p.variable}="${p.given}" không hợp lệ: cần ${p.expected}. (environment variable ${p.variable} is invalid)`)
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError naming every bad variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? '?');
      return { variable, expected: issue.message, given: String(env[variable] ?? '') };
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    production: e.NODE_ENV === 'production',
    sessionIdleHours: e.SESSION_IDLE_HOURS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    webDir: path.resolve(e.WEB_DIR),
    logLevel: e.LOG_LEVEL,
    allowDemoPasswords: e.TUSOI_ALLOW_DEMO,
    meetingGraceMinutes: e.MEETING_GRACE_MINUTES,
    publicFormMinSeconds: e.PUBLIC_FORM_MIN_SECONDS,
    publicFeedbackPerIpPerHour: e.PUBLIC_FEEDBACK_PER_IP_PER_HOUR,
    publicFeedbackPerContactPerDay: e.PUBLIC_FEEDBACK_PER_CONTACT_PER_DAY,
    publicSendsPerMinute: e.PUBLIC_SENDS_PER_MINUTE,
    publicLookupsPerMinute: e.PUBLIC_LOOKUPS_PER_MINUTE,
  };
}

export function sqliteFile(config: Config): string {
  return path.join(config.dataDir, 'tusoi.db');
}
