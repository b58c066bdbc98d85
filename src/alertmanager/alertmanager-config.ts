import { ConfigError } from '../sources/config-error.js';
import { YamlFile, type YamlPath } from '../sources/yaml-file.js';
import { parseDuration } from '../prometheus-rules/duration.js';
import { MatcherSyntaxError, parseMatchers, type LabelMatcher } from './label-matcher.js';

export const alertmanagerConfigFile = 'monitoring/alertmanager.yml';

/** A matcher with the line it is written on. */
export interface PlacedMatcher extends LabelMatcher {
  line: number;
}

/** One node of the routing tree, with what it inherits from its parents already applied. */
export interface RouteEntry {
  path: YamlPath;
  line: number;
  depth: number;
  /** Its own matchers only: an alert reaches it when its parents' and these match. */
  matchers: PlacedMatcher[];
  /** The receiver it sends to (its own, or inherited). */
  receiver: string;
  ownReceiver?: string;
  groupBy: string[];
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  continue: boolean;
  children: RouteEntry[];
}

export interface ReceiverEntry {
  name: string;
  line: number;
  /** Slack channels it posts to (a channel per slack_configs entry). */
  slackChannels: string[];
  pagerduty: boolean;
  /** It has webhook_configs (a heartbeat: the Watchdog's dead man's switch). */
  webhook: boolean;
  /** Integrations of this receiver that send resolved notifications. */
  sendsResolved: ('slack' | 'pagerduty' | 'webhook')[];
}

export interface InhibitEntry {
  index: number;
  line: number;
  source: PlacedMatcher[];
  target: PlacedMatcher[];
  equal: string[];
}

export interface AlertmanagerConfig {
  yaml: YamlFile;
  root: RouteEntry;
  /** Every route, depth first, root included. */
  routes: RouteEntry[];
  receivers: ReceiverEntry[];
  inhibitRules: InhibitEntry[];
}

// Alertmanager's own defaults for a root route that leaves them out.
const defaults = { groupWaitMs: 30_000, groupIntervalMs: 300_000, repeatIntervalMs: 4 * 3600_000 };
// Alertmanager's defaults per integration when send_resolved is not written.
const resolvedByDefault = { slack: false, pagerduty: true, webhook: true };

export function loadAlertmanagerConfig(path = alertmanagerConfigFile): AlertmanagerConfig {
  return readAlertmanagerConfig(YamlFile.load(path, 'the Alertmanager configuration'));
}

/**
 * The routing tree, receivers and inhibition rules of an Alertmanager config, each with its
 * line. Only what checks and tests need is read; `amtool check-config` judges the rest.
 */
