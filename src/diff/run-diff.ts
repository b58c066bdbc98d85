import { performance } from 'node:perf_hooks';
import { alertmanagerConfigFile } from '../alertmanager/alertmanager-config.js';
import type { RoutingScenario } from '../alertmanager/routing-scenario.js';
import { ConfigError } from '../sources/config-error.js';
import { location } from '../sources/location.js';
import { prometheusConfigFile } from '../prometheus-rules/prometheus-config.js';
import { Workspace } from '../workspace/workspace.js';
import { alertmanagerChanges } from './alertmanager-changes.js';
import { changedFiles } from './changed-files.js';
import { openSide, type ConfigSide } from './config-side.js';
import { DiffInputError } from './diff-input-error.js';
import type { DiffReport } from './diff-report.js';
import { prometheusChanges } from './prometheus-changes.js';
import { ruleChanges } from './rule-changes.js';
import { compareRuleRuns } from './rule-differences.js';
import { prepareSide, runSideRules, type SideRuleRun } from './rule-outcomes.js';
import { generatedPrefix, planThresholds, thresholdChanges } from './threshold-changes.js';
import { identicalTestFiles, sameFile } from './unchanged-inputs.js';
import { compareRouting } from './routing-differences.js';
import { runSideRouting } from './routing-outcomes.js';

export interface DiffOptions {
  base: string;
  /** A revision, or undefined for the working tree. */
  head?: string;
  /** The checkout: its git history, its working tree and its fixtures/ (the CLI's `--root`, else this repository). */
  repoRoot: string;
}

/**
 * Materialises both sides' configs, then runs the working tree's scenarios against each, both
 * sides at once: the rule suite's promtool runs per side (one, up to 40 test files), amtool per distinct routing label set.
 */
export async function runDiff(options: DiffOptions): Promise<DiffReport> {
  const started = performance.now();
  const sides: ConfigSide[] = [];
  // The checkout's working tree: the scenarios both sides run are read from it, each file once.
  const tree = new Workspace(options.repoRoot);
  try {
    sides.push(await openSide('base', options.base, tree));
    sides.push(await openSide('head', options.head, tree));
    const [base, head] = sides as [ConfigSide, ConfigSide];
    const scenarios = routingScenarios(tree);
    // Boundary cases of the alerts whose thresholds moved run with the scenarios; what both sides
    // would run alike (same test file, same alertmanager.yml) is run by neither (unchanged-inputs.ts).
    const plan = planThresholds(base, head);
    const [baseSuite, headSuite] = [prepareSide(base, { extraScenarios: plan.scenarios }), prepareSide(head, { extraScenarios: plan.scenarios })];
    const skip = identicalTestFiles(baseSuite.compiled, headSuite.compiled);
    const routed = sameFile(base, head, alertmanagerConfigFile) ? [] : scenarios;
    const [baseRules, headRules, baseRouting, headRouting] = await Promise.all([
      runSideRules(base, baseSuite, skip),
      runSideRules(head, headSuite, skip),
      runSideRouting(base, routed),
      runSideRouting(head, routed),
    ]);

    const definitions = ruleChanges({ side: base, inventory: baseRules.suite.inventory }, { side: head, inventory: headRules.suite.inventory });
    const thresholds = thresholdChanges(plan, baseRules, headRules);
    const rules = compareRuleRuns(withoutGenerated(baseRules), withoutGenerated(headRules), definitions);
    const routing = routed.length ? compareRouting(scenarios, baseRouting, headRouting) : { ...compareRouting([], baseRouting, headRouting), ...routingCounts(scenarios) };
    const config = [
      ...prometheusChanges({ side: base, settings: baseRules.suite.settings }, { side: head, settings: headRules.suite.settings }),
      ...alertmanagerChanges({ side: base, config: baseRouting.config }, { side: head, config: headRouting.config }),
    ];
    const files = await changedFiles(base, head, evaluatedFiles([baseRules, headRules]));
    const notCompared = unusedScenarios(baseRules, headRules);
    const shown = [...definitions.entries()].map(([id, change]) => ({ id, ...change, shownBy: rules.differences.filter((d) => d.rules.includes(id)).length }));
    const changed = thresholds.length + rules.differences.length + shown.length + routing.differences.length + config.length > 0;
    return {
      base: { name: base.name, commit: base.commit, description: base.description, promtool: baseRules.via },
      head: { name: head.name, commit: head.commit, description: head.description, promtool: headRules.via },
      files,
      thresholds,
      rules: { compared: rules.compared, evaluations: rules.evaluations, cases: rules.cases, differences: rules.differences, definitions: shown },
      routing: { routeCases: routing.routeCases, inhibitionCases: routing.inhibitionCases, differences: routing.differences },
      config,
      notCompared,
      changed,
      wallTimeMs: performance.now() - started,
    };
  } finally {
    await Promise.all(sides.map((s) => s.dispose()));
  }
}

/** The working tree's routing cases, checked against the working tree's rules and receivers. */
function routingScenarios(tree: Workspace): RoutingScenario[] {
  try {
    return tree.routingScenarios();
  } catch (error) {
    if (error instanceof ConfigError) throw new DiffInputError(`the working tree's routing cases do not load: ${location(error)}: ${error.reason}`, error.hint);
    throw error;
  }
}

/** What the diff runs on either side: prometheus.yml, the rule files it loads, alertmanager.yml. */
function evaluatedFiles(runs: readonly SideRuleRun[]): Set<string> {
  return new Set([prometheusConfigFile, alertmanagerConfigFile, ...runs.flatMap((r) => r.suite.settings.ruleFiles.map((f) => r.side.display(f)))]);
}

/** A side's run as the working tree's scenarios see it: the generated boundary cases are reported apart. */
function withoutGenerated(run: SideRuleRun): SideRuleRun {
  return { ...run, suite: { ...run.suite, scenarios: run.suite.scenarios.filter((s) => !s.file.startsWith(generatedPrefix)) } };
}

/** Case counts when alertmanager.yml is the same on both sides and amtool was not asked. */
function routingCounts(scenarios: readonly RoutingScenario[]) {
  return { routeCases: scenarios.reduce((n, s) => n + s.routes.length, 0), inhibitionCases: scenarios.reduce((n, s) => n + s.inhibitions.length, 0) };
}

/** Scenario files a side could not use, once each: `head: file:line: why`, or `both sides: ...`. */
function unusedScenarios(base: SideRuleRun, head: SideRuleRun): string[] {
  const reasons = (run: SideRuleRun) => run.suite.loadErrors.map((e) => `${location(e)}: ${e.reason}`);
  const [b, h] = [reasons(base), reasons(head)];
  return [...new Set([...b, ...h])].map((reason) => `${b.includes(reason) && h.includes(reason) ? 'both sides' : b.includes(reason) ? 'base' : 'head'}: ${reason}`);
}
