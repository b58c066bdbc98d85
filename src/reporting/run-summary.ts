/** A skipped test, as the summary names it: where it is, and why it skipped. */
export interface SkippedTest {
  /** The test file, relative to the repository root. */
  file: string;
  /** The test's full name (its describe blocks and its own name). */
  name: string;
  /** Its skip note: what was missing and how to get it. */
  reason: string;
}

/** A failed test's line in the summary: its file, its full name, and the first line of its first error. */
export const failedTestLine = (file: string, name: string, message: string | undefined) => `${file} > ${name}: ${firstLine(message)}`;

/**
 * The end of a run's output, in the order a reader of a CI log's last lines needs it: each
 * distinct skip reason once (with how many tests it skipped), then every failure (a test's with
 * its file and first error line: failedTestLine; a coverage section below its threshold), then the
 * plain count line CI reads. Many tests skip for one reason (a missing
 * image skips a whole file), and a failure printed above a hundred skip reasons is cut from a
 * log's tail: so skips come first, grouped, and failures last.
 */
export function runSummaryLines(counts: { passed: number; failed: number }, failures: readonly string[], skips: readonly SkippedTest[]): string[] {
  const lines: string[] = [];
  if (skips.length > 0) {
    lines.push('', 'Skipped, and why:');
    const byReason = new Map<string, SkippedTest[]>();
    for (const s of skips) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
    for (const [reason, tests] of byReason) {
      const others = tests.length > 1 ? ` (and ${tests.length - 1} more test(s) for the same reason)` : '';
      lines.push(`  - ${tests[0]!.name}${others}: ${reason}`);
    }
  }
  if (failures.length > 0) {
    lines.push('', 'Failed:');
    for (const f of failures) lines.push(`  ✗ ${f}`);
  }
  lines.push('', `${counts.passed} passed, ${counts.failed} failed${skips.length ? `, ${skips.length} skipped` : ''}`);
  return lines;
}

/** The first line of an error's message, for a one-line answer; the full error is printed above it. */
export function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim() !== '');
  return line?.trim() ?? 'failed without a message';
}
