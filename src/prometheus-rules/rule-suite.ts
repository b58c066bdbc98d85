import { join } from 'node:path';
import type { Problem } from '../check/problem.js';
import { ConfigError } from '../sources/config-error.js';
import { repoRoot } from '../sources/repo-files.js';
import { SourceFiles } from '../sources/source-files.js';
import type { Workspace } from '../workspace/workspace.js';
import { compileScenarios, evaluationTimeError, type CompiledSuite } from './compile-scenarios.js';
import { coverageProblems } from './coverage.js';
import { loadScenario } from './load-scenario.js';
import { prometheusSettings, type PrometheusSettings } from './prometheus-config.js';
import { prometheusEngine, type PrometheusEngine } from './prometheus-engine.js';
import { loadRuleInventory, type RuleInventory } from './rule-inventory.js';
import { runCompiledSuite, type RuleTestRun } from './run-rule-tests.js';
import type { ScenarioFile } from './scenario.js';

export const scenarioDir = 'fixtures/rules';

export interface PreparedSuite {
  settings: PrometheusSettings;
  inventory: RuleInventory;
  scenarios: ScenarioFile[];
  /** Scenario files that could not be used, each with file:line. */
  loadErrors: ConfigError[];
  coverage: Problem[];
  compiled: CompiledSuite;
}

/** Every .yaml/.yml file under `dir`, sorted, repo-relative. */
export function scenarioFiles(dir = scenarioDir, files = new SourceFiles(repoRoot)): string[] {
  if (!files.isDirectory(dir)) throw new ConfigError(dir, 'the rule-test folder is missing', `put the rule tests under ${dir}/ (fixtures/rules/README.md)`);
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of files.list(rel)) {
      const path = join(rel, entry);
      if (files.isDirectory(path)) walk(path);
      else if (/\.ya?ml$/.test(entry)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

export interface SuiteOptions {
  dir?: string;
  prometheusConfig?: string;
  /** false: leave out the scenario files of `dir` (only `extraScenarios` run). */
  fixtures?: boolean;
  /** Scenarios made in memory, compiled and run after the files. */
  extraScenarios?: readonly ScenarioFile[];
  /** Where the rules and scenarios are read from, each once (`check`); default: the repository, read afresh. */
  workspace?: Workspace;
  /** Where the scenario files are read from when they are not the rules' tree (diff: the working tree's scenarios on a revision's rules); default: `workspace`. */
  fixturesFrom?: Workspace;
  /** The Prometheus whose semantics the scenarios expect (version-marked expectations); default: the one under test. */
  engine?: PrometheusEngine;
}

/**
 * Loads the rules (from what prometheus.yml loads) and every scenario, checks coverage and
 * compiles. Nothing here runs promtool, so `check` and the test suite share it.
 */
export function prepareSuite(options: SuiteOptions = {}): PreparedSuite {
  const { workspace } = options;
  const fixtures = options.fixturesFrom ?? workspace;
  const settings = workspace ? workspace.prometheus() : prometheusSettings(options.prometheusConfig);
  const inventory = workspace ? workspace.rules() : loadRuleInventory(settings.ruleFiles);
  const scenarios: ScenarioFile[] = [];
  const loadErrors: ConfigError[] = [];
  for (const file of options.fixtures === false ? [] : scenarioFiles(options.dir, fixtures)) {
    try {
      const scenario = fixtures ? fixtures.scenario(file) : loadScenario(file);
      const timing = evaluationTimeError(scenario, settings.evaluationIntervalMs);
      if (timing) throw timing;
      scenarios.push(scenario);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      loadErrors.push(error);
    }
  }
  const coverage = coverageProblems(inventory, scenarios, settings.evaluationIntervalMs);
  // Generated scenarios (boundary cases, reproduce probes) run with the others but are not fixtures: no coverage.
  const all = [...scenarios, ...(options.extraScenarios ?? [])];
  const compiled = compileScenarios(all, { inventory, evaluationIntervalMs: settings.evaluationIntervalMs, engine: options.engine ?? prometheusEngine() });
  return { settings, inventory, scenarios: all, loadErrors, coverage, compiled };
}

/** Prepares and runs the whole suite (promtool runs of bounded size, run-rule-tests.ts). */
export async function runRuleSuite(options: SuiteOptions & { keepDir?: string } = {}): Promise<PreparedSuite & { run: RuleTestRun }> {
  const prepared = prepareSuite(options);
  const run = await runCompiledSuite(prepared.compiled, options.keepDir);
  return { ...prepared, run };
}
