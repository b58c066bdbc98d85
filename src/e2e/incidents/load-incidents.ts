import { basename } from 'node:path';
import { Ajv } from 'ajv';
import { schemaError } from '../../sources/schema-error.js';
import { ConfigError } from '../../sources/config-error.js';
import { repoRoot } from '../../sources/repo-files.js';
import { SourceFiles } from '../../sources/source-files.js';
import type { YamlFile, YamlPath } from '../../sources/yaml-file.js';
import { nearestName } from '../../sources/nearest-name.js';
import type { FiringExpectation, Incident, InhibitedExpectation } from './incident.js';
import type { IncidentContext } from './incident-context.js';
import { incidentSchema, type RawIncident } from './incident-schema.js';
import { liveRecordingConflict } from './live-recording-conflict.js';
import { readHistory } from './read-history.js';

export const incidentDir = 'fixtures/incidents';
const readme = `${incidentDir}/README.md`;
const validate = new Ajv({ allErrors: true, strict: true, verbose: true }).compile(incidentSchema);

/** Every incident file of fixtures/incidents/ in `sources` (default: the repository), in name order. */
export function loadIncidents(context: IncidentContext, dir = incidentDir, sources = new SourceFiles(repoRoot)): Incident[] {
  return incidentFiles(dir, sources).map((f) => loadIncident(f, context, sources));
}

/** Paths of the incident files, in name order; none at all is an error. */
export function incidentFiles(dir = incidentDir, sources = new SourceFiles(repoRoot)): string[] {
  const files = sources.list(dir).filter((f) => /\.ya?ml$/.test(f));
  if (files.length === 0) throw new ConfigError(dir, 'no incident files', `add incidents as described in ${readme}`);
  return files.map((f) => `${dir}/${f}`);
}

/**
 * Reads one incident: YAML with positions, the schema (an unknown key names the nearest valid
 * one), its history (read-history.ts), then its expectations against the canonical files, each
 * problem at its line: alerts of alert_rules.yml, receivers of alertmanager.yml with the
 * integration whose payload is expected, and inhibitors that the incident itself makes fire.
 */
export function loadIncident(path: string, context: IncidentContext, sources = new SourceFiles(repoRoot)): Incident {
  const yaml = sources.yaml(path, 'an incident scenario');
  const data = valuesAsWritten(yaml);
  if (!validate(data)) throw schemaError(yaml, validate.errors ?? [], readme);
  const raw = data as RawIncident;
  const fail = (message: string, hint: string, at: YamlPath) => new ConfigError(yaml.file, message, hint, yaml.lineOf(at));
  const alertNamed = (name: string, at: YamlPath) => {
    if (context.alerts.has(name)) return name;
    const guess = nearestName(name, [...context.alerts.keys()]);
    throw fail(`no alert rule is named ${name}${guess ? `; did you mean ${guess}?` : ''}`, 'name an alert of monitoring/alert_rules.yml', at);
  };

  const history = readHistory(yaml, raw.history, context);
  const conflict = liveRecordingConflict(history, context.records);
  if (conflict) {
    throw new ConfigError(
      yaml.file,
      `${conflict.recorded.selector} is injected from now on, and so is what its rule reads (${conflict.source.selector}, line ${conflict.source.line}, inside its ${conflict.windowMs / 60_000}m window): Prometheus would record it every evaluation too, two writers in one series`,
      `end the source series more than ${conflict.windowMs / 60_000}m before injection, or inject the recorded series only in the past (see ${readme})`,
      conflict.recorded.line,
    );
  }

  const fires = raw.fires.map((f, i): FiringExpectation => {
    const at: YamlPath = ['fires', i];
    alertNamed(f.alert, [...at, 'alert']);
    const receiver = context.receivers.find((r) => r.name === f.receiver);
    if (!receiver) {
      const guess = nearestName(
        f.receiver,
        context.receivers.map((r) => r.name),
      );
      throw fail(`receiver "${f.receiver}" is not in monitoring/alertmanager.yml${guess ? `; did you mean "${guess}"?` : ''}`, `receivers there: ${context.receivers.map((r) => r.name).join(', ')}`, [
        ...at,
        'receiver',
      ]);
    }
    if (f.slack && receiver.slackChannels.length === 0)
      throw fail(`receiver ${receiver.name} has no slack_configs, so nothing can match a \`slack:\` expectation`, 'expect what that receiver sends (pagerduty:)', [...at, 'slack']);
    if (f.pagerduty && !receiver.pagerduty)
      throw fail(`receiver ${receiver.name} has no pagerduty_configs, so nothing can match a \`pagerduty:\` expectation`, 'expect what that receiver sends (slack:)', [...at, 'pagerduty']);
    if (f.webhook && !receiver.webhook)
      throw fail(`receiver ${receiver.name} has no webhook_configs, so nothing can match a \`webhook:\` expectation`, 'expect what that receiver sends (slack: or pagerduty:)', [...at, 'webhook']);
    return { alert: f.alert, line: yaml.lineOf(at) ?? 1, receiver: f.receiver, labels: f.labels ?? {}, slack: f.slack, pagerduty: f.pagerduty, webhook: f.webhook };
  });
  const twice = fires.find((f, i) => fires.findIndex((g) => g.alert === f.alert) !== i);
  if (twice) throw fail(`${twice.alert} is expected to fire twice`, 'list each alert once under fires:', ['fires', fires.indexOf(twice)]);

  const inhibited = (raw.inhibited ?? []).map((entry, i): InhibitedExpectation => {
    const at: YamlPath = ['inhibited', i];
    alertNamed(entry.alert, [...at, 'alert']);
    if (fires.some((f) => f.alert === entry.alert))
      throw fail(`${entry.alert} is both expected to fire and to be inhibited`, 'an inhibited alert fires in Prometheus but reaches nobody: list it once, under inhibited:', [...at, 'alert']);
    const by = typeof entry.by === 'string' ? [entry.by] : entry.by;
    const firingInIncident = [...fires.map((f) => f.alert), ...(raw.inhibited ?? []).map((e) => e.alert)];
    for (const source of by) {
      alertNamed(source, [...at, 'by']);
      // An inhibited alert still mutes others in Alertmanager: it is firing, only not delivered.
      if (source === entry.alert || !firingInIncident.includes(source))
        throw fail(`${source} mutes ${entry.alert}, but the incident does not expect ${source} to fire`, `add ${source} under fires: (or inhibited:); only a firing alert mutes another`, [
          ...at,
          'by',
        ]);
    }
    return { alert: entry.alert, line: yaml.lineOf(at) ?? 1, by };
  });

  return { name: basename(path).replace(/\.ya?ml$/, ''), file: yaml.file, description: raw.description, history, fires, inhibited };
}

/**
 * The data with `values`, `from` and `to` as written: YAML reads `0x40` as the hex number 64
 * and `1e9` as a number, but they are notation and must stay text.
 */
function valuesAsWritten(yaml: YamlFile): unknown {
  const data = yaml.data as { history?: { segments?: Record<string, unknown>[] }[] } | null;
  data?.history?.forEach((series, i) =>
    series?.segments?.forEach((segment, j) => {
      for (const key of ['values', 'from', 'to']) {
        if (typeof segment?.[key] !== 'number') continue;
        const node = yaml.documents[0]?.getIn(['history', i, 'segments', j, key], true) as { range?: [number, number, number] } | undefined;
        if (node?.range) segment[key] = yaml.text.slice(node.range[0], node.range[1]);
      }
    }),
  );
  return data;
}
