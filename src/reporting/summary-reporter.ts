import { relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { repoRoot } from '../sources/repo-files.js';
import type { CoverageFacts } from './coverage/coverage-facts.js';
import { writeCoverage } from './coverage/write-coverage.js';
import { engineVersionLines } from '../engines/engine-versions.js';
import { failedTestLine, runSummaryLines, type SkippedTest } from './run-summary.js';

/**
 * Ends every run with the plain line CI reads (`N passed, N failed, N skipped`), preceded by
 * each skip's reason, so a skipped test always says what was missing and how to get it, by the
 * engine versions under test (stand-ins of another patch than the pin said so), and last by each
 * failure's file, name and first error line (run-summary.ts), so a log's tail names what failed.
 * A file that failed to load (a crash in setup) counts as a failure, never as nothing.
 * Under --shard it judges no coverage: a shard runs part of the files, so coverage is the
 * merged report's (`vitest run --merge-reports`, which runs this reporter on every shard's tests).
 */
export default class SummaryReporter implements Reporter {
  private shard?: { index: number; count: number };

  onInit(vitest: Vitest): void {
    this.shard = vitest.config.shard;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: SkippedTest[] = [];
    const failures: string[] = unhandledErrors.map((e) => failedTestLine('(outside any test)', 'unhandled error', e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e)));
    const facts: CoverageFacts[] = [];
    const partial = new Map<string, string>();
    const complete = new Set<string>();
    for (const module of modules) {
      const fed = new Set<string>();
      let skippedHere = 0;
      const file = relative(repoRoot, module.moduleId);
      if (module.state() === 'failed' && module.children.size === 0) {
        failed++;
        failures.push(failedTestLine(file, '(the file did not load)', module.errors()[0]?.message));
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'skipped') skippedHere++;
        if (result.state === 'passed' && test.meta().coverage) {
          facts.push(test.meta().coverage!);
          for (const key of Object.keys(test.meta().coverage!)) fed.add(key);
        }
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') {
          failed++;
          failures.push(failedTestLine(file, test.fullName, result.errors[0]?.message));
        } else if (result.state === 'skipped') skipped.push({ file, name: test.fullName, reason: result.note ?? 'skipped without a reason' });
      }
      // A file that fed coverage but skipped some of its tests (a -t filter, a missing engine) measured
      // only part; a section another file fed in full is measured all the same.
      for (const key of fed) {
        if (!skippedHere) complete.add(key);
        else if (!partial.has(key)) partial.set(key, `${skippedHere} test(s) of ${file} were skipped in this run`);
      }
    }
    for (const key of complete) partial.delete(key);
    const lines: string[] = [];
    // Coverage below its threshold fails the run like a failed test, and counts as one.
    const coverage = this.shard
      ? { failures: [], written: [], note: `this is shard ${this.shard.index}/${this.shard.count}; coverage is judged once on the merged shards (npx vitest run --merge-reports)` }
      : coverageOrError(facts, partial);
    if (coverage.written.length) lines.push('', `Coverage report: ${coverage.written.map((f) => relative(repoRoot, f)).join(', ')}`);
    if (coverage.note) lines.push('', `Coverage report not written: ${coverage.note}`);
    if (coverage.failures.length) process.exitCode = 1;
    failed += coverage.failures.length;
    // Listed with the failed tests, as written (each names its section and what is not covered).
    failures.push(...coverage.failures);
    // Which engines this run proved the configs on (unit-only runs start none, but their tools follow the same pins).
    lines.push('', 'Engines under test (HARNESS_IMAGE_* / .env.images, else the compose pins):', ...engineVersionLines());
    lines.push(...runSummaryLines({ passed, failed }, failures, skipped));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

function coverageOrError(facts: readonly CoverageFacts[], partial: ReadonlyMap<string, string>): { failures: string[]; written: string[]; note?: string } {
  try {
    return writeCoverage(facts, partial);
  } catch (error) {
    // Configs that do not load fail their own tests; the report then says why it is missing.
    return { failures: [], written: [], note: error instanceof Error ? error.message : String(error) };
  }
}
