import { describe, expect, it } from 'vitest';
import { YamlFile } from '../sources/yaml-file.js';
import { contractDifferences } from './contract-differences.js';
import { parseMetricsContract } from './metrics-contract.js';
import { parseExposition } from './parse-exposition.js';

const contract = parseMetricsContract(
  YamlFile.parse(
    'contract.yml',
    `metrics:
  - {name: req_total, type: counter, help: Requests., labels: [method], source: app}
  - {name: wait_seconds, type: histogram, help: Waits., labels: [], buckets: [0.5, 1], source: app}
`,
  ),
);

const agreeing = `# HELP req_total Requests.
# TYPE req_total counter
req_total{method="GET"} 1
# HELP wait_seconds Waits.
# TYPE wait_seconds histogram
wait_seconds_bucket{le="0.5"} 0
wait_seconds_bucket{le="1"} 1
wait_seconds_bucket{le="+Inf"} 1
wait_seconds_sum 0.7
wait_seconds_count 1
`;

const differences = (text: string, allowedExtraPrefixes?: string[]) => contractDifferences(parseExposition(text), contract, { allowedExtraPrefixes });

describe('contractDifferences', () => {
  it('finds none when the scrape matches the contract', () => {
    expect(differences(agreeing)).toEqual([]);
  });

  it('names a missing metric and its contract line', () => {
    expect(differences(agreeing.split('# HELP wait_seconds')[0]!)).toEqual(['wait_seconds (contract.yml:3) is not exposed']);
  });

  it('names an exposed metric outside the contract, unless its prefix is allowed', () => {
    const extra = `${agreeing}# HELP process_x X.\n# TYPE process_x gauge\nprocess_x 1\n`;
    expect(differences(extra)).toEqual(['process_x is exposed but is not in the contract: add it there (with type, labels, help) or stop exposing it']);
    expect(differences(extra, ['process_'])).toEqual([]);
  });

  it('names a wrong type, a wrong help text, wrong labels and wrong buckets', () => {
    const drifted = agreeing
      .replace('# TYPE req_total counter', '# TYPE req_total gauge')
      .replace('Waits.', 'Waiting.')
      .replace('req_total{method="GET"}', 'req_total{method="GET",path="/a/1"}')
      .replace('wait_seconds_bucket{le="0.5"} 0\n', 'wait_seconds_bucket{le="0.25"} 0\n');
    expect(differences(drifted)).toEqual([
      'req_total (contract.yml:2): type is gauge, the contract says counter',
      'req_total (contract.yml:2): labels are [method, path], the contract says [method]',
      'wait_seconds (contract.yml:3): help is "Waiting.", the contract says "Waits."',
      'wait_seconds (contract.yml:3): buckets are [0.25, 1], the contract says [0.5, 1]',
    ]);
  });

  it('names samples of one metric whose label names differ from each other', () => {
    const mixed = agreeing.replace('req_total{method="GET"} 1\n', 'req_total{method="GET"} 1\nreq_total{verb="GET"} 1\n');
    expect(differences(mixed)).toEqual(['req_total (contract.yml:2): scraped line 4 has labels [verb] but line 3 has [method]']);
  });

  it('reports a labelled metric with no samples instead of passing it unchecked', () => {
    expect(differences(agreeing.replace('req_total{method="GET"} 1\n', ''))).toEqual(['req_total (contract.yml:2): has no samples, so its labels cannot be compared: make the test record it once']);
  });

  it('requires the +Inf bucket', () => {
    expect(differences(agreeing.replace('wait_seconds_bucket{le="+Inf"} 1\n', ''))).toEqual(['wait_seconds (contract.yml:3): has no le="+Inf" bucket']);
  });
});
