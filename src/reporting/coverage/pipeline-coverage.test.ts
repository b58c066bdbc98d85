import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../logstash/parser/parse-config.js';
import { pipelineCoverage, pipelineCoverageItems } from './pipeline-coverage.js';
import { percentCovered } from './coverage-sections.js';

const text = [
  'input { tcp { port => 5000 } }', // 1
  'filter {', // 2
  '  if [a] == "x" {', // 3
  '    mutate { add_tag => ["x"] }', // 4
  '    if [b] { mutate { add_tag => ["b"] } }', // 5
  '  } else if [a] == "y" {', // 6
  '    mutate { add_tag => ["y"] }', // 7
  '  } else {', // 8
  '    mutate { add_tag => ["z"] }', // 9
  '  }', // 10
  '}', // 11
  'output {', // 12
  '  elasticsearch { id => "all" }', // 13
  '  if "error" in [tags] {', // 14
  '    stdout { }', // 15
  '  }', // 16
  '}', // 17
].join('\n');
const config = parseConfig('p.conf', text);

describe("the coverage report's pipeline section", () => {
  it('lists every conditional clause (filter and output, nested too) and every output, at file:line', () => {
    expect(pipelineCoverageItems([config]).map((i) => `${i.where} ${i.name}`)).toEqual([
      'p.conf:3 filter: if [a] == "x"',
      'p.conf:5 filter: if [b]',
      'p.conf:6 filter: else if [a] == "y"',
      'p.conf:8 filter: else',
      'p.conf:13:3 output elasticsearch "all"',
      'p.conf:14 output: if "error" in [tags]',
      'p.conf:15:5 output stdout',
    ]);
  });

  it('marks covered only what the tests took, so a clause no case takes counts against the section', () => {
    const items = pipelineCoverage([config], [{ pipelineBranches: ['p.conf:3', 'p.conf:8'], pipelineOutputs: ['p.conf:13:3'] }, { pipelineBranches: ['p.conf:6'] }]);
    expect(items.filter((i) => !i.covered).map((i) => i.where)).toEqual(['p.conf:5', 'p.conf:14', 'p.conf:15:5']);
    expect(percentCovered({ id: 'pipeline', title: 't', source: 's', items })).toBeCloseTo((100 * 4) / 7);
  });
});