export function readAlertmanagerConfig(yaml: YamlFile): AlertmanagerConfig {
  const data = (yaml.data ?? {}) as Record<string, unknown>;
  if (typeof data.route !== 'object' || data.route === null) {
    throw new ConfigError(yaml.file, 'the config has no `route:`', 'add a root route with at least `receiver: <name>`', 1);
  }
  const routes: RouteEntry[] = [];
  const walk = (raw: Record<string, unknown>, path: YamlPath, parent: RouteEntry | undefined): RouteEntry => {
    const duration = (key: string, inherited: number): number => {
      if (raw[key] === undefined) return inherited;
      const ms = parseDuration(String(raw[key]));
      if (ms === undefined) throw new ConfigError(yaml.file, `${key} "${String(raw[key])}" is not a duration`, 'write it like 1s, 5m or 4h', yaml.valueLineOf([...path, key]));
      return ms;
    };
    const ownReceiver = typeof raw.receiver === 'string' ? raw.receiver : undefined;
    const entry: RouteEntry = {
      path,
      line: yaml.lineOf(path) ?? 1,
      depth: parent ? parent.depth + 1 : 0,
      matchers: routeMatchers(yaml, raw, path),
      receiver: ownReceiver ?? parent?.receiver ?? '',
      ownReceiver,
      groupBy: Array.isArray(raw.group_by) ? raw.group_by.map(String) : (parent?.groupBy ?? []),
      groupWaitMs: duration('group_wait', parent?.groupWaitMs ?? defaults.groupWaitMs),
      groupIntervalMs: duration('group_interval', parent?.groupIntervalMs ?? defaults.groupIntervalMs),
      repeatIntervalMs: duration('repeat_interval', parent?.repeatIntervalMs ?? defaults.repeatIntervalMs),
      continue: raw.continue === true,
      children: [],
    };
    routes.push(entry);
    const children = Array.isArray(raw.routes) ? (raw.routes as Record<string, unknown>[]) : [];
    entry.children = children.map((child, i) => walk(child ?? {}, [...path, 'routes', i], entry));
    return entry;
  };
  const root = walk(data.route as Record<string, unknown>, ['route'], undefined);

  const receivers = (Array.isArray(data.receivers) ? data.receivers : []).map((raw: Record<string, unknown>, i): ReceiverEntry => {
    const slack = Array.isArray(raw?.slack_configs) ? (raw.slack_configs as Record<string, unknown>[]) : [];
    const pagerduty = Array.isArray(raw?.pagerduty_configs) ? (raw.pagerduty_configs as Record<string, unknown>[]) : [];
    const webhook = Array.isArray(raw?.webhook_configs) ? (raw.webhook_configs as Record<string, unknown>[]) : [];
    const resolved = (configs: Record<string, unknown>[], kind: 'slack' | 'pagerduty' | 'webhook') =>
      configs.some((c) => (c?.send_resolved === undefined ? resolvedByDefault[kind] : c.send_resolved === true));
    return {
      name: String(raw?.name ?? ''),
      line: yaml.lineOf(['receivers', i, 'name']) ?? yaml.lineOf(['receivers', i]) ?? 1,
      slackChannels: slack.map((c) => String(c?.channel ?? '')),
      pagerduty: pagerduty.length > 0,
      webhook: webhook.length > 0,
      sendsResolved: [
        ...(resolved(slack, 'slack') ? ['slack' as const] : []),
        ...(resolved(pagerduty, 'pagerduty') ? ['pagerduty' as const] : []),
        ...(resolved(webhook, 'webhook') ? ['webhook' as const] : []),
      ],
    };
  });

  const inhibitRules = (Array.isArray(data.inhibit_rules) ? data.inhibit_rules : []).map((raw: Record<string, unknown>, index): InhibitEntry => {
    const path: YamlPath = ['inhibit_rules', index];
    return {
      index,
      line: yaml.lineOf(path) ?? 1,
      source: sideMatchers(yaml, raw ?? {}, path, 'source'),
      target: sideMatchers(yaml, raw ?? {}, path, 'target'),
      equal: Array.isArray(raw?.equal) ? raw.equal.map(String) : [],
    };
  });
  return { yaml, root, routes, receivers, inhibitRules };
}

function routeMatchers(yaml: YamlFile, raw: Record<string, unknown>, path: YamlPath): PlacedMatcher[] {
  return [...listed(yaml, raw, path, 'matchers'), ...legacy(yaml, raw, path, 'match', '='), ...legacy(yaml, raw, path, 'match_re', '=~')];
}

/** Inhibition sides: `source_matchers` plus the deprecated `source_match` / `source_match_re`. */
function sideMatchers(yaml: YamlFile, raw: Record<string, unknown>, path: YamlPath, side: 'source' | 'target'): PlacedMatcher[] {
  return [...listed(yaml, raw, path, `${side}_matchers`), ...legacy(yaml, raw, path, `${side}_match`, '='), ...legacy(yaml, raw, path, `${side}_match_re`, '=~')];
}

function listed(yaml: YamlFile, raw: Record<string, unknown>, path: YamlPath, key: string): PlacedMatcher[] {
  const list = raw[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ConfigError(yaml.file, `${key} must be a list of matcher strings`, `write ${key}: ['severity="critical"']`, yaml.lineOf([...path, key]));
  return list.flatMap((text, i) => {
    const line = yaml.valueLineOf([...path, key, i]) ?? 1;
    try {
      return parseMatchers(String(text)).map((m) => ({ ...m, line }));
    } catch (error) {
      if (error instanceof MatcherSyntaxError) throw new ConfigError(yaml.file, error.message, 'write matchers as name="value" (or =~ "regex"), quoted inside the YAML string', line);
      throw error;
    }
  });
}

function legacy(yaml: YamlFile, raw: Record<string, unknown>, path: YamlPath, key: string, op: '=' | '=~'): PlacedMatcher[] {
  const map = raw[key];
  if (map === undefined || map === null || typeof map !== 'object') return [];
  return Object.entries(map as Record<string, unknown>).map(([name, value]) => ({ name, op, value: String(value), line: yaml.lineOf([...path, key, name]) ?? 1 }));
}
