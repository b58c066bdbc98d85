import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../../check/check.js';
import { problem, type Problem } from '../../check/problem.js';
import { conditionsOf, rvaluesOf } from '../condition-walk.js';
import type { PipelineConfig, Value } from '../parser/ast.js';
import { pluginSites } from '../walk.js';
import { logstashDeployments } from './logstash-deployments.js';

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
      problems.push(
        problem({
          check: id,
          file: config.file,
          line: value.pos.line,
          column: value.pos.column,
          message: `${value.text} in a condition is a field reference named ${value.path.join('.')}, not a list`,
          hint: 'Logstash reads a one-item list in brackets as a field: compare with == instead, or list two or more items',
        }),
      );
    }
  }
  return problems;
}

/**
 * `${VAR}` without a default: Logstash refuses to start while VAR is unset. Not said of a
 * variable every deploy file hands Logstash: that one is required on purpose (the
 * Elasticsearch password, audit 1.2), and logstash/es-credentials holds the deploy files to it.
 */
export function environmentPitfalls(config: PipelineConfig, passedByEveryDeployment: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  for (const { plugin } of pluginSites([config])) {
    for (const attribute of plugin.attributes) {
      for (const { text, value } of deepStrings(attribute.value)) {
        for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
          if (passedByEveryDeployment.has(m[1]!)) continue;
          problems.push(
            problem({
              check: id,
              file: config.file,
              line: value.pos.line,
              column: value.pos.column,
              severity: 'warning',
              message: `\${${m[1]}} has no default: Logstash will not start where ${m[1]} is unset`,
              hint: `write \${${m[1]}:default} (Logstash's syntax for a default value)`,
            }),
          );
        }
      }
    }
  }
  return problems;
}

function deepStrings(value: Value): { text: string; value: Value }[] {
  if (value.kind === 'hash') return value.entries.flatMap((e) => deepStrings(e.value));
  if (value.kind === 'array') return value.items.flatMap(deepStrings);
  return value.kind === 'string' ? [{ text: value.value, value }] : [];
}

export const logstashSyntaxCheck: Check<Workspace> = {
  id,
  description: 'the Logstash pipeline configs pipelines.yml names parse (a syntax error is reported at file:line:col); grammar pitfalls',
  async run({ workspace }) {
    const deployments = logstashDeployments(workspace);
    const names = new Set(deployments.flatMap((d) => [...d.env.keys()]));
    const passed = new Set([...names].filter((name) => deployments.length > 0 && deployments.every((d) => d.env.has(name))));
    return workspace.pipelines().flatMap((p) => p.configs.flatMap((c) => [...conditionPitfalls(c), ...environmentPitfalls(c, passed)]));
  },
};
