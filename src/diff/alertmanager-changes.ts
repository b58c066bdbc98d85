import type { AlertmanagerConfig, InhibitEntry, ReceiverEntry, RouteEntry } from '../alertmanager/alertmanager-config.js';
import { formatMatcher, type LabelMatcher } from '../alertmanager/label-matcher.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import type { ConfigSide } from './config-side.js';

/** One routing definition that differs: a route, a receiver or an inhibition rule. */
export interface ConfigChange {
  /** `route severity="info"`, `receiver slack-info`, `inhibit_rules[1]`, `prometheus.yml evaluation_interval`. */
  what: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: `receiver slack-info → slack-warnings`, one entry per field. */
  fields: string[];
  base?: { file: string; line: number };
  head?: { file: string; line: number };
}

type Described = { what: string; line: number; fields: Record<string, string> };

/**
 * What Alertmanager would do differently, read from the two configs: each route (matched by
 * its place in the tree, named by its matchers), receiver (by name) and inhibition rule (by
 * position), compared on the fields that decide where and when a notification goes. Routing
 * cases show the effect on real label sets; this lists what no case may reach.
 */
export function alertmanagerChanges(base: { side: ConfigSide; config: AlertmanagerConfig }, head: { side: ConfigSide; config: AlertmanagerConfig }): ConfigChange[] {
  const [before, after] = [described(base.config), described(head.config)];
  const [baseFile, headFile] = [base.side.display(base.config.yaml.file), head.side.display(head.config.yaml.file)];
  const changes: ConfigChange[] = [];
  for (const [key, b] of before) {
    const h = after.get(key);
    if (!h) {
      changes.push({ what: b.what, change: 'removed', fields: [], base: { file: baseFile, line: b.line } });
      continue;
    }
    const fields = Object.keys({ ...b.fields, ...h.fields })
      .filter((f) => b.fields[f] !== h.fields[f])
      .map((f) => `${f} ${b.fields[f] ?? '(none)'} → ${h.fields[f] ?? '(none)'}`);
    if (fields.length) changes.push({ what: h.what, change: 'changed', fields, base: { file: baseFile, line: b.line }, head: { file: headFile, line: h.line } });
  }
  for (const [key, h] of after) if (!before.has(key)) changes.push({ what: h.what, change: 'added', fields: [], head: { file: headFile, line: h.line } });
  return changes;
}

function described(config: AlertmanagerConfig): Map<string, Described> {
  const out = new Map<string, Described>();
  // A route is known by its matchers and its parents', not its index: inserting a sibling
  // before it does not change it.
  const chains = new Map<RouteEntry, string>();
  const walk = (r: RouteEntry, parent: string) => {
    const chain = r.depth === 0 ? 'root route' : `${parent === 'root route' ? 'route' : parent} {${matchers(r.matchers)}}`;
    chains.set(r, chain);
    r.children.forEach((c) => walk(c, chain));
  };
  walk(config.root, '');
  for (const r of config.routes) {
    const chain = chains.get(r)!;
    let key = chain;
    for (let n = 2; out.has(key); n++) key = `${chain} #${n}`;
    out.set(key, route(r, key));
  }
  for (const r of config.receivers) out.set(`receiver ${r.name}`, receiver(r));
  for (const r of config.inhibitRules) out.set(`inhibit ${r.index}`, inhibition(r));
  return out;
}

const matchers = (ms: readonly LabelMatcher[]) => (ms.length ? ms.map(formatMatcher).join(', ') : '');

function route(r: RouteEntry, name: string): Described {
  return {
    what: name,
    line: r.line,
    fields: {
      // Siblings are tried in order and the first match wins: moving a route moves alerts.
      ...(r.depth > 0 ? { position: String(r.path.at(-1)) } : {}),
      receiver: r.receiver,
      group_by: `[${r.groupBy.join(', ')}]`,
      group_wait: formatDuration(r.groupWaitMs),
      group_interval: formatDuration(r.groupIntervalMs),
      repeat_interval: formatDuration(r.repeatIntervalMs),
      continue: String(r.continue),
    },
  };
}

function receiver(r: ReceiverEntry): Described {
  return { what: `receiver ${r.name}`, line: r.line, fields: { slack_channels: `[${r.slackChannels.join(', ')}]`, pagerduty: String(r.pagerduty), send_resolved: `[${r.sendsResolved.join(', ')}]` } };
}

function inhibition(r: InhibitEntry): Described {
  return { what: `inhibit_rules[${r.index}]`, line: r.line, fields: { source: `{${matchers(r.source)}}`, target: `{${matchers(r.target)}}`, equal: `[${r.equal.join(', ')}]` } };
}
