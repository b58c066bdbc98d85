import type { RoutingScenario } from '../alertmanager/routing-scenario.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import { routingCaseKey, type InhibitionOutcome, type RouteOutcome, type SideRouting } from './routing-outcomes.js';

/** A routing or inhibition case whose outcome differs between the sides. */
export interface RoutingDifference {
  kind: 'route' | 'inhibition';
  case: string;
  scenario: string;
  line: number;
  summary: string;
  details: string[];
  base: RouteOutcome | InhibitionOutcome;
  head: RouteOutcome | InhibitionOutcome;
}

export interface RoutingComparison {
  differences: RoutingDifference[];
  routeCases: number;
  inhibitionCases: number;
}

const receivers = (o: RouteOutcome) => (o.receivers.length ? o.receivers.join(', ') : '(no receiver)');

export function compareRouting(scenarios: readonly RoutingScenario[], base: SideRouting, head: SideRouting): RoutingComparison {
  const differences: RoutingDifference[] = [];
  for (const s of scenarios) {
    for (const c of s.routes) {
      const key = routingCaseKey(s.file, c.name);
      const [b, h] = [base.routes.get(key)!, head.routes.get(key)!];
      const details = routeChanges(b, h);
      const moved = receivers(b) !== receivers(h);
      if (!moved && details.length === 0) continue;
      const summary = moved ? `base ${receivers(b)} → head ${receivers(h)}` : `${receivers(b)} on both sides, delivered on other terms`;
      differences.push({ kind: 'route', case: c.name, scenario: s.file, line: c.line, summary, details, base: b, head: h });
    }
    for (const c of s.inhibitions) {
      const key = routingCaseKey(s.file, c.name);
      const [b, h] = [base.inhibitions.get(key)!, head.inhibitions.get(key)!];
      const summary = `base ${targetFate(b)} → head ${targetFate(h)}`;
      const sourceMoved = receivers(b.source) !== receivers(h.source);
      if (targetFate(b) === targetFate(h) && !sourceMoved) continue;
      const details = sourceMoved ? [`the source (${c.source.labels.alertname}) goes to ${receivers(b.source)} on base, ${receivers(h.source)} on head`] : [];
      differences.push({ kind: 'inhibition', case: c.name, scenario: s.file, line: c.line, summary, details, base: b, head: h });
    }
  }
  const count = (k: 'routes' | 'inhibitions') => scenarios.reduce((n, s) => n + s[k].length, 0);
  return { differences, routeCases: count('routes'), inhibitionCases: count('inhibitions') };
}

/** `muted by inhibit_rules[0] (monitoring/alertmanager.yml:62)` or `delivered to slack-warnings`. */
function targetFate(o: InhibitionOutcome): string {
  if (o.mutedBy) return `muted by inhibit_rules[${o.mutedBy.index}] (${o.mutedBy.file}:${o.mutedBy.line})`;
  return `delivered to ${receivers(o.target)}`;
}

/**
 * How the route an alert ends at treats it, where that changed: the route itself (file:line,
 * when the receivers moved), grouping and the three timers.
 */
function routeChanges(base: RouteOutcome, head: RouteOutcome): string[] {
  const out: string[] = [];
  const n = Math.max(base.routes.length, head.routes.length);
  for (let i = 0; i < n; i++) {
    const [b, h] = [base.routes[i], head.routes[i]];
    if (!b || !h) {
      out.push(`${b ? 'base' : 'head'} ends at one more route: ${(b ?? h)!.file}:${(b ?? h)!.line} (${(b ?? h)!.receiver})`);
      continue;
    }
    const changes: string[] = [];
    const timer = (name: string, x: number, y: number) => x !== y && changes.push(`${name} ${formatDuration(x)} → ${formatDuration(y)}`);
    if (b.groupBy.join(',') !== h.groupBy.join(',')) changes.push(`group_by [${b.groupBy.join(', ')}] → [${h.groupBy.join(', ')}]`);
    timer('group_wait', b.groupWaitMs, h.groupWaitMs);
    timer('group_interval', b.groupIntervalMs, h.groupIntervalMs);
    timer('repeat_interval', b.repeatIntervalMs, h.repeatIntervalMs);
    if (!changes.length && b.receiver === h.receiver) continue;
    const where = b.file === h.file && b.line === h.line ? `${b.file}:${b.line} on both sides` : `base ${b.file}:${b.line}, head ${h.file}:${h.line}`;
    out.push(`ends at the route at ${where}${changes.length ? `: ${changes.join(', ')}` : ''}`);
  }
  return out;
}
