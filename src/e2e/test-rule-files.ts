import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import { ConfigError } from '../sources/config-error.js';
import type { YamlFile } from '../sources/yaml-file.js';
import { formatDuration, parseDuration } from '../prometheus-rules/duration.js';
import { ruleTimeFactor } from './test-timing.js';

/** One duration the test copy changed, for messages and reports. */
export interface ScaledDuration {
  /** `for`, `keep_firing_for`, or `interval` (a group's). */
  key: string;
  /** The alert, recording rule or group it belongs to. */
  owner: string;
  line: number;
  from: string;
  to: string;
}

export interface TestRuleFile {
  /** The canonical text with only the scaled durations replaced, byte for byte otherwise. */
  text: string;
  scaled: ScaledDuration[];
}

const ruleKeys = ['for', 'keep_firing_for'] as const;

/**
 * The test copy of a canonical rule file: every `for:` and `keep_firing_for:` (and a group's
 * `interval:`) divided by `factor`, spliced into the original text so that expressions, labels,
 * annotations, comments and layout stay exactly as written. See test-timing.ts for why these
 * durations and nothing else. A duration that can't be divided exactly fails here, at its line:
 * a rounded `for` would test a rule that isn't the canonical one.
 */
export function scaleRuleFile(yaml: YamlFile, factor = ruleTimeFactor): TestRuleFile {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`the time factor must be a whole number of 1 or more, got ${factor}`);
  const edits: { start: number; end: number; text: string }[] = [];
  const scaled: ScaledDuration[] = [];
  const scale = (pair: Pair, owner: string) => {
    const key = String((pair.key as { value?: unknown }).value);
    const node = pair.value;
    const line = yaml.lineAt((isScalar(node) && node.range ? node.range[0] : (pair.key as { range?: [number] }).range?.[0]) ?? 0);
    const written = isScalar(node) ? node.value : undefined;
    const ms = typeof written === 'string' ? parseDuration(written) : undefined;
    if (!isScalar(node) || !node.range || ms === undefined) {
      throw new ConfigError(yaml.file, `${key} of ${owner} is ${JSON.stringify(written ?? null)}, not a duration`, 'write a Prometheus duration such as 30s, 5m or 1h', line);
    }
    const divided = ms / factor;
    if (!Number.isInteger(divided) || (ms > 0 && divided < 1)) {
      throw new ConfigError(
        yaml.file,
        `${key}: ${written} of ${owner} cannot be divided by the test time factor ${factor}: it would be ${divided} ms, not a whole number of milliseconds`,
        `write it in whole units of ${factor} ms or more (Prometheus keeps durations in milliseconds), or change ruleTimeFactor in src/e2e/test-timing.ts`,
        line,
      );
    }
    const to = formatDuration(divided);
    edits.push({ start: node.range[0], end: node.range[1], text: to });
    scaled.push({ key, owner, line, from: written as string, to });
  };

  const groups = yaml.documents[0]?.get('groups');
  if (!isSeq(groups)) throw new ConfigError(yaml.file, 'a rule file needs a top-level `groups:` list', 'start the file with `groups:`', 1);
  for (const group of groups.items) {
    if (!isMap(group)) continue;
    const groupName = `group ${String(group.get('name'))}`;
    const interval = pairOf(group, 'interval');
    if (interval) scale(interval, groupName);
    const rules = group.get('rules');
    for (const rule of isSeq(rules) ? rules.items : []) {
      if (!isMap(rule)) continue;
      const owner = String(rule.get('alert') ?? rule.get('record'));
      for (const key of ruleKeys) {
        const pair = pairOf(rule, key);
        if (pair) scale(pair, owner);
      }
    }
  }

  let text = yaml.text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, scaled };
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
}
