/**
 * Prometheus durations (`5m`, `1h30m`, `1w`), as milliseconds. Scenario times, input
 * intervals and promtool's own output all use this notation; comparing them as numbers
 * keeps `90s` and `1m30s` the same time.
 */
const units: readonly [string, number][] = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const durationPattern = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds of a duration, or undefined when `text` is not one (`0` and `0s` are zero). */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const match = durationPattern.exec(text);
  if (!match || text === '') return undefined;
  let total = 0;
  units.forEach(([, ms], i) => {
    const part = match[i + 1];
    if (part !== undefined) total += Number(part) * ms;
  });
  return total;
}

/** The shortest Prometheus spelling of `ms`: 405000 → `6m45s`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      out += `${count}${unit}`;
      rest -= count * size;
    }
  }
  return out;
}
