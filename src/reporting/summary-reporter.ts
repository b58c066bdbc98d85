import type { Reporter, TestModule } from 'vitest/node';
import { engineVersionLines } from '../engines/engine-versions.js';

/**
 * Ends every run with the plain line CI reads (`N passed, N failed, N skipped`), preceded by
 * each skip's reason, so a skipped test always says what was missing and how to get it, and
 * by the engine versions under test (stand-ins of another patch than the pin said so).
 * A file that failed to load (a crash in setup) counts as a failure, never as nothing.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    const skipped: string[] = [];
    for (const module of modules) {
      if (module.state() === 'failed' && module.children.size === 0) failed++;
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else if (result.state === 'skipped') skipped.push(`${test.fullName}: ${result.note ?? 'skipped without a reason'}`);
      }
    }
    const lines: string[] = [];
    if (skipped.length > 0) {
      lines.push('', 'Skipped, and why:');
      const byReason = new Map<string, number>();
      for (const s of skipped) byReason.set(s, (byReason.get(s) ?? 0) + 1);
      for (const [s] of byReason) lines.push(`  - ${s}`);
    }
    // Which engines this run proved the configs on (unit-only runs start none, but their tools follow the same pins).
    lines.push('', 'Engines under test (HARNESS_IMAGE_* / .env.images, else the compose pins):', ...engineVersionLines());
    lines.push('', `${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ''}`);
    process.stdout.write(lines.join('\n') + '\n');
  }
}
