import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../sources/repo-files.js';
import { coverageFailures, coverageHtml, coverageMarkdown } from './coverage-report.js';
import type { CoverageFacts } from './coverage-facts.js';
import { coverageSections } from './coverage-sections.js';
import { coverageThreshold } from './coverage-threshold.js';

/**
 * Writes reports/coverage.md and reports/coverage.html (beside reports/junit.xml) from the facts
 * of the passing tests, and returns what fails the run: sections below the threshold, or a
 * threshold that is not a percentage.
 */
export function writeCoverage(
  facts: readonly CoverageFacts[],
  partial: ReadonlyMap<string, string> = new Map(),
  dir = process.env.HARNESS_REPORTS_DIR ?? join(repoRoot, 'reports'),
): { failures: string[]; written: string[] } {
  let min: number;
  try {
    min = coverageThreshold();
  } catch (error) {
    return { failures: [(error as Error).message], written: [] };
  }
  const sections = coverageSections(facts, partial);
  mkdirSync(dir, { recursive: true });
  const written = [join(dir, 'coverage.md'), join(dir, 'coverage.html')];
  writeFileSync(written[0]!, coverageMarkdown(sections, min));
  writeFileSync(written[1]!, coverageHtml(sections, min));
  return { failures: coverageFailures(sections, min), written };
}
