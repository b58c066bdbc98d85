import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareSuite, runRuleSuite } from '../src/prometheus-rules/rule-suite.js';
import { runCompiledSuite } from '../src/prometheus-rules/run-rule-tests.js';
import { runTool } from '../src/tools/tool-runner.js';

/**
 * The rule suite's wall time (load and validate every scenario, coverage, compile, write,
 * promtool runs of at most 40 files (one at 1x), map failures back) next to raw `promtool test rules` on the very same
 * generated files. Prints figures only; the aim is an overhead of at most 1.3x.
 */
export async function benchRules(runs = 5): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-rules-'));
  try {
    // Warm-up: resolves how promtool runs (local binary or image) and fills OS caches.
    const first = await runCompiledSuite(prepareSuite().compiled, dir);
    const suite: number[] = [];
    const raw: number[] = [];
    const prepare: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      prepareSuite();
      prepare.push(performance.now() - t);
      t = performance.now();
      const result = await runRuleSuite();
      suite.push(performance.now() - t);
      if (result.run.failures.length) console.log(`  note: the suite has ${result.run.failures.length} failing expectation(s)`);
      t = performance.now();
      await runTool('promtool', ['test', 'rules', ...first.files]);
      raw.push(performance.now() - t);
    }
    const s = median(suite);
    const r = median(raw);
    const cases = prepareSuite().scenarios.reduce((n, sc) => n + sc.cases.length, 0);
    console.log(`rules: ${first.files.length} promtool test files from ${cases} scenario cases, promtool via ${first.via}`);
    console.log(`  rule suite:         ${ms(s)}   median of ${runs}, of which loading/validating/compiling ${ms(median(prepare))}`);
    console.log(`  raw promtool:       ${ms(r)}   same files, one invocation`);
    console.log(`  overhead:           ${(s / r).toFixed(2)}x   (aim: at most 1.30x)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
