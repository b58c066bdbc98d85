import { IllegalArgumentError } from './illegal-argument.js';

/**
 * A DateTimeZone (Joda-Time 2.10.5 org/joda/time/DateTimeZone.java) reduced to what parsing
 * needs: the offset at an instant, and the local-to-UTC conversions with Joda's rules for DST
 * gaps and overlaps. Named zones take their rules from Node's ICU time zone data (Joda ships its
 * own copy of the tz database; the two can differ where a recent tz release changed history).
 */
export class JodaZone {
  constructor(
    readonly id: string,
    private readonly offsetAt: (utc: number) => number,
    readonly fixed: boolean,
  ) {}

  static readonly UTC = new JodaZone('UTC', () => 0, true);

  static fixedOffset(offset: number): JodaZone {
    return offset === 0 ? JodaZone.UTC : new JodaZone(printOffset(offset), () => offset, true);
  }

  getOffset(utc: number): number {
    return this.offsetAt(utc);
  }

  /** DateTimeZone#getOffsetFromLocal (DateTimeZone.java:939-976). */
  getOffsetFromLocal(local: number): number {
    if (this.fixed) return this.offsetAt(0);
    const offsetLocal = this.getOffset(local);
    const adjusted = local - offsetLocal;
    const offsetAdjusted = this.getOffset(adjusted);
    if (offsetLocal !== offsetAdjusted) {
      // In a gap west of Greenwich: keep the offset before the transition unless one lies
      // between the two candidate instants (their nextTransition()s differ).
      if (offsetLocal - offsetAdjusted < 0 && this.transitionIn(local - offsetAdjusted, adjusted)) return offsetLocal;
    } else if (offsetLocal >= 0) {
      // In an overlap: the earlier offset when `adjusted` lies within `diff` after a transition.
      const prev = this.lastTransitionAtOrBefore(adjusted);
      if (prev !== undefined) {
        const offsetPrev = this.getOffset(prev - 1);
        if (adjusted - (prev - 1) <= offsetPrev - offsetLocal) return offsetPrev;
      }
    }
    return offsetAdjusted;
  }

  /** DateTimeZone#convertLocalToUTC(local, strict) (DateTimeZone.java:1037-1078). */
  convertLocalToUTC(local: number, strict: boolean): number {
    const offsetLocal = this.getOffset(local);
    let offset = this.getOffset(local - offsetLocal);
    if (offsetLocal !== offset && (strict || offsetLocal < 0)) {
      const a = local - offsetLocal;
      const b = local - offset;
      if (this.transitionIn(Math.min(a, b), Math.max(a, b))) {
        if (strict) throw new IllegalArgumentError(`Illegal instant due to time zone offset transition: ${local} (${this.id})`, 'org.joda.time.IllegalInstantException');
        offset = offsetLocal;
      }
    }
    return local - offset;
  }

  /** DateTimeZone#convertLocalToUTC(local, false, originalUTC) (DateTimeZone.java:1015-1023). */
  convertLocalToUTCKeeping(local: number, originalUtc: number): number {
    const offsetOriginal = this.getOffset(originalUtc);
    const utc = local - offsetOriginal;
    return this.getOffset(utc) === offsetOriginal ? utc : this.convertLocalToUTC(local, false);
  }

  /** Whether the offset changes somewhere in (from, to]. Zones change at most once in a few hours. */
  private transitionIn(from: number, to: number): boolean {
    return to > from && this.getOffset(from) !== this.getOffset(to);
  }

  /** The first instant of the latest offset change at or before `utc`, looked for within two days. */
  private lastTransitionAtOrBefore(utc: number): number | undefined {
    let lo = utc - 2 * 86_400_000;
    let hi = utc;
    const before = this.getOffset(lo);
    if (before === this.getOffset(hi)) return undefined;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.getOffset(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /**
   * DateTimeZone.forID (DateTimeZone.java:227-248): "UTC", a tz database ID (case-sensitive, as
   * Joda's provider is), or an offset "+hh", "+hh:mm", "+hhmm"... Anything else is refused with
   * Joda's message.
   */
  static forID(id: string): JodaZone {
    if (id === 'UTC') return JodaZone.UTC;
    const named = namedZone(id);
    if (named) return named;
    if (id.startsWith('+') || id.startsWith('-')) {
      const offset = parseOffsetId(id);
      if (offset !== undefined) return JodaZone.fixedOffset(offset);
    }
    throw new IllegalArgumentError(`The datetime zone id '${id}' is not recognised`);
  }
}

const namedZones = new Map<string, JodaZone | null>();

function namedZone(id: string): JodaZone | undefined {
  let zone = namedZones.get(id);
  if (zone === undefined) {
    zone = null;
    try {
      const format = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      const resolved = format.resolvedOptions().timeZone;
      // ICU ignores case; Joda's provider does not. An alias (US/Eastern) resolves to another name.
      const caseOnly = resolved !== id && resolved.toLowerCase() === id.toLowerCase();
      if (!caseOnly && /^[A-Za-z]/.test(id)) zone = new JodaZone(id, (utc: number) => intlOffset(format, utc), false);
    } catch {
      zone = null;
    }
    namedZones.set(id, zone);
  }
  return zone ?? undefined;
}

function intlOffset(format: Intl.DateTimeFormat, utc: number): number {
  const seconds = Math.floor(utc / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(seconds))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = new Date(0);
  local.setUTCFullYear(year, Number(parts.month) - 1, Number(parts.day));
  local.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return local.getTime() - seconds;
}

/** The zone-ID offsets Joda's OFFSET_FORMATTER reads: sign, hh, then optional [:]mm[:]ss[.SSS]. */
function parseOffsetId(id: string): number | undefined {
  const m = /^([+-])(\d{2})(?:(:?)(\d{2})(?:\3(\d{2})(?:[.,]?(\d{1,3}))?)?)?$/.exec(id);
  if (!m) return undefined;
  const [, sign, hh, , mm = '0', ss = '0', frac = ''] = m;
  if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
  const millis = Number(hh) * 3_600_000 + Number(mm) * 60_000 + Number(ss) * 1000 + Number(frac.padEnd(3, '0'));
  return sign === '-' ? -millis : millis;
}

/** DateTimeZone.printOffset: "+01:00", "-05:30", "+01:02:03.004". */
function printOffset(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  let rest = Math.abs(offset);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / 60_000);
  rest -= mm * 60_000;
  let text = `${sign}${pad(hh)}:${pad(mm)}`;
  if (rest === 0) return text;
  const ss = Math.floor(rest / 1000);
  text += `:${pad(ss)}`;
  rest -= ss * 1000;
  return rest === 0 ? text : `${text}.${pad(rest, 3)}`;
}
