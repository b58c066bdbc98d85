import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from '../tools/tool-runner.js';
import { alertKey, type CompiledSuite, type ExpectationRef } from './compile-scenarios.js';
import { describeAlertFailure } from './describe-alert-failure.js';
import { parseDuration } from './duration.js';
import { parsePromtoolOutput } from './parse-promtool-output.js';

export interface RuleTestFailure {
  /** The expectation that failed; absent when promtool's complaint names none (then `details` has it verbatim). */
  ref?: ExpectationRef;
  message: string;
  details: string[];
  hint?: string;
}

export interface RuleTestRun {
  failures: RuleTestFailure[];
  exitCode: number;
  /** How promtool ran (local binary or image). */
  via: string;
  /** The test files given to promtool. */
  files: string[];
  /** promtool's stderr as printed, for readers that need more than the words above (the behaviour diff). */
  stderr: string;
}

/**
 * Writes the compiled files to a temporary directory (or `dir`, kept, for benchmarks) and runs
 * them all in ONE promtool invocation: process or container start-up dominates a run.
 */
export async function runCompiledSuite(suite: CompiledSuite, dir?: string): Promise<RuleTestRun> {
  const workDir = dir ?? (await mkdtemp(join(tmpdir(), 'rule-tests-')));
  await mkdir(workDir, { recursive: true });
  try {
    await Promise.all(suite.files.map((f) => writeFile(join(workDir, f.name), f.text)));
    const files = suite.files.filter((f) => f.name.endsWith('.test.yml')).map((f) => join(workDir, f.name));
    const result = await runTool('promtool', ['test', 'rules', ...files]);
    const failures = attribute(suite, result.stderr);
    if (result.exitCode !== 0 && failures.length === 0) {
      failures.push({ message: `promtool exited with ${result.exitCode} without naming a failed test`, details: (result.stderr || result.stdout).trim().split('\n') });
    }
    return { failures, exitCode: result.exitCode, via: result.via, files, stderr: result.stderr };
  } finally {
    if (!dir) await rm(workDir, { recursive: true, force: true });
  }
}

function attribute(suite: CompiledSuite, stderr: string): RuleTestFailure[] {
  const parsed = parsePromtoolOutput(stderr);
  const out: RuleTestFailure[] = parsed.failures.map((f) => {
    const atMs = parseDuration(f.time) ?? -1;
    if (f.kind === 'alert') {
      const ref = suite.alertIndex.get(alertKey(f.group, f.alertname, atMs));
      return { ref, ...describeAlertFailure(f) };
    }
    const marker = /\n# (.+)$/.exec(f.expr)?.[1];
    const ref = marker ? suite.queryIndex.get(marker) : undefined;
    const query = f.expr.replace(/\n# .+$/, '');
    return { ref, message: `${query} at ${f.time} returned other samples than expected`, details: [`expected: ${f.expected}`, `got:      ${f.got}`], hint: 'recompute the expected value from the case\'s series, or fix the rule\'s expression' };
  });
  if (parsed.other.length) out.push({ message: 'promtool reported an error outside any expectation', details: parsed.other });
  return out;
}
