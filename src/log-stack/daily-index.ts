/**
 * The daily index an event lands in: `<prefix>-YYYY.MM.dd` of its @timestamp in UTC, as
 * Logstash's `%{+YYYY.MM.dd}` formats it (Joda's YYYY is the calendar year, not a week-year).
 */
export function dailyIndex(prefix: 'logs' | 'errors', timestamp: string): string {
  const t = new Date(timestamp);
  if (Number.isNaN(t.getTime())) throw new Error(`not a timestamp: ${timestamp}`);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${t.getUTCFullYear()}.${two(t.getUTCMonth() + 1)}.${two(t.getUTCDate())}`;
}
