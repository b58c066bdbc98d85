import { loadAlertmanagerConfig } from '../../alertmanager/alertmanager-config.js';
import { isAlwaysFiring } from '../../prometheus-rules/always-firing.js';
import { prometheusSettings } from '../../prometheus-rules/prometheus-config.js';
import { loadRuleInventory } from '../../prometheus-rules/rule-inventory.js';
import { loadPipelines } from '../../logstash/pipeline-files.js';
import type { CoverageFacts } from './coverage-facts.js';
import { pipelineCoverage } from './pipeline-coverage.js';

export interface CoverageItem {
  name: string;
  /** file:line where it is defined. */
  where: string;
  covered: boolean;
}

export interface CoverageSection {
  id: string;
  title: string;
  /** Which tests feed it, for the reader and for "not measured". */
  source: string;
  /** Undefined when measured; else why not (the tests did not run, or nothing feeds it yet). */
  notMeasured?: string;
  items: CoverageItem[];
}

/**
 * The coverage sections: every alert, route, receiver and inhibition rule of the canonical
 * configs, each marked covered when a passing test recorded it. A section no passing test fed
 * is "not measured" (its tests did not run here), never 0%.
 */
export function coverageSections(facts: readonly CoverageFacts[], partial: ReadonlyMap<string, string> = new Map()): CoverageSection[] {
  const inventory = loadRuleInventory(prometheusSettings().ruleFiles);
  const config = loadAlertmanagerConfig();
  const seen = <K extends keyof CoverageFacts>(key: K) => new Set(facts.flatMap((f) => (f[key] ?? []) as (string | number)[]));
  const fed = (key: keyof CoverageFacts) => facts.some((f) => f[key] !== undefined);
  const alerts = inventory.alerts();
  const section = (id: string, title: string, source: string, key: keyof CoverageFacts, items: { name: string; where: string; key: string | number }[], otherwise: string): CoverageSection => {
    const got = seen(key);
    // Part of a run measures part of the configs: reported, never failed against the threshold.
    const why = !fed(key) ? otherwise : partial.has(key) ? `partly measured: ${partial.get(key)}; run the whole project to measure it` : undefined;
    return { id, title, source, notMeasured: why, items: items.map((i) => ({ name: i.name, where: i.where, covered: got.has(i.key) })) };
  };
  const alertItems = alerts.map((a) => ({ name: a.name, where: `${a.file}:${a.line}`, key: a.name }));
  return [
    section('alerts-fired', 'Alerts fired', 'rule scenarios in simulated time (tests/rules, promtool)', 'alertsFired', alertItems, 'the rules project did not run (or promtool was missing)'),
    // An always-firing alert (the Watchdog) has nowhere it must be silent.
    section(
      'alerts-silent',
      'Alerts kept silent where they must',
      'rule scenarios in simulated time (tests/rules, promtool)',
      'alertsSilent',
      alertItems.filter((_, i) => !isAlwaysFiring(alerts[i]!)),
      'the rules project did not run (or promtool was missing)',
    ),
    section(
      'alerts-delivered',
      'Alerts delivered end to end',
      'incidents on real engines (tests/integration/e2e-incidents)',
      'alertsDelivered',
      alertItems,
      'the integration project did not run, or its engines were missing',
    ),
    section(
      'routes',
      'Routes reached',
      'routing cases on a real Alertmanager (tests/integration/routing-scenarios)',
      'routes',
      config.routes.map((r) => ({ name: `route → ${r.receiver}`, where: `${config.yaml.file}:${r.line}`, key: r.line })),
      'the integration project did not run, or its engines were missing',
    ),
    section(
      'receivers',
      'Receivers reached',
      'routing cases and incidents on a real Alertmanager (tests/integration)',
      'receivers',
      config.receivers.map((r) => ({ name: r.name, where: `${config.yaml.file}:${r.line}`, key: r.name })),
      'the integration project did not run, or its engines were missing',
    ),
    section(
      'inhibitions',
      'Inhibition rules observed muting',
      'inhibition cases and incidents on a real Alertmanager (tests/integration)',
      'inhibitions',
      config.inhibitRules.map((r) => ({ name: `inhibit_rules[${r.index}]`, where: `${config.yaml.file}:${r.line}`, key: r.index })),
      'the integration project did not run, or its engines were missing',
    ),
    {
      id: 'pipeline',
      title: 'Pipeline branches and outputs exercised',
      source: 'the fixture cases on the offline Logstash engine (tests/logs/pipeline-cases.test.ts)',
      // Every conditional clause and output of the canonical pipeline is counted (pipeline-coverage.ts).
      notMeasured:
        !fed('pipelineBranches') && !fed('pipelineOutputs')
          ? 'tests/logs/pipeline-cases.test.ts did not run (or JRuby was missing): each case records the clauses it took and the outputs it reached on the offline engine'
          : partial.has('pipelineBranches')
            ? `partly measured: ${partial.get('pipelineBranches')}; run the whole project to measure it`
            : undefined,
      items: pipelineCoverage(
        loadPipelines().flatMap((p) => p.configs),
        facts,
      ),
    },
  ];
}

/** Percentage covered, or undefined when not measured. */
export function percentCovered(s: CoverageSection): number | undefined {
  if (s.notMeasured !== undefined || s.items.length === 0) return undefined;
  return (100 * s.items.filter((i) => i.covered).length) / s.items.length;
}
