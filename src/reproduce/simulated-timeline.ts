import { openSide } from '../diff/config-side.js';
import { expectationKey, prepareSide, runSideRules } from '../diff/rule-outcomes.js';
import type { Sample } from '../diff/promtool-samples.js';
import { formatDuration } from '../prometheus-rules/duration.js';
import type { QueryExpectation } from '../prometheus-rules/scenario.js';
import { alertBoundary } from '../thresholds/alert-boundary.js';
import { describeBoundary, formatThreshold } from '../thresholds/boundary-words.js';
import { notificationVerb } from '../thresholds/notification-verb.js';
import type { Workspace } from '../workspace/workspace.js';
import { pickScenarioCase } from './pick-scenario-case.js';
import { probeScenario } from './probe-scenario.js';
import { simulatedDeliveries } from './simulated-delivery.js';
import type { Evaluation, Timeline } from './timeline.js';
import { stateEvents, stateOf } from './timeline-states.js';

/**
 * The alert's timeline in simulated time, from its rule scenario and the real promtool: one
 * promtool run probes ALERTS and the measured expressions at every evaluation (probe-scenario.ts);
 * routing and timers of alertmanager.yml say where and when it would be delivered. Everything is
 * read from `workspace` (the checkout `--root` names, else this repository).
 */
export async function simulatedTimeline(alert: string, options: { caseChoice?: string; modeReason: string; workspace: Workspace }): Promise<Timeline> {
  const { workspace } = options;
  const settings = workspace.prometheus();
  const inventory = workspace.rules();
  const picked = pickScenarioCase(alert, inventory, workspace, options.caseChoice);
  const rule = inventory.find('alert', alert)!;
  const boundary = alertBoundary(rule, inventory);
  const config = workspace.alertmanager();
  const conditions = (boundary?.conditions ?? []).map((c) => ({ expr: c.comparison.lhs.replace(/\s+/g, ' '), op: c.comparison.op, threshold: c.comparison.threshold, display: formatThreshold(c) }));
  // Without a number to compare with, the expression itself is what there is to watch.
  const measured = conditions.length ? conditions.map((c) => c.expr) : [rule.expr];
  const probes = probeScenario(rule, inventory, picked.case, measured, settings.evaluationIntervalMs);

  const side = await openSide('head', undefined, workspace);
  const run = await runSideRules(side, prepareSide(side, { fixtures: false, extraScenarios: [probes.scenario] }));
  const c = probes.scenario.cases[0]!;
  const got = (e: QueryExpectation): Sample[] => {
    const outcome = run.outcomes.get(expectationKey({ scenario: probes.scenario, case: c, expectation: e }));
    return outcome && !outcome.passed && outcome.kind === 'query' ? outcome.got : [];
  };
  const notes: string[] = [];
  let firingLabels: Record<string, string> | undefined;
  const evaluations: Evaluation[] = probes.times.map((atMs) => {
    const probe = probes.at.get(atMs)!;
    const alerts = got(probe.alerts);
    const state = stateOf(alerts);
    if (state === 'firing' && !firingLabels) {
      const { __name__: _, alertstate: __, ...labels } = alerts.find((a) => a.labels.alertstate === 'firing')!.labels;
      firingLabels = labels;
    }
    const values = probe.values.map((p, i) => {
      const samples = got(p);
      if (samples.length > 1 && !notes.some((n) => n.startsWith(`${measured[i]} `))) notes.push(`${measured[i]} returns ${samples.length} series; the chart shows the highest`);
      return samples.length ? Math.max(...samples.map((s) => s.value)) : null;
    });
    return { atMs, values, state };
  });
  if (probes.thinned) notes.push(`the case is long: one evaluation in ${probes.times[1]! / probes.stepMs} is shown`);
  const events = stateEvents(evaluations, formatDuration);
  const summary = rule.annotations.summary ?? alert;
  const delivery = firingLabels ? simulatedDeliveries(config, firingLabels, summary, events) : { deliveries: [], events: [] };
  if (delivery.deliveries.length)
    notes.push(
      "simulated: deliveries follow alertmanager.yml's route and timers, and the summary is the alert's own annotation; only a running Alertmanager renders the real message (run without --simulated)",
    );
  return {
    alert,
    mode: 'simulated',
    modeReason: options.modeReason,
    source: `${picked.scenario.file}:${picked.case.line} case "${picked.case.name}"`,
    boundary: boundary ? describeBoundary(boundary, notificationVerb(rule, config)) : `${alert}: no comparison with a number in its expression`,
    rule: { file: rule.file, line: rule.line, expr: rule.expr.trim(), for: rule.for },
    clock: `simulated time (promtool ${run.via}), evaluation every ${formatDuration(probes.stepMs)}`,
    conditions,
    evaluations,
    events: [...events, ...delivery.events].sort((a, b) => a.atMs - b.atMs),
    deliveries: delivery.deliveries,
    notes,
  };
}
