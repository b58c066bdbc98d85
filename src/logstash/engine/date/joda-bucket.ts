import { civilFromMillis, daysInMonth, isLeap, millisOf, msPerDay, startOfWeekyear, weeksInWeekyear, weekyearOf, dayOfWeek } from './calendar.js';
import { UnmodelledError } from '../filter-api.js';
import { IllegalArgumentError } from './illegal-argument.js';
import type { JodaZone } from './joda-zone.js';

/** The fields the engine's Joda parser saves (DateTimeFieldType), and the fraction fields. */
export type FieldType =
  | 'year'
  | 'yearOfEra'
  | 'weekyear'
  | 'monthOfYear'
  | 'weekOfWeekyear'
  | 'dayOfYear'
  | 'dayOfMonth'
  | 'dayOfWeek'
  | 'hourOfDay'
  | 'minuteOfHour'
  | 'secondOfMinute'
  | 'fractionOfSecond'
  | 'fractionOfMinute'
  | 'fractionOfHour';

const years = 31_556_952_000;
/** [range duration, duration] in unit millis (Infinity: unsupported, as eras are), for sorting. */
const durations: Record<FieldType, [number, number]> = {
  year: [Infinity, years],
  yearOfEra: [Infinity, years],
  weekyear: [Infinity, years],
  monthOfYear: [years, 2_629_746_000],
  weekOfWeekyear: [years, 604_800_000],
  dayOfYear: [years, msPerDay],
  dayOfMonth: [2_629_746_000, msPerDay],
  dayOfWeek: [604_800_000, msPerDay],
  hourOfDay: [msPerDay, 3_600_000],
  minuteOfHour: [3_600_000, 60_000],
  secondOfMinute: [60_000, 1000],
  fractionOfSecond: [1000, 1],
  fractionOfMinute: [60_000, 1],
  fractionOfHour: [3_600_000, 1],
};

interface SavedField {
  type: FieldType;
  value: number;
}

/**
 * DateTimeParserBucket (Joda-Time 2.10.5 format/DateTimeParserBucket.java): what the parsers
 * found, with saveState/restoreState for the alternatives, and computeMillis.
 */
export class ParserBucket {
  private fields: SavedField[] = [];
  offset: number | undefined;
  zone: JodaZone | undefined;

  constructor(
    defaultZone: JodaZone | undefined,
    readonly defaultYear: number,
  ) {
    this.zone = defaultZone;
  }

  saveField(type: FieldType, value: number): void {
    this.fields.push({ type, value });
  }

  saveState(): unknown {
    return { fields: [...this.fields], offset: this.offset, zone: this.zone };
  }

  restoreState(state: unknown): void {
    const s = state as { fields: SavedField[]; offset: number | undefined; zone: JodaZone | undefined };
    this.fields = [...s.fields];
    this.offset = s.offset;
    this.zone = s.zone;
  }

  /** The local millis of the saved fields, before any zone (computeMillis :424-461). */
  localMillis(text: string): number {
    // Stable insertion sort, largest range first, then largest duration (:498-510, :585-594).
    const fields = [...this.fields].sort((a, b) => compareReverse(a.type, b.type));
    const first = fields[0];
    if (first && durations[first.type][1] <= 2_629_746_000 && durations[first.type][1] >= msPerDay) {
      // No year parsed but a month or day was: the default year is saved first (:433-441).
      fields.unshift({ type: 'year', value: this.defaultYear });
    }
    let local = 0;
    for (const f of fields) local = setField(local, f, text);
    // Joda keeps millis in a long (±292 million years); here they are exact up to ±275 760 years.
    if (!(Math.abs(local) <= 8.64e15)) throw new UnmodelledError(`date "${text}" lies beyond the years ±275760 the engine models`);
    return local;
  }

  /** computeMillis: local millis less the parsed offset, or converted in the zone (:463-477). */
  computeMillis(text: string): number {
    const local = this.localMillis(text);
    if (this.offset !== undefined) return local - this.offset;
    if (!this.zone) return local;
    const offset = this.zone.getOffsetFromLocal(local);
    const utc = local - offset;
    if (offset !== this.zone.getOffset(utc)) {
      throw new IllegalArgumentError(`Cannot parse "${text}": Illegal instant due to time zone offset transition (${this.zone.id})`, 'org.joda.time.IllegalInstantException');
    }
    return utc;
  }
}

function compareReverse(a: FieldType, b: FieldType): number {
  const [ra, da] = durations[a];
  const [rb, db] = durations[b];
  return ra !== rb ? (rb > ra ? 1 : -1) : db !== da ? (db > da ? 1 : -1) : 0;
}

const yearMin = -292_275_054;
const yearMax = 292_278_993;

/** DateTimeField#set then roundFloor (SavedField.set with reset), with Joda's bounds checks. */
function setField(local: number, { type, value }: SavedField, text: string): number {
  const c = civilFromMillis(local);
  const check = (min: number, max: number) => {
    if (value < min || value > max) {
      throw new IllegalArgumentError(`Cannot parse "${text}": Value ${value} for ${type} must be in the range [${min},${max}]`, 'org.joda.time.IllegalFieldValueException');
    }
  };
  switch (type) {
    case 'year':
      check(yearMin, yearMax);
      return millisOf(value, 1, 1);
    case 'yearOfEra':
      check(1, yearMax);
      return millisOf(c.year <= 0 ? 1 - value : value, 1, 1);
    case 'weekyear':
      check(yearMin, yearMax);
      return startOfWeekyear(value);
    case 'monthOfYear':
      check(1, 12);
      return millisOf(c.year, value, 1);
    case 'weekOfWeekyear': {
      const wy = weekyearOf(local);
      check(1, weeksInWeekyear(wy));
      return startOfWeekyear(wy) + (value - 1) * 7 * msPerDay;
    }
    case 'dayOfYear':
      check(1, isLeap(c.year) ? 366 : 365);
      return millisOf(c.year, 1, 1) + (value - 1) * msPerDay;
    case 'dayOfMonth':
      check(1, daysInMonth(c.year, c.month));
      return millisOf(c.year, c.month, value);
    case 'dayOfWeek':
      check(1, 7);
      return millisOf(c.year, c.month, c.day) + (value - dayOfWeek(local)) * msPerDay;
    case 'hourOfDay':
      check(0, 23);
      return millisOf(c.year, c.month, c.day, value * 3_600_000);
    case 'minuteOfHour':
      check(0, 59);
      return Math.floor(local / 3_600_000) * 3_600_000 + value * 60_000;
    case 'secondOfMinute':
      check(0, 59);
      return Math.floor(local / 60_000) * 60_000 + value * 1000;
    default: {
      const unit = durations[type][0];
      check(0, unit - 1);
      return Math.floor(local / unit) * unit + value;
    }
  }
}
