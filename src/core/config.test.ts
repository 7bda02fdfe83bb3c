import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives every default for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      production: false,
      rateLimitPerMinute: 1200,
      trustProxy: false,
      logLevel: 'info',
      meetingGraceMinutes: 0,
      publicFormMinSeconds: 3,
    });
  });

  it('reads set values, and treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY: 'true', MEETING_GRACE_MINUTES: '10', DATABASE_URL: '', NODE_ENV: 'production' });
    expect(config).toMatchObject({ port: 8080, trustProxy: true, meetingGraceMinutes: 10, databaseUrl: undefined, production: true });
  });

  it('refuses bad values, naming each variable and what it expects in Vietnamese and English', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', RATE_LIMIT_PER_MINUTE: '12x', TRUST_PROXY: 'yes', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', MEETING_GRACE_MINUTES: '500' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'MEETING_GRACE_MINUTES', 'PORT', 'RATE_LIMIT_PER_MINUTE', 'TRUST_PROXY']);
    const message = (error as Error).message;
    expect(message).toContain('Biến môi trường PORT="abc" không hợp lệ: cần một số nguyên từ 0 đến 65535 / a whole number from 0 to 65535');
    expect(message).toContain('MEETING_GRACE_MINUTES="500"');
    expect(message).toContain('postgres://');
  });

  it('accepts a limit so high it never bites (the benchmark turns the flood guard off)', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '1000000000' }).rateLimitPerMinute).toBe(1_000_000_000);
  });

  it('refuses a fractional or negative number', () => {
    expect(() => loadConfig({ PUBLIC_SENDS_PER_MINUTE: '2.5' })).toThrow(/PUBLIC_SENDS_PER_MINUTE/);
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '-1' })).toThrow(/SESSION_IDLE_HOURS/);
  });
});
