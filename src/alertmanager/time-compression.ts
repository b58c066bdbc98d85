import { isMap, isSeq, type Document, type YAMLMap } from 'yaml';
import { formatDuration, parseDuration } from '../prometheus-rules/duration.js';

/**
 * How much faster than production the test Alertmanager runs its routing timers. At 1/100 the
 * spec's group_wait of 1s/5s/30s becomes 10ms/50ms/300ms and a 5m group_interval 3s, so a
 * resolve notification arrives within seconds instead of minutes. What it changes is only
 * *when* a notification is sent, never *whether* or *what*: routing, grouping, inhibition and
 * templates run unchanged. The production values are checked as written by
 * src/alertmanager/canonical-routing.test.ts, and bench/alertmanager-timing.ts measures both.
 */
export const routingTimeFactor = 100;

const timerKeys = ['group_wait', 'group_interval', 'repeat_interval'] as const;
// Alertmanager's defaults, made explicit on the root so that they are compressed too.
const rootDefaults: Record<(typeof timerKeys)[number], string> = { group_wait: '30s', group_interval: '5m', repeat_interval: '4h' };

/** Divides every route's group_wait, group_interval and repeat_interval by `factor`, in place. */
export function compressRouteTimers(doc: Document, factor = routingTimeFactor): void {
  const root = doc.get('route');
  if (!isMap(root)) return;
  for (const key of timerKeys) if (!root.has(key)) root.set(key, rootDefaults[key]);
  visit(root, factor);
}

function visit(route: YAMLMap, factor: number): void {
  for (const key of timerKeys) {
    const value = route.get(key);
    if (value === undefined) continue;
    route.set(key, compressDuration(String(value), factor));
  }
  const children = route.get('routes');
  if (isSeq(children)) for (const child of children.items) if (isMap(child)) visit(child, factor);
}

/**
 * `5m` / 100 → `3s`. Alertmanager's group_interval and repeat_interval must stay above zero,
 * so nothing shrinks below 1ms; group_wait 0 stays 0.
 */
export function compressDuration(text: string, factor: number): string {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`cannot compress "${text}": not a Prometheus duration`);
  if (ms === 0) return '0s';
  const compressed = Math.max(1, Math.round(ms / factor));
  return formatDuration(compressed);
}
