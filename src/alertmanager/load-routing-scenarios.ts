import { Ajv } from 'ajv';
import type { FromSchema } from 'json-schema-to-ts';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import type { YamlFile, YamlPath } from '../sources/yaml-file.js';
import { nearestName } from '../sources/nearest-name.js';
import type { ReceiverEntry } from './alertmanager-config.js';
import type { InhibitionCase, RouteCase, RoutingScenario, ScenarioAlert } from './routing-scenario.js';
import { routingScenarioSchema } from './routing-scenario-schema.js';
import { schemaError } from '../sources/schema-error.js';

export const routingScenarioDir = 'fixtures/routing';
const readme = `${routingScenarioDir}/README.md`;
const validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(routingScenarioSchema);

/** What a scenario is checked against: the alert rules and the Alertmanager config. */
export interface ScenarioContext {
  /** Alerts of alert_rules.yml by name: their labels and annotations as written. */
  alerts: ReadonlyMap<string, { labels: Record<string, string>; annotations: Record<string, string>; where: string }>;
  receivers: readonly ReceiverEntry[];
}

/** The file as written, typed from its schema. */
type RawScenario = FromSchema<typeof routingScenarioSchema>;
type RawAlert = NonNullable<RawScenario['routes']>[number]['alert'];

/** Every scenario file of fixtures/routing/ in `sources` (default: the repository), in name order. */
export function loadRoutingScenarios(context: ScenarioContext, dir = routingScenarioDir, sources = new SourceFiles(repoRoot)): RoutingScenario[] {
  const files = sources.list(dir).filter((f) => /\.ya?ml$/.test(f));
  if (files.length === 0) throw new ConfigError(dir, 'no routing scenario files', `add fixtures as described in ${readme}`);
  return files.map((f) => loadRoutingScenario(`${dir}/${f}`, context, sources));
}

/**
 * Reads one scenario: YAML with positions, the schema, then what the schema cannot know, each
 * at its line: the receiver exists and has the integration whose payload is expected; a named
 * alert exists in alert_rules.yml with the severity/service/team the scenario gives it (so
 * scenarios can't drift from the rules); `cluster` is left to the test, which makes it unique.
 */
export function loadRoutingScenario(path: string, context: ScenarioContext, sources = new SourceFiles(repoRoot)): RoutingScenario {
  const yaml = sources.yaml(path, 'a routing scenario');
  if (!validate(yaml.data)) throw schemaError(yaml, validate.errors ?? [], readme);
  const raw = yaml.data as RawScenario;
  const receiverNames = context.receivers.map((r) => r.name);

  const routes = (raw.routes ?? []).map((c, i): RouteCase => {
    const at: YamlPath = ['routes', i];
    const receiver = context.receivers.find((r) => r.name === c.receiver);
    if (!receiver) {
      const guess = nearestName(c.receiver, receiverNames);
      throw new ConfigError(
        yaml.file,
        `receiver "${c.receiver}" is not in monitoring/alertmanager.yml${guess ? `; did you mean "${guess}"?` : ''}`,
        `receivers there: ${receiverNames.join(', ')}`,
        yaml.lineOf([...at, 'receiver']),
      );
    }
    if (c.slack && receiver.slackChannels.length === 0)
      throw new ConfigError(
        yaml.file,
        `receiver ${receiver.name} has no slack_configs, so nothing can match a \`slack:\` expectation`,
        'expect what that receiver sends (pagerduty:), or name a Slack receiver',
        yaml.lineOf([...at, 'slack']),
      );
    if (c.pagerduty && !receiver.pagerduty)
      throw new ConfigError(
        yaml.file,
        `receiver ${receiver.name} has no pagerduty_configs, so nothing can match a \`pagerduty:\` expectation`,
        'expect what that receiver sends (slack:), or name a PagerDuty receiver',
        yaml.lineOf([...at, 'pagerduty']),
      );
    if (c.webhook && !receiver.webhook)
      throw new ConfigError(
        yaml.file,
        `receiver ${receiver.name} has no webhook_configs, so nothing can match a \`webhook:\` expectation`,
        'expect what that receiver sends (slack: or pagerduty:), or name the heartbeat receiver',
        yaml.lineOf([...at, 'webhook']),
      );
    return {
      name: c.name,
      line: yaml.lineOf(at) ?? 1,
      alert: scenarioAlert(yaml, c.alert, [...at, 'alert'], context),
      receiver: c.receiver,
      slack: c.slack,
      pagerduty: c.pagerduty,
      webhook: c.webhook,
    };
  });

  const inhibitions = (raw.inhibitions ?? []).map((c, i): InhibitionCase => {
    const at: YamlPath = ['inhibitions', i];
    return {
      name: c.name,
      line: yaml.lineOf(at) ?? 1,
      source: scenarioAlert(yaml, c.source, [...at, 'source'], context),
      target: scenarioAlert(yaml, c.target, [...at, 'target'], context),
      sameCluster: c.same_cluster ?? true,
      inhibited: c.inhibited,
    };
  });

  const names = [...routes, ...inhibitions].map((c) => c.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new ConfigError(yaml.file, `two cases are named "${twice}"`, 'give each case its own name: test reports use it', yaml.lineOf([]));
  return { file: yaml.file, description: raw.description, routes, inhibitions };
}

function scenarioAlert(yaml: YamlFile, raw: RawAlert, at: YamlPath, context: ScenarioContext): ScenarioAlert {
  // Every label is a string (the schema says so); json-schema-to-ts types the index of an object
  // with both `properties` and `additionalProperties` as unknown, so it is narrowed here, once.
  const labels = raw.labels as Record<string, string>;
  const line = yaml.lineOf(at) ?? 1;
  const labelLine = (name: string) => yaml.lineOf([...at, 'labels', name]) ?? line;
  if ('cluster' in labels)
    throw new ConfigError(
      yaml.file,
      'the alert sets `cluster`',
      "leave it out: each test gives its alerts a cluster of their own, so tests sharing one Alertmanager never see each other's notifications",
      labelLine('cluster'),
    );
  const name = labels.alertname!;
  const rule = context.alerts.get(name);
  if (raw.synthetic) {
    if (rule)
      throw new ConfigError(
        yaml.file,
        `${name} is an alert of ${rule.where}, yet marked synthetic`,
        'remove `synthetic: true` so its labels are checked against the rule',
        yaml.lineOf([...at, 'synthetic']),
      );
    return { labels, annotations: raw.annotations ?? {}, synthetic: true, line };
  }
  if (!rule) {
    const guess = nearestName(name, [...context.alerts.keys()]);
    throw new ConfigError(
      yaml.file,
      `no alert rule is named ${name}${guess ? `; did you mean ${guess}?` : ''}`,
      'name an alert of monitoring/alert_rules.yml, or mark a made-up alert `synthetic: true`',
      labelLine('alertname'),
    );
  }
  for (const label of ['severity', 'service', 'team']) {
    const expected = rule.labels[label];
    if (expected !== undefined && labels[label] !== expected) {
      throw new ConfigError(
        yaml.file,
        `${name} has ${label}="${expected}" in ${rule.where}, the scenario gives ${label}=${JSON.stringify(labels[label] ?? null)}`,
        `write ${label}: ${expected}, as Prometheus would send it`,
        labelLine(label),
      );
    }
  }
  // A runbook link is static text in the rule; scenarios need not repeat it.
  const annotations = { ...(rule.annotations.runbook_url ? { runbook_url: rule.annotations.runbook_url } : {}), ...(raw.annotations ?? {}) };
  return { labels, annotations, synthetic: false, line };
}
