/**
 * Pure rules of the public feedback channel (ý kiến người dân): tracking codes, what counts as
 * the same message, and the rate limits. No I/O: callers pass randomness, counts and clocks in.
 */
import { foldVietnamese } from './vietnamese.js';

/**
 * 25 characters that read aloud without confusion in Vietnamese: digits 2–9 and letters of the
 * Vietnamese alphabet, without O/0, I/1/L and B/8 look-alikes, nor F, J, W, Z (not Vietnamese letters).
 */
export const TRACKING_ALPHABET = '23456789ACDEGHKMNPRSTUVXY';
export const TRACKING_CODE_LENGTH = 12;

/**
 * A new code from random bytes (at least 2 per character): 25^12 ≈ 6·10^16 codes (56 bits), so a
 * guesser allowed thousands of tries a day has no practical chance. Rejection sampling keeps every
 * character equally likely.
 */
export function newTrackingCode(randomBytes: (n: number) => Uint8Array): string {
  const limit = 256 - (256 % TRACKING_ALPHABET.length); // 250: bytes at or above it would bias the draw
  let code = '';
  while (code.length < TRACKING_CODE_LENGTH) {
    for (const b of randomBytes(TRACKING_CODE_LENGTH * 2)) {
      if (b >= limit) continue;
      code += TRACKING_ALPHABET[b % TRACKING_ALPHABET.length];
      if (code.length === TRACKING_CODE_LENGTH) break;
    }
  }
  return code;
}

/** The code as printed and read: groups of four, `K7DM-4MX9-TPAC`. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)!.join('-');
}

/**
 * What a citizen types, reduced to the stored form: case, spaces and dashes do not matter. The
 * result is hashed and looked up whatever it is, so a malformed code costs the same as a wrong one.
 */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** A phone number reduced to its digits, +84 written as 0; an email lower-cased. */
export function normaliseContact(contact: { phone?: string | undefined; email?: string | undefined }): string {
  if (contact.phone) {
    const digits = contact.phone.replace(/\D/g, '');
    return `tel:${digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits}`;
  }
  return `mail:${(contact.email ?? '').trim().toLowerCase()}`;
}

/** The words of a message without case, diacritics, punctuation or spacing: a re-sent copy matches. */
export function contentFingerprint(content: string): string {
  return foldVietnamese(content)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** How many messages an address and a contact may send. */
export interface PublicLimits {
  perIpPerHour: number;
  perContactPerDay: number;
}
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { perIpPerHour: 20, perContactPerDay: 5 };

/**
 * Whether one more message is allowed, and if not, in how many minutes to try again. A mobile
 * network puts a whole village behind one address, so the per-address limit is the looser one.
 */
export function checkPublicLimits(
  counts: { ipLastHour: number; contactLastDay: number },
  limits: PublicLimits = DEFAULT_PUBLIC_LIMITS,
): { allowed: true } | { allowed: false; retryMinutes: number; by: 'ip' | 'contact' } {
  if (counts.ipLastHour >= limits.perIpPerHour) return { allowed: false, retryMinutes: 60, by: 'ip' };
  if (counts.contactLastDay >= limits.perContactPerDay) return { allowed: false, retryMinutes: 24 * 60, by: 'contact' };
  return { allowed: true };
}

/** The same message again: same contact, same village, same words, within a day of the first. */
/** The longest message a citizen may send (the size cap of the public form). */
export const MAX_CITIZEN_CONTENT = 5000;

export const DUPLICATE_WINDOW_HOURS = 24;

/** The time-to-fill check: a person needs more than a few seconds; a form older than this is stale. */
export const FORM_MIN_SECONDS = 3;
export const FORM_MAX_AGE_HOURS = 24;

export type FormAge = 'ok' | 'too_fast' | 'expired';
export function checkFormAge(issuedAtMs: number, nowMs: number, minSeconds = FORM_MIN_SECONDS): FormAge {
  const age = nowMs - issuedAtMs;
  if (age < minSeconds * 1000) return 'too_fast';
  if (age > FORM_MAX_AGE_HOURS * 3600_000) return 'expired';
  return 'ok';
}
