import fc from 'fast-check';
import { cardNumber } from './card-numbers.js';

/** An event with no secret in it, of a category; redaction should leave it as it is. */
export interface BenignEvent {
  category: string;
  data: Record<string, unknown>;
}

const hexOf = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: n, maxLength: n });
const digitsOf = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const uuid = hexOf(32).map((h) => `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`);
const isoTime = fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 }).map((ms) => new Date(ms).toISOString());
const epochMs = fc.integer({ min: 1_700_000_000_000, max: 1_999_999_999_999 });
const word = fc.constantFrom('timetable', 'lesson', 'room', 'teacher', 'export', 'week', 'class', 'cache', 'tokenizer', 'passport');

const templates: [string, fc.Arbitrary<string>][] = [
  ['uuid', uuid.map((u) => `request ${u} finished`)],
  ['hashes', fc.tuple(hexOf(40), hexOf(64), hexOf(7)).map(([sha1, sha256, short]) => `commit ${sha1} (${short}) checksum sha256:${sha256}`)],
  ['timestamps', fc.tuple(isoTime, epochMs).map(([iso, ms]) => `at ${iso} epoch_ms=${ms} ns=${ms}000000`)],
  ['order numbers', fc.tuple(fc.integer({ min: 1, max: 999_999 }), digitsOf(6, 10)).map(([n, d]) => `order ORD-2026-${String(n).padStart(6, '0')} ref ${d} paid`)],
  [
    'http lines',
    fc
      .tuple(fc.constantFrom('GET', 'POST', 'PUT'), word, fc.integer({ min: 100, max: 599 }), fc.float({ min: 0, max: 9999, noNaN: true }))
      .map(([m, w, s, d]) => `${m} /api/${w}?week=3&page=2 ${s} ${d.toFixed(1)}ms`),
  ],
  ['sql', fc.tuple(word, fc.integer({ min: 1, max: 99999 })).map(([w, n]) => `query: SELECT id, name FROM ${w} WHERE id = ${n} (2 ms)`)],
  ['ips and paths', fc.tuple(fc.ipV4(), fc.ipV6(), word).map(([v4, v6, w]) => `from ${v4} via ${v6} wrote /var/lib/${w}/data-${w}.json`)],
  [
    'secret-ish words',
    fc.tuple(fc.integer({ min: 1, max: 4096 }), isoTime).map(([n, t]) => `tokens=${n} token_count=${n} password_changed_at=${t} token_type=Bearer; Basic authentication is enabled`),
  ],
];

/** Realistic benign log events: ids, UUIDs, hashes, timestamps, order numbers, log text. */
export const benignEvent: fc.Arbitrary<BenignEvent> = fc.tuple(fc.constantFrom(...templates), fc.nat()).chain(([[category, text]]) =>
  fc.tuple(text, uuid, hexOf(32), hexOf(16), epochMs, cardNumber, fc.integer({ min: 1, max: 65535 })).map(([message, requestId, traceId, spanId, ms, luhnId, port]) => ({
    category,
    data: {
      message,
      request_id: requestId,
      trace: { id: traceId, span_id: spanId },
      created_at: ms,
      // Luhn-valid numbers of card brands, under id-like keys: ids, never taken for cards.
      order_id: BigInt(luhnId),
      user: { id: luhnId },
      port,
      count: 3,
    },
  })),
);

/**
 * Long integers under neutral keys: the one place the card heuristic is expected to err
 * (a number with a brand prefix and a valid Luhn digit is taken for a card: ~3% of random
 * 13-19-digit numbers). Measured on its own, not mixed into the benign rate.
 */
export const neutralLongInteger: fc.Arbitrary<BenignEvent> = digitsOf(13, 19)
  .filter((d) => d[0] !== '0')
  .map((d) => ({ category: 'long integers under neutral keys', data: { message: 'reading', reading: { value: BigInt(d) } } }));
