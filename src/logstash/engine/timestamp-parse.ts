import { LsTimestamp } from './value.js';

/**
 * new org.logstash.Timestamp(String) (Timestamp.java:150-190 at v8.17.4): a lenient ISO-8601
 * reader. A date `yyyy-MM-dd` is required; `T` and a time `HH:mm[:ss[.fffffffff]]` are
 * optional; then an optional zone: `Z`, an offset (`+05:00`, `+0500`, `+05`) or a region id
 * (`UTC`, `Europe/Paris`). Without a zone the system zone applies: the Logstash image runs
 * in UTC. Case-insensitive. Returns undefined where Java throws IllegalArgumentException
 * ("Invalid ISO8601 input").
 */
export function parseLenientIso8601(text: string): LsTimestamp | undefined {
  const m = /^([+-]?\d{4,9})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(.*)$/i.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = ''] = m;
  const year = Number(y);
  const month = Number(mo);
  let day = Number(d);
  if (y!.length > 4 && !/^[+-]/.test(y!)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  // ResolverStyle.SMART: a day past the end of the month becomes its last day.
  const lastDay = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > lastDay) day = lastDay;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(Number(h), Number(mi), Number(s), 0);
  const offsetSeconds = zoneOffsetSeconds(zone, date.getTime());
  if (offsetSeconds === undefined) return undefined;
  const seconds = BigInt(Math.floor(date.getTime() / 1000)) - BigInt(offsetSeconds);
  return LsTimestamp.ofEpochNanos(seconds * 1_000_000_000n + BigInt(frac.padEnd(9, '0') || '0'));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Seconds east of UTC for the zone text at that local time, undefined when java.time would not read it. */
function zoneOffsetSeconds(zone: string, localMillis: number): number | undefined {
  if (zone === '' || /^z$/i.test(zone)) return 0;
  const offset = /^([+-])(\d{2})(?::?(\d{2})(?::?(\d{2}))?)?$/.exec(zone);
  if (offset) {
    const [, sign, hh, mm = '0', ss = '0'] = offset;
    if (Number(hh) > 18 || Number(mm) > 59 || Number(ss) > 59) return undefined;
    const total = Number(hh) * 3600 + Number(mm) * 60 + Number(ss);
    return sign === '-' ? -total : total;
  }
  // Region ids and UTC/GMT prefixes: only the fixed ones are modelled (no tz database here).
  const fixed = /^(?:UTC|GMT|UT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(zone);
  if (fixed) {
    const [, sign, hh = '0', mm = '0'] = fixed;
    const total = Number(hh) * 3600 + Number(mm) * 60;
    return sign === '-' ? -total : total;
  }
  return regionOffsetSeconds(zone, localMillis);
}

/** The offset of an IANA region (`Europe/Paris`) at a local time, from Node's ICU time zone data. */
export function regionOffsetSeconds(zone: string, localMillis: number): number | undefined {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    return undefined;
  }
  // Two passes: the offset at the instant the local time names (close to DST switches, java.time
  // takes the earlier offset of an overlap and moves a gap forward; this takes ICU's answer).
  let offset = 0;
  for (let pass = 0; pass < 2; pass++) {
    const parts = Object.fromEntries(format.formatToParts(new Date(localMillis - offset * 1000)).map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
    offset = Math.round((asUtc - (localMillis - offset * 1000)) / 1000);
  }
  return offset;
}
