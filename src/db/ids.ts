import { randomBytes } from 'node:crypto';

/**
 * UUID version 7 (RFC 9562): 48-bit millisecond timestamp then random bits. Time-ordered ids
 * keep B-tree inserts local on PostgreSQL and are unique across instances without coordination.
 */
export function newId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Current time as stored: ISO-8601 UTC with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString();
}
