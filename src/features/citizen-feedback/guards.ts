import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database.js';
import { nowIso } from '../../db/ids.js';
import { checkFormAge, type FormAge } from '../../domain/citizen-feedback.js';
import * as repo from './repo.js';

/**
 * The public form's guards that need a key: the signed form token (time-to-fill), and hashes of
 * addresses and contacts so the counters never store an IP address or a phone number. The key is
 * made once and kept in the database, so every instance behind a load balancer shares it.
 */
const SECRET_NAME = 'public_form_key';
const keys = new WeakMap<object, Promise<Buffer>>();

export function formKey(handle: Pick<DatabaseHandle, 'db'>): Promise<Buffer> {
  let key = keys.get(handle);
  if (!key) {
    key = (async () => {
      await repo.insertSecretIfMissing(handle.db, { name: SECRET_NAME, value: randomBytes(32).toString('base64'), created_at: nowIso() });
      const row = await repo.findSecret(handle.db, SECRET_NAME);
      return Buffer.from(row!.value, 'base64');
    })();
    // A failed first read (the database was down) must not stick.
    key.catch(() => keys.delete(handle));
    keys.set(handle, key);
  }
  return key;
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/** `issuedAt.nonce.signature`: the server's word that it handed out this form at that time. */
export function signFormToken(key: Buffer, issuedAtMs: number): string {
  const body = `${issuedAtMs}.${randomBytes(9).toString('base64url')}`;
  return `${body}.${hmac(key, `form:${body}`)}`;
}

export function checkFormToken(key: Buffer, token: string, nowMs: number, minSeconds: number): FormAge | 'invalid' {
  const parts = token.split('.');
  if (parts.length !== 3) return 'invalid';
  const [issued, nonce, signature] = parts as [string, string, string];
  const expected = Buffer.from(hmac(key, `form:${issued}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt)) return 'invalid';
  return checkFormAge(issuedAt, nowMs, minSeconds);
}

/** Keyed hashes for the counters and the duplicate check. */
export const hashIp = (key: Buffer, ip: string) => hmac(key, `ip:${ip}`);
export const hashContact = (key: Buffer, contact: string) => hmac(key, `contact:${contact}`);
export const hashContent = (key: Buffer, fingerprint: string) => hmac(key, `content:${fingerprint}`);

/** A tracking code's stored form. Unkeyed: 56 random bits need no key, and a lookup stays one hash. */
export const hashTrackingCode = (normalised: string) => createHash('sha256').update(`code:${normalised}`).digest('base64url');
