import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../tests/support/config-error-of.js';
import { YamlFile } from '../sources/yaml-file.js';
import { loadRuleInventory } from '../prometheus-rules/rule-inventory.js';
import { scaleRuleFile } from './test-rule-files.js';

const rules = (body: string) => YamlFile.parse('rules.yml', `groups:\n  - name: g\n    rules:\n${body}`);

describe('scaleRuleFile', () => {
  it('divides every for and keep_firing_for of the canonical alert rules and changes nothing else, byte for byte', () => {
    const canonical = YamlFile.load('monitoring/alert_rules.yml');
    const { text, scaled } = scaleRuleFile(canonical, 100);
    const before = canonical.text.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.map((line, i) => [line, after[i]!] as const).filter(([a, b]) => a !== b);
    // Only `for:` and `keep_firing_for:` lines differ, and only in their value.
    expect(changed.length).toBe(scaled.length);
    for (const [was, is] of changed) {
      expect(is).toMatch(/^\s+(keep_firing_)?for: \S+$/);
      expect(is.replace(/for: \S+$/, '')).toBe(was.replace(/for: \S+$/, ''));
    }
    // Same rules, with the same expressions, labels and annotations.
    const withoutFor = (file: YamlFile) => plainRules(file).map((r) => ({ ...r, for: undefined, keep_firing_for: undefined }));
    expect(withoutFor(YamlFile.parse('monitoring/alert_rules.yml', text))).toEqual(withoutFor(canonical));
    const inventory = loadRuleInventory(['monitoring/alert_rules.yml']);
    const keepFiring = new Set(
      plainRules(canonical)
        .filter((r) => r.keep_firing_for)
        .map((r) => r.alert),
    );
    expect(scaled.map((s) => s.owner)).toEqual(inventory.alerts().flatMap((a) => [...(a.for ? [a.name] : []), ...(keepFiring.has(a.name) ? [a.name] : [])]));
  });

  it('writes the shortest spelling of the scaled duration', () => {
    const { text, scaled } = scaleRuleFile(
      rules('      - alert: A\n        expr: up == 0\n        for: 1m\n      - alert: B\n        expr: up == 0\n        for: "30m"\n        keep_firing_for: 1h30m\n'),
      100,
    );
    expect(text).toContain('for: 600ms\n');
    expect(text).toContain('for: 18s\n');
    expect(text).toContain('keep_firing_for: 54s\n');
    expect(scaled.map((s) => `${s.owner} ${s.key} ${s.from}→${s.to} line ${s.line}`)).toEqual(['A for 1m→600ms line 6', 'B for 30m→18s line 9', 'B keep_firing_for 1h30m→54s line 10']);
  });

  it('keeps expressions whose ranges and offsets look like durations untouched', () => {
    const body = '      - alert: A\n        expr: rate(x[5m]) < 0.5 * rate(x[5m] offset 1w)\n        for: 10m\n';
    const { text } = scaleRuleFile(rules(body), 100);
    expect(text).toContain('expr: rate(x[5m]) < 0.5 * rate(x[5m] offset 1w)\n        for: 6s\n');
  });

  it('scales a group interval too, and leaves a rule without for alone', () => {
    const yaml = YamlFile.parse('rules.yml', 'groups:\n  - name: slow\n    interval: 1m\n    rules:\n      - record: a:b:c\n        expr: sum(x)\n');
    const { text, scaled } = scaleRuleFile(yaml, 100);
    expect(text).toBe('groups:\n  - name: slow\n    interval: 600ms\n    rules:\n      - record: a:b:c\n        expr: sum(x)\n');
    expect(scaled).toEqual([{ key: 'interval', owner: 'group slow', line: 3, from: '1m', to: '600ms' }]);
  });

  it('fails at the line of a for that the factor cannot divide into whole milliseconds', () => {
    const error = configErrorOf(() => scaleRuleFile(rules('      - alert: Quick\n        expr: up == 0\n        for: 150ms\n'), 100));
    expect(error.line).toBe(6);
    expect(error.reason).toBe('for: 150ms of Quick cannot be divided by the test time factor 100: it would be 1.5 ms, not a whole number of milliseconds');
    expect(error.hint).toContain('src/e2e/test-timing.ts');
  });

  it.each([
    ['five minutes', '"five minutes"'],
    ['300', '300'],
  ])('fails on a for that is not a duration (%s)', (written, shown) => {
    const error = configErrorOf(() => scaleRuleFile(rules(`      - alert: Odd\n        expr: up == 0\n        for: ${written}\n`), 100));
    expect([error.line, error.reason]).toEqual([6, `for of Odd is ${shown}, not a duration`]);
  });

  it('keeps for: 0s at zero', () => {
    expect(scaleRuleFile(rules('      - alert: Now\n        expr: up == 0\n        for: 0s\n'), 100).text).toContain('for: 0s\n');
  });
});

function plainRules(file: YamlFile): Record<string, unknown>[] {
  const data = file.data as { groups: { name: string; rules: Record<string, unknown>[] }[] };
  return data.groups.flatMap((g) => g.rules.map((r) => ({ group: g.name, ...r })));
}
