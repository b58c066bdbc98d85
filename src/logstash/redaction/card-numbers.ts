import fc from 'fast-check';
import type { Secret } from './secret-shapes.js';

/** The Luhn check digit that makes `body` + digit valid. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return String((10 - (sum % 10)) % 10);
}

// Brand prefixes and lengths redact.rb knows (its CARD_BRANDS).
const brands: [string[], number][] = [
  [['4'], 16],
  [['4'], 13],
  [['51', '52', '53', '54', '55'], 16],
  [['2221', '2500', '2720'], 16],
  [['34', '37'], 15],
  [['6011', '65'], 16],
  [['3528', '3589'], 16],
  [['62'], 19],
  [['36'], 14],
];

/** A Luhn-valid card number of a known brand. */
export const cardNumber = fc.tuple(fc.constantFrom(...brands), fc.nat(), fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 18, maxLength: 18 })).map(([[prefixes, length], n, fill]) => {
  const prefix = prefixes[n % prefixes.length]!;
  const body = (prefix + fill).slice(0, length - 1);
  return body + luhnDigit(body);
});

const group = (digits: string, sep: string) => (digits.length === 15 ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : digits.match(/.{1,4}/g)!).join(sep);

/** A card in text (plain, grouped by spaces or dashes) or as a JSON number. */
export const card = fc.tuple(cardNumber, fc.constantFrom('plain', 'spaces', 'dashes', 'number')).map(([digits, form]): Secret => {
  const text = form === 'plain' || form === 'number' ? digits : group(digits, form === 'spaces' ? ' ' : '-');
  return { kind: 'card', form, text, cores: [digits], ...(form === 'number' ? { number: BigInt(digits) } : {}) };
});
