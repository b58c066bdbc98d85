import type { Workspace } from '../workspace/workspace.js';
import type { Registry } from 'prom-client';
import type { Check } from '../check/check.js';
import { problem, type Problem } from '../check/problem.js';
import type { SourceFiles } from '../sources/source-files.js';
import { createAppMetrics } from '../../app/metrics/app-metrics.js';
import { shapeDifferences } from './contract-differences.js';
import { appMetricsOf, contractFile, type ContractMetric } from './metrics-contract.js';

const moduleDir = 'app/metrics';
const checkId = 'contract/app-metrics';

/**
 * The contract's `source: app` entries against the metrics app/metrics defines, read from
 * its registry (no server, no traffic): a rules owner who appends an app metric learns at
 * `npm run check` that the app does not expose it yet, before any alert depends on it.
 * The HTTP-level contract test (app/metrics/contract.test.ts) proves the same on a scrape.
 */
export const appMetricsContractCheck: Check<Workspace> = {
  id: checkId,
  description: 'app/metrics defines exactly the `source: app` metrics of the contract, with their type, help, labels and buckets',
  async run({ workspace }) {
    return appMetricsProblems(createAppMetrics().registry, appMetricsOf(workspace.contract()), workspace);
  },
};

/** Problems between a registry's definitions and the contract's app entries, each at file:line. */
export function appMetricsProblems(registry: Registry, contract: readonly ContractMetric[], files: SourceFiles): Problem[] {
  const definedAt = (name: string) => definitionOf(files, name);
  const defined = new Map(registry.getMetricsAsArray().map((m) => [m.name, m as unknown as { type?: string; help?: string; labelNames?: string[]; upperBounds?: number[] }]));
  const problems: Problem[] = [];
  for (const metric of contract) {
    const [file, line] = metric.where.split(':') as [string, string];
    const definition = defined.get(metric.name);
    if (!definition) {
      problems.push(
        problem({
          check: checkId,
          file,
          line: Number(line),
          message: `${metric.name} is a \`source: app\` metric, but app/metrics does not define it`,
          hint: `define it in ${moduleDir} with exactly this type, help, labels${metric.buckets ? ' and buckets' : ''}, and record it where the app does that work (see ${moduleDir}/README.md)`,
        }),
      );
      continue;
    }
    const shape = { type: definition.type, help: definition.help, labels: definition.labelNames ?? [], buckets: definition.type === 'histogram' ? definition.upperBounds : undefined };
    for (const difference of shapeDifferences(shape, metric)) {
      problems.push(
        problem({
          check: checkId,
          ...definedAt(metric.name),
          message: `${metric.name}: ${difference} (${metric.where})`,
          hint: `make the code and ${metric.where} agree: change the code, or ask the contract's owner to change the entry`,
        }),
      );
    }
  }
  const expected = new Set(contract.map((metric) => metric.name));
  for (const name of defined.keys()) {
    if (!expected.has(name)) {
      problems.push(
        problem({
          check: checkId,
          ...definedAt(name),
          message: `${name} is defined in app/metrics but is not a \`source: app\` metric of the contract`,
          hint: `add it to ${contractFile} (name, type, help, labels, source: app) so rules and dashboards may use it, or remove it`,
        }),
      );
    }
  }
  return problems;
}

/** Where a metric's name is written in the module's source (not its tests), for the problem's position. */
function definitionOf(files: SourceFiles, name: string): { file: string; line?: number } {
  for (const file of files.list(moduleDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const lines = files.text(`${moduleDir}/${file}`).split('\n');
    const index = lines.findIndex((text) => text.includes(`'${name}'`));
    if (index >= 0) return { file: `${moduleDir}/${file}`, line: index + 1 };
  }
  return { file: moduleDir };
}
