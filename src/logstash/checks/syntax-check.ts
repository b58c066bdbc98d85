import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { conditionsOf, rvaluesOf } from '../condition-walk.js';
import type { PipelineConfig } from '../parser/ast.js';
import { loadPipelines } from '../pipeline-files.js';

const id = 'logstash/syntax';

/**
 * A one-item list in a condition is not a list: Logstash's grammar reads `["error"]` as a
 * field reference named `"error"`, so `"error" in ["error"]` is always false.
 */
export function conditionPitfalls(config: PipelineConfig): Problem[] {
  const problems: Problem[] = [];
  for (const condition of conditionsOf(config)) {
    for (const value of rvaluesOf(condition)) {
      if (value.kind !== 'field' || !value.path.some((p) => /^\s*["']/.test(p))) continue;
      problems.push(problem({
        check: id,
        file: config.file,
        line: value.pos.line,
        column: value.pos.column,
        message: `${value.text} in a condition is a field reference named ${value.path.join('.')}, not a list`,
        hint: 'Logstash reads a one-item list in brackets as a field: compare with == instead, or list two or more items',
      }));
    }
  }
  return problems;
}

export const logstashSyntaxCheck: Check = {
  id,
  description: 'the Logstash pipeline configs pipelines.yml names parse (a syntax error is reported at file:line:col)',
  async run() {
    return loadPipelines().flatMap((p) => p.configs.flatMap(conditionPitfalls));
  },
};
