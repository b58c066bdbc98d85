import { checkContext } from '../../tests/support/check-context.js';
import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { createAppMetrics } from '../../app/metrics/app-metrics.js';
import { appMetricsContractCheck, appMetricsProblems } from './app-metrics-check.js';
import { appMetricsOf, loadMetricsContract, parseMetricsContract } from './metrics-contract.js';

const ctx = checkContext();
const sources = ctx.workspace;

describe('contract/app-metrics', () => {
  it('is clean on the repository', async () => {
    expect(await appMetricsContractCheck.run(ctx)).toEqual([]);
  });

  it('names a contract entry the module does not define, at its contract line', () => {
    const contract = [
      ...appMetricsOf(loadMetricsContract()),
      ...parseMetricsContract(YamlFile.parse('monitoring/metrics-contract.yml', 'metrics:\n  - {name: sessions_active, type: gauge, help: Sessions., labels: [], source: app}\n')),
    ];
    expect(appMetricsProblems(createAppMetrics().registry, contract, sources)).toEqual([
      expect.objectContaining({
        file: 'monitoring/metrics-contract.yml',
        line: 2,
        message: 'sessions_active is a `source: app` metric, but app/metrics does not define it',
        hint: expect.stringContaining('define it in app/metrics'),
      }),
    ]);
  });

  it('names a drifted definition where the code writes it, quoting the contract line', () => {
    const contract = appMetricsOf(loadMetricsContract()).map((m) => (m.name === 'db_queries_total' ? { ...m, labels: ['operation', 'table'] } : m));
    const [found, ...rest] = appMetricsProblems(createAppMetrics().registry, contract, sources);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      file: 'app/metrics/db-metrics.ts',
      line: expect.any(Number),
      message: expect.stringMatching(/^db_queries_total: labels are \[operation, status, table\], the contract says \[operation, table\] \(monitoring\/metrics-contract\.yml:\d+\)$/),
    });
  });

  it('names a metric the module defines beyond the contract', () => {
    const registry = createAppMetrics().registry;
    new Counter({ name: 'sneaky_total', help: 'Not in the contract.', registers: [registry] });
    expect(appMetricsProblems(registry, appMetricsOf(loadMetricsContract()), sources)).toEqual([
      expect.objectContaining({ file: 'app/metrics', message: 'sneaky_total is defined in app/metrics but is not a `source: app` metric of the contract' }),
    ]);
  });

  it('reports nothing but missing entries for an empty registry', () => {
    const contract = appMetricsOf(loadMetricsContract());
    expect(appMetricsProblems(new Registry(), contract, sources)).toHaveLength(contract.length);
  });
});
