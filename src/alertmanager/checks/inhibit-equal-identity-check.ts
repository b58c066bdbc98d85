import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import type { AlertmanagerConfig, InhibitEntry } from '../alertmanager-config.js';
import { matcherMatches } from '../label-matcher.js';

const id = 'alertmanager/inhibit-equal-identity';

/**
 * Labels that name the monitored thing. `instance` is the scrape target (a host, an exporter,
 * an app replica). Two alerts that both carry one of these are about two things unless
 * `equal` says they must be the same one; `job` is left out on purpose: rules such as
 * DatabaseDown → PoolExhausted mute one job's alert by another's by design.
 */
export const identityLabels = ['instance'] as const;

/** What an alert looks like when it fires: every label (its rule test's `firing:`), and which of them its rule sets. */
export interface AlertShape {
  name: string;
  labels: Record<string, string>;
  ruleLabels: Record<string, string>;
}

/**
 * An inhibition rule whose source and target alerts both carry an identity label (issue 12:
 * a disk filling on one host muted another host's warnings because `equal` held only
 * `[cluster, service]`) must list that label in `equal`; otherwise one target's alert mutes
 * every other target's. Pairs whose `equal` labels set by the rules differ are skipped: they
 * can never meet. A label only the source or only the target carries is fine (Alertmanager
 * compares a missing label as '', so listing it would mute nothing).
 */
export function inhibitEqualIdentityProblems(config: AlertmanagerConfig, alerts: readonly AlertShape[]): Problem[] {
  const problems: Problem[] = [];
  for (const rule of config.inhibitRules) {
    const missing = new Map<string, string[]>();
    for (const source of alerts.filter((a) => rule.source.every((m) => matcherMatches(m, a.labels)))) {
      for (const target of alerts.filter((a) => a !== source && rule.target.every((m) => matcherMatches(m, a.labels)))) {
        if (!canMeet(rule, source, target)) continue;
        for (const label of identityLabels) {
          if (rule.equal.includes(label) || !(label in source.labels) || !(label in target.labels)) continue;
          missing.set(label, [...(missing.get(label) ?? []), `${source.name} → ${target.name}`]);
        }
      }
    }
    for (const [label, pairs] of missing) {
      const shown = pairs.length > 3 ? `${pairs.slice(0, 3).join(', ')} and ${pairs.length - 3} more` : pairs.join(', ');
      problems.push(
        problem({
          check: id,
          file: config.yaml.file,
          line: rule.line,
          message: `inhibition rule ${rule.index + 1}'s equal [${rule.equal.join(', ')}] lacks ${label}, which both its source and its target carry: one ${label}'s alert mutes every other ${label}'s (${shown})`,
          hint: `add ${label} to equal, or narrow the matchers so source and target are about different things by design`,
        }),
      );
    }
  }
  return problems;
}

function canMeet(rule: InhibitEntry, source: AlertShape, target: AlertShape): boolean {
  return rule.equal.every((l) => source.ruleLabels[l] === undefined || target.ruleLabels[l] === undefined || source.ruleLabels[l] === target.ruleLabels[l]);
}

/** Every alert of the rule files, with the labels its rule test shows it firing with (fixtures/rules/alerts/<Alert>.yaml). */
export function canonicalAlertShapes(workspace: Workspace): AlertShape[] {
  return workspace
    .rules()
    .alerts()
    .map((rule) => {
      const file = `fixtures/rules/alerts/${rule.name}.yaml`;
      const firing = workspace.exists(file) ? workspace.scenario(file).firing?.labels : undefined;
      return { name: rule.name, labels: { alertname: rule.name, ...rule.labels, ...firing }, ruleLabels: rule.labels };
    });
}

export const alertmanagerInhibitEqualIdentityCheck: Check<Workspace> = {
  id,
  description: 'inhibition rules keep to one target: equal lists the identity labels (instance) that source and target both carry',
  async run({ workspace }) {
    return inhibitEqualIdentityProblems(workspace.alertmanager(), canonicalAlertShapes(workspace));
  },
};
