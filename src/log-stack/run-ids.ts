import { randomBytes } from 'node:crypto';

/**
 * Ids that find injected events again: one token of lower-case letters and digits (the
 * standard analyzer keeps it whole), a prefix per test file and run, and a number per event.
 */
export function runPrefix(fileTag: string): string {
  return `t${randomBytes(5).toString('hex')}${fileTag}`;
}

export function eventId(prefix: string, n: number): string {
  return `${prefix}n${n}x`;
}

/** The documents whose message carries exactly this id. */
export function carriesId(message: unknown, id: string): boolean {
  return typeof message === 'string' && new RegExp(`(^|[^a-z0-9])${id}([^a-z0-9]|$)`, 'i').test(message);
}
