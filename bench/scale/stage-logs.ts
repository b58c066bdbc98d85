import { repoRoot } from '../../src/sources/repo-files.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import { startLogsEngine } from '../../src/logstash/engine/run/start-with-jruby.js';
import { loadCanaries, loadPipelineCases, renderCanary } from '../../src/log-stack/log-fixtures.js';
import { reportStage } from './stage-result.js';

// The offline log engine (what `npm run logs` runs) on HARNESS_ROOT's tree: one engine start
// (JRuby and the pipeline), then every pipeline case and redaction canary through it, each as
// its own run, twice. workMs is the second pass alone. bench/scale.ts runs this as a child process.
const cases = [
  ...loadPipelineCases().map((c, i) => ({ kind: 'case', input: c.input, lines: c.lines.map((l) => l.replaceAll('{{id}}', `scalec${i}x`)) })),
  ...loadCanaries().map((c, i) => ({ kind: 'canary', input: c.input, lines: [renderCanary(c, `scaler${i}x`)] })),
];
const started = await startLogsEngine({ root: repoRoot, file: 'monitoring/logstash/pipeline/logstash.conf', variables: localRunVariables, progress: () => undefined });
try {
  // A first pass pays JRuby's warm-up (its JIT compiles the filters on first use: seconds for the
  // first cases, tens of ms later); the second pass is the cost a case adds, which is what scales.
  const first = performance.now();
  for (const c of cases) await started.engine.run(c.input, c.lines);
  const coldMs = performance.now() - first;
  const begin = performance.now();
  let failed = 0;
  const spent = { case: [] as number[], canary: [] as number[] };
  for (const c of cases) {
    const t = performance.now();
    const result = await started.engine.run(c.input, c.lines);
    spent[c.kind as keyof typeof spent].push(performance.now() - t);
    if (result.events.every((e) => e.documents.length === 0)) failed++;
  }
  // The two kinds apart: copies multiply the pipeline cases only (copy-config-files.ts), so the mix changes with the size.
  const each = (xs: number[]) => `${xs.length} at ${(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(1)} ms each`;
  reportStage({
    units: cases.length,
    workMs: performance.now() - begin,
    failed,
    note: `work = the second (warm) pass; first pass ${(coldMs / 1000).toFixed(1)} s; pipeline cases ${each(spent.case)}; canaries ${each(spent.canary)}; failed = cases that produced no document`,
  });
} finally {
  await started.stop();
}
