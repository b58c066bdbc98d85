import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runTool } from '../tools/tool-runner.js';
import { alertKey, type CompiledSuite, type ExpectationRef } from './compile-scenarios.js';
import { describeAlertFailure } from './describe-alert-failure.js';
import { parseDuration } from './duration.js';
import { failuresFromText } from './parse-promtool-output.js';
import type { PromtoolFailure, Sample } from './promtool-failure.js';
import { chunkFiles, defaultConcurrency, mapBounded, type ChunkOptions } from './promtool-chunks.js';
import { failuresFromJunit } from './promtool-junit.js';

export interface RuleTestFailure {
  /** The expectation that failed; absent when promtool's complaint names none (then `details` has it verbatim). */
  ref?: ExpectationRef;
  message: string;
  details: string[];
  hint?: string;
  /** What promtool reported, as data (absent for a failure promtool did not word, e.g. a bad exit). */
  reported?: PromtoolFailure;
}

export interface RuleTestRun {
  failures: RuleTestFailure[];
  exitCode: number;
  /** How promtool ran (local binary or image). */
  via: string;
  /** The test files given to promtool. */
  files: string[];
  /** Where the failures were read from: promtool's JUnit report, or its text (before 2.55). */
  report: 'junit' | 'text';
}

/**
 * Writes the compiled files to a temporary directory (or `dir`, kept, for benchmarks) and runs
 * the test files in promtool runs of a bounded number of files (promtool-chunks.ts), a few at
 * once, each with its own JUnit report and time budget; their failures are merged run by run.
 * Every failure names its case, so which run reported it changes nothing a case reports.
 * `only` (a regular expression over case names, `file:line`) is promtool's own `--run` (2.49+):
 * promtool runs just those test groups, nothing else is compiled differently.
 */
export async function runCompiledSuite(suite: CompiledSuite, dir?: string, only?: string, chunking: ChunkOptions = {}): Promise<RuleTestRun> {
  const workDir = dir ?? (await mkdtemp(join(tmpdir(), 'rule-tests-')));
  await mkdir(workDir, { recursive: true });
  try {
    await Promise.all(suite.files.map((f) => writeFile(join(workDir, f.name), f.text)));
    const files = suite.files.filter((f) => f.name.endsWith('.test.yml')).map((f) => join(workDir, f.name));
    const chunks = chunkFiles(files, chunking.filesPerChunk);
    const runs = await mapBounded(chunks, chunking.concurrency ?? defaultConcurrency(), (chunk, i) => runChunk(suite, workDir, chunk, i, chunks.length, only));
    const junit = suite.engine.junit;
    return {
      failures: runs.flatMap((r) => r.failures),
      exitCode: runs.find((r) => r.exitCode !== 0)?.exitCode ?? 0,
      via: runs[0]?.via ?? 'not run: no test files',
      files,
      report: junit ? 'junit' : 'text',
    };
  } finally {
    if (!dir) await rm(workDir, { recursive: true, force: true });
  }
}

/** One promtool run over `chunk`; its failures attributed, or, if it named none, why it failed and which files it held. */
async function runChunk(suite: CompiledSuite, workDir: string, chunk: string[], index: number, count: number, only?: string): Promise<{ failures: RuleTestFailure[]; exitCode: number; via: string }> {
  const junit = suite.engine.junit;
  const junitFile = join(workDir, count === 1 ? 'promtool-junit.xml' : `promtool-junit-${index + 1}.xml`);
  const result = await runTool('promtool', ['test', ...(junit ? [`--junit=${junitFile}`] : []), 'rules', ...(only ? [`--run=${only}`] : []), ...chunk]);
  const reported = junit ? failuresFromJunit(await readFile(junitFile, 'utf8').catch(() => '')) : failuresFromText(result.stderr);
  const failures = reported.map((f) => attribute(suite, f));
  // A killed run wrote no report (promtool writes its JUnit at the end): say which files went untested.
  if ((result.exitCode !== 0 && failures.length === 0) || result.timedOut) {
    const what = result.timedOut ? 'was killed before it finished' : `exited with ${result.exitCode} without naming a failed test`;
    const held = `its ${chunk.length} test file(s), whose cases did not all run: ${chunk.map((f) => basename(f)).join(', ')}`;
    const part = count === 1 ? 'promtool' : `promtool run ${index + 1} of ${count}`;
    failures.push({
      message: `${part} ${what}`,
      details: [...(result.stderr || result.stdout).trim().split('\n'), held],
      hint: result.timedOut ? 'lower filesPerChunk (fewer files per promtool run) or run on a less loaded machine' : undefined,
    });
  }
  return { failures, exitCode: result.exitCode, via: result.via };
}

/** The expectation a reported failure belongs to, and the failure in words. */
function attribute(suite: CompiledSuite, f: PromtoolFailure): RuleTestFailure {
  if (f.kind === 'alert') {
    const ref = f.group === undefined ? undefined : suite.alertIndex.get(alertKey(f.group, f.alertname, parseDuration(f.time) ?? -1));
    return { ref, ...describeAlertFailure(f), reported: f };
  }
  if (f.kind === 'query') {
    const marker = /\n# (.+)$/.exec(f.expr)?.[1];
    const ref = marker ? suite.queryIndex.get(marker) : undefined;
    const query = f.expr.replace(/\n# .+$/, '');
    return {
      ref,
      message: `${query} at ${f.time} returned other samples than expected`,
      details: [`expected: ${renderSamples(f.expected)}`, `got:      ${renderSamples(f.got)}`],
      hint: "recompute the expected value from the case's series, or fix the rule's expression",
      reported: f,
    };
  }
  const where = f.group === undefined ? 'outside any expectation' : `in case ${f.group}`;
  return { message: `promtool reported an error ${where}`, details: f.text.split('\n'), reported: f };
}

/** As promtool prints them (labels, then the value in full precision), `nil` for none. */
function renderSamples(samples: readonly Sample[]): string {
  if (samples.length === 0) return 'nil';
  return samples
    .map(
      (s) =>
        `{${Object.entries(s.labels)
          .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
          .join(', ')}} ${formatValue(s.value)}`,
    )
    .join(', ');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return String(v);
}
