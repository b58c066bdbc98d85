import { describe, expect, it } from 'vitest';
import { readRepoFile } from '../../src/sources/repo-files.js';
import { YamlFile } from '../../src/sources/yaml-file.js';

/**
 * docs/error_budget_policy.md's worked examples quote figures that the recording rules compute:
 * fixtures/rules/recording/error-budget-examples.yaml holds one case per example, and the rules
 * project checks each figure on the real promtool (`npx vitest run --project rules`). Here the
 * doc is read back against those figures: an example whose figure differs from what the rules
 * compute, or a bold percentage that no case computes, fails.
 */
const examplesFile = 'fixtures/rules/recording/error-budget-examples.yaml';
const doc = readRepoFile('docs/error_budget_policy.md');
type Expectation = { query?: string; prometheus?: number; samples?: { value: number }[] };
const cases = (YamlFile.load(examplesFile).data as { cases: { name: string; expect: Expectation[] }[] }).cases;

/** The share of the budget a case computes, as the pinned Prometheus (3.x) reads it. */
function budgetShare(c: { name: string; expect: Expectation[] }): number {
  const e = c.expect.find((x) => x.query?.endsWith('/ 0.01') && (x.prometheus === undefined || x.prometheus === 3));
  if (!e?.samples?.[0]) throw new Error(`${examplesFile}: case "${c.name}" has no expectation of the budget share (a query ending in / 0.01)`);
  return e.samples[0].value;
}

const section = doc.slice(doc.indexOf('### Worked examples'), doc.indexOf('## 2.'));
const bullets = section
  .split('\n- ')
  .slice(1)
  .map((b) => b.replace(/\s+/g, ' ').trim());

describe('the worked examples of docs/error_budget_policy.md are what the recording rules compute', () => {
  it('has a section of worked examples', () => {
    expect(section.length, 'docs/error_budget_policy.md needs a "### Worked examples" section before "## 2."').toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of cases) {
    it(`quotes what "${c.name}" spends`, () => {
      const bullet = bullets.find((b) => b.toLowerCase().startsWith(c.name.toLowerCase()));
      expect(bullet, `a worked example starting "- ${c.name[0]!.toUpperCase()}${c.name.slice(1)}" (${examplesFile})`).toBeDefined();
      const figure = `**${(budgetShare(c) * 100).toFixed(1)}%**`;
      expect(bullet, `the example quotes the share of the budget the rules compute, ${figure}`).toContain(figure);
    });
  }

  it('quotes no budget share that no case computes', () => {
    const uncomputed = bullets.filter((b) => /\*\*[\d.]+%\*\*/.test(b) && !cases.some((c) => b.toLowerCase().startsWith(c.name.toLowerCase())));
    expect(uncomputed, `add a case to ${examplesFile} for each, or drop the figure`).toEqual([]);
  });
});
