import { ConfigError } from '../sources/config-error.js';
import { nearestName } from '../sources/nearest-name.js';
import type { RuleInventory } from '../prometheus-rules/rule-inventory.js';
import type { ScenarioCase, ScenarioFile } from '../prometheus-rules/scenario.js';
import { scenarioFiles } from '../prometheus-rules/rule-suite.js';
import type { Workspace } from '../workspace/workspace.js';

export interface PickedCase {
  scenario: ScenarioFile;
  case: ScenarioCase;
}

/**
 * The rule scenario that shows `alert` firing: its own file (fixtures/rules/alerts/<Alert>.yaml)
 * first, else any scenario that expects it to fire; within it the case named `choice` (its name
 * or 1-based number), or the first case in which it fires. The scenarios are `workspace`'s.
 */
export function pickScenarioCase(alert: string, inventory: RuleInventory, workspace: Workspace, choice?: string): PickedCase {
  if (!inventory.find('alert', alert)) {
    const guess = nearestName(
      alert,
      inventory.alerts().map((a) => a.name),
    );
    throw new ConfigError(
      'monitoring/alert_rules.yml',
      `no alert rule is named ${alert}${guess ? `; did you mean ${guess}?` : ''}`,
      'name an alert of the rule files prometheus.yml loads, or an incident file (fixtures/incidents/<name>.yaml)',
    );
  }
  const files = scenarioFiles(undefined, workspace);
  const own = files.find((f) => f.endsWith(`/${alert}.yaml`) || f.endsWith(`/${alert}.yml`));
  const scenarios = [own, ...files.filter((f) => f !== own)].filter((f): f is string => f !== undefined).map((f) => workspace.scenario(f));
  const fires = (c: ScenarioCase) => c.expect.some((e) => e.kind === 'alert' && e.alert === alert && e.alerts.length > 0);
  for (const scenario of scenarios) {
    if (choice !== undefined && scenario.subject.name !== alert) continue;
    if (choice !== undefined) {
      const byNumber = /^\d+$/.test(choice) ? scenario.cases[Number(choice) - 1] : undefined;
      const picked = byNumber ?? scenario.cases.find((c) => c.name === choice);
      if (!picked) {
        const names = scenario.cases.map((c, i) => `${i + 1}: ${c.name}`).join('; ');
        throw new ConfigError(scenario.file, `no case "${choice}" in this scenario`, `pick one by number or name: ${names}`);
      }
      return { scenario, case: picked };
    }
    const firing = scenario.cases.find(fires);
    if (firing) return { scenario, case: firing };
  }
  throw new ConfigError(own ?? 'fixtures/rules', `no rule scenario makes ${alert} fire`, `add a case that fires it to fixtures/rules/alerts/${alert}.yaml (fixtures/rules/README.md)`);
}
