import { isMap, isSeq } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile, type YamlPath } from '../sources/yaml-file.js';

/** One alerting or recording rule, with where it is written. */
export interface RuleEntry {
  kind: 'alert' | 'record';
  name: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  group: string;
  file: string;
  /** Line of the `alert:` / `record:` key. */
  line: number;
  /** Line where the expression starts. */
  exprLine: number;
  /** YAML path of the rule inside its file, for pointing at one of its fields. */
  path: YamlPath;
}

export interface RuleInventory {
  rules: RuleEntry[];
  files: YamlFile[];
  alerts(): RuleEntry[];
  records(): RuleEntry[];
  find(kind: RuleEntry['kind'], name: string): RuleEntry | undefined;
}

/**
 * Every rule of the given rule files, with positions. Structure problems a later step
 * would trip over are reported here with their line; promtool judges the rest.
 */
export function loadRuleInventory(files: readonly string[]): RuleInventory {
  return readRuleInventory(files.map((f) => YamlFile.load(f, 'a Prometheus rule file')));
}

/** The same, from rule files already parsed (tests give synthetic ones). */
export function readRuleInventory(loaded: YamlFile[]): RuleInventory {
  const rules: RuleEntry[] = [];
  for (const yaml of loaded) rules.push(...rulesOf(yaml));
  return {
    rules,
    files: loaded,
    alerts: () => rules.filter((r) => r.kind === 'alert'),
    records: () => rules.filter((r) => r.kind === 'record'),
    find: (kind, name) => rules.find((r) => r.kind === kind && r.name === name),
  };
}

function rulesOf(yaml: YamlFile): RuleEntry[] {
  const groups = yaml.documents[0]?.get('groups');
  if (!isSeq(groups)) throw new ConfigError(yaml.file, 'a rule file needs a top-level `groups:` list', 'start the file with `groups:` and a list of `- name: ... rules: [...]`', 1);
  const found: RuleEntry[] = [];
  groups.items.forEach((groupNode, g) => {
    if (!isMap(groupNode)) throw new ConfigError(yaml.file, 'each group must be a map with name and rules', undefined, yaml.lineOf(['groups', g]));
    const group = groupNode.toJSON() as { name?: string; rules?: unknown[] };
    (group.rules ?? []).forEach((raw, r) => {
      const rule = (raw ?? {}) as Record<string, unknown>;
      const path: YamlPath = ['groups', g, 'rules', r];
      const kind = typeof rule.alert === 'string' ? 'alert' : typeof rule.record === 'string' ? 'record' : undefined;
      if (!kind) throw new ConfigError(yaml.file, 'a rule needs `alert:` or `record:`', 'name the rule with alert: <Name> or record: <level:metric:operations>', yaml.lineOf(path));
      found.push({
        kind,
        name: String(rule[kind]),
        expr: String(rule.expr ?? ''),
        for: typeof rule.for === 'string' ? rule.for : undefined,
        labels: stringMap(rule.labels),
        annotations: stringMap(rule.annotations),
        group: String(group.name ?? ''),
        file: yaml.file,
        line: yaml.lineOf([...path, kind]) ?? 1,
        exprLine: exprLine(yaml, path),
        path,
      });
    });
  });
  return found;
}

/** Where the expression text starts: the line after `expr: |` for a block scalar. */
function exprLine(yaml: YamlFile, path: YamlPath): number {
  const line = yaml.valueLineOf([...path, 'expr']) ?? yaml.lineOf(path) ?? 1;
  return /:\s*[|>][-+0-9]*\s*$/.test(yaml.lines[line - 1] ?? '') ? line + 1 : line;
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
