import { UnmodelledError } from '../filter-api.js';
import { IllegalArgumentError } from './illegal-argument.js';
import { sequence } from './joda-combinators.js';
import { decimal, fraction, literal, monthText, twoDigitYear, type DateParser } from './joda-parsers.js';
import { zoneId, zoneOffset } from './joda-zone-parsers.js';

export interface PatternOptions {
  /** The locale the formatter is built with (Locale.forLanguageTag of the `locale` option). */
  locale: string;
  /** The current year, for "yy" (pivot: now - 30, DateTimeFormat.java:455). */
  currentYear: number;
}

/**
 * DateTimeFormat.forPattern (Joda-Time 2.10.5 format/DateTimeFormat.java:406-670) for the
 * tokens the engine models: y, Y (year of era), M/MM (number), MMM/MMMM (English month names),
 * d, D, H, m, s, S (fraction, as many digits as letters), Z/ZZ (offset), ZZZ (zone ID), quoted
 * and other literal text. Any other letter Joda knows (G C x e E a h k K w z) is an
 * UnmodelledError naming it; a letter Joda does not know is its "Illegal pattern component".
 */
export function forPattern(pattern: string, options: PatternOptions): DateParser {
  if (pattern.length === 0) throw new IllegalArgumentError('Invalid pattern specification');
  const tokens = tokenize(pattern);
  const parsers: DateParser[] = [];
  tokens.forEach((token, i) => {
    const c = token[0]!;
    const len = token.length;
    const nextNumeric = i + 1 < tokens.length && isNumericToken(tokens[i + 1]!);
    switch (c) {
      case 'y':
      case 'Y':
        if (len === 2) parsers.push(twoDigitYear(options.currentYear - 30, !nextNumeric));
        // Long years unless the next token is a number (:459-469); Y is year of era, unsigned.
        else parsers.push(decimal(c === 'y' ? 'year' : 'yearOfEra', nextNumeric ? len : 9, c === 'y'));
        break;
      case 'M':
        if (len >= 3) {
          requireEnglish(options.locale, token, pattern);
          parsers.push(monthText);
        } else parsers.push(decimal('monthOfYear', 2, false));
        break;
      case 'd':
        parsers.push(decimal('dayOfMonth', 2, false));
        break;
      case 'D':
        parsers.push(decimal('dayOfYear', 3, false));
        break;
      case 'H':
        parsers.push(decimal('hourOfDay', 2, false));
        break;
      case 'm':
        parsers.push(decimal('minuteOfHour', 2, false));
        break;
      case 's':
        parsers.push(decimal('secondOfMinute', 2, false));
        break;
      case 'S':
        parsers.push(fraction('fractionOfSecond', len));
        break;
      case 'Z':
        parsers.push(len >= 3 ? zoneId : zoneOffset('Z'));
        break;
      case "'": {
        const text = token.slice(1);
        if (text.length > 0) parsers.push(literal(text));
        break;
      }
      case 'G':
      case 'C':
      case 'x':
      case 'e':
      case 'E':
      case 'a':
      case 'h':
      case 'k':
      case 'K':
      case 'w':
      case 'z':
        throw new UnmodelledError(`date pattern "${pattern}": the Joda token "${token}" is not modelled by the engine`);
      default:
        throw new IllegalArgumentError(`Illegal pattern component: ${token}`);
    }
  });
  return sequence(...parsers);
}

/** DateTimeFormat.parseToken (:580-630): a run of one letter, or literal text ('' is a quote). */
function tokenize(pattern: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (j + 1 < pattern.length && pattern[j + 1] === c) j++;
      tokens.push(pattern.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    let text = "'";
    let inLiteral = false;
    for (; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === "'") {
        if (pattern[i + 1] === "'") {
          i++;
          text += ch;
        } else inLiteral = !inLiteral;
      } else if (!inLiteral && /[A-Za-z]/.test(ch)) break;
      else text += ch;
    }
    tokens.push(text);
  }
  return tokens;
}

/** DateTimeFormat.isNumericToken (:638-670). */
function isNumericToken(token: string): boolean {
  const c = token[0]!;
  if ('cCxyYdhHmsSeDFwWkK'.includes(c)) return true;
  return c === 'M' && token.length <= 2;
}

/**
 * Month names come from the locale. The engine knows English (Java's CLDR "en" and "en-US"
 * names: Jan..Dec, January..December); other locales (including en-GB, whose September is
 * "Sept") are unmodelled.
 */
function requireEnglish(locale: string, token: string, pattern: string): void {
  if (!/^en(?:-US)?$/i.test(locale)) {
    throw new UnmodelledError(`date pattern "${pattern}": month names ("${token}") in locale "${locale}" are not modelled (only en and en-US)`);
  }
}
