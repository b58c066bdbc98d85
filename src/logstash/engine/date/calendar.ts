/**
 * The proleptic Gregorian calendar of Joda's ISOChronology, on "local millis" (a wall-clock time
 * counted as if it were UTC), for the fields the engine's Joda parser sets.
 */
export const msPerDay = 86_400_000;

/** Days from 1970-01-01 to y-m-d (any year; m 1..12, d 1..31). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  /** Milliseconds into the day. */
  millisOfDay: number;
}

export function civilFromMillis(local: number): Civil {
  const days = Math.floor(local / msPerDay);
  const millisOfDay = local - days * msPerDay;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day, millisOfDay };
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function millisOf(year: number, month: number, day: number, millisOfDay = 0): number {
  return daysFromCivil(year, month, day) * msPerDay + millisOfDay;
}

/** ISO day of week, 1 = Monday .. 7 = Sunday. */
export function dayOfWeek(local: number): number {
  const days = Math.floor(local / msPerDay);
  return ((((days + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (4)
}

/** Monday of ISO week 1 of `weekyear` (the week holding January 4th). */
export function startOfWeekyear(weekyear: number): number {
  const jan4 = millisOf(weekyear, 1, 4);
  return jan4 - (dayOfWeek(jan4) - 1) * msPerDay;
}

/** The ISO week-based year a local time falls in. */
export function weekyearOf(local: number): number {
  const { year } = civilFromMillis(local);
  if (local >= startOfWeekyear(year + 1)) return year + 1;
  return local < startOfWeekyear(year) ? year - 1 : year;
}

export function weeksInWeekyear(weekyear: number): number {
  return Math.round((startOfWeekyear(weekyear + 1) - startOfWeekyear(weekyear)) / (7 * msPerDay));
}
