import { UnmodelledError } from './filter-api.js';

/**
 * Joda-Time's DateTimeFormat.forPattern(p).print(millis) in UTC, English (Joda 2.9.9
 * DateTimeFormat.java:406-560, parsePatternTo; JRuby bundles Joda and logstash-core's
 * StringInterpolation.java uses it for `%{+FORMAT}` with DateTimeZone.UTC and the JVM's default
 * locale, en_US in the Logstash image). Every token of Joda's pattern language is printed; an
 * unknown letter throws Joda's "Illegal pattern component".
 */
export function jodaFormat(pattern: string, epochMillis: number): string {
  const t = new Date(epochMillis);
  let out = '';
  for (const token of jodaTokens(pattern)) out += token.literal ?? printField(token.letter!, token.count!, t);
  return out;
}

type Token = { literal: string; letter?: undefined; count?: undefined } | { literal?: undefined; letter: string; count: number };

const cache = new Map<string, Token[]>();

/** DateTimeFormat.parseToken: runs of one letter, and quoted or non-letter text ('' is a quote). */
function jodaTokens(pattern: string): Token[] {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j + 1] === c) j++;
      if (!/[GCYxywedEDMmsSaHhKkzZ]/.test(c)) throw new Error(`Illegal pattern component: ${pattern.slice(i, j + 1)}`);
      tokens.push({ letter: c, count: j - i + 1 });
      i = j + 1;
      continue;
    }
    let text = '';
    let inLiteral = false;
    for (; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === "'") {
        if (pattern[i + 1] === "'") {
          text += "'";
          i++;
        } else inLiteral = !inLiteral;
      } else if (!inLiteral && /[A-Za-z]/.test(ch)) break;
      else text += ch;
    }
    tokens.push({ literal: text });
  }
  cache.set(pattern, tokens);
  return tokens;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  const text = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${text}` : text;
}

function printField(letter: string, count: number, t: Date): string {
  const year = t.getUTCFullYear();
  switch (letter) {
    case 'G':
      return year > 0 ? 'AD' : 'BC';
    case 'C':
      return pad(Math.floor((year > 0 ? year : 1 - year) / 100), count);
    case 'y':
      return count === 2 ? pad(((year % 100) + 100) % 100, 2) : pad(year, count);
    case 'Y':
      return count === 2 ? pad(((year % 100) + 100) % 100, 2) : pad(year > 0 ? year : 1 - year, count);
    case 'x': {
      const weekyear = isoWeek(t).weekyear;
      return count === 2 ? pad(((weekyear % 100) + 100) % 100, 2) : pad(weekyear, count);
    }
    case 'w':
      return pad(isoWeek(t).week, count);
    case 'M':
      return count >= 4 ? months[t.getUTCMonth()]! : count === 3 ? months[t.getUTCMonth()]!.slice(0, 3) : pad(t.getUTCMonth() + 1, count);
    case 'd':
      return pad(t.getUTCDate(), count);
    case 'D':
      return pad(dayOfYear(t), count);
    case 'e':
      return pad(t.getUTCDay() === 0 ? 7 : t.getUTCDay(), count);
    case 'E':
      return count >= 4 ? days[t.getUTCDay()]! : days[t.getUTCDay()]!.slice(0, 3);
    case 'a':
      return t.getUTCHours() < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(t.getUTCHours(), count);
    case 'k':
      return pad(t.getUTCHours() === 0 ? 24 : t.getUTCHours(), count);
    case 'K':
      return pad(t.getUTCHours() % 12, count);
    case 'h':
      return pad(t.getUTCHours() % 12 === 0 ? 12 : t.getUTCHours() % 12, count);
    case 'm':
      return pad(t.getUTCMinutes(), count);
    case 's':
      return pad(t.getUTCSeconds(), count);
    case 'S':
      // appendFractionOfSecond(n, n): the millisecond fraction, truncated or padded to n digits.
      return String(t.getUTCMilliseconds()).padStart(3, '0').padEnd(count, '0').slice(0, count);
    case 'z':
      return count >= 4 ? 'Coordinated Universal Time' : 'UTC';
    case 'Z':
      return count === 1 ? '+0000' : count === 2 ? '+00:00' : 'UTC';
    default:
      throw new UnmodelledError(`Joda pattern letter ${letter}`);
  }
}

function dayOfYear(t: Date): number {
  return Math.floor((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO-8601 week and week-based year (Joda's ISOChronology: weeks start Monday, week 1 holds Jan 4). */
function isoWeek(t: Date): { week: number; weekyear: number } {
  const day = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
  const weekday = day.getUTCDay() === 0 ? 7 : day.getUTCDay();
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const weekyear = day.getUTCFullYear();
  const week = Math.floor((day.getTime() - Date.UTC(weekyear, 0, 1)) / 86_400_000 / 7) + 1;
  return { week, weekyear };
}
