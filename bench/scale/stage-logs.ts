import { repoRoot } from '../../src/config/repo-files.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import { startLogsEngine } from '../../src/logstash/engine/run/start-with-jruby.js';
import { loadCanaries, loadPipelineCases, renderCanary } from '../../src/pipeline/log-fixtures.js';
import { reportStage } from './stage-result.js';

// The offline log engine (what `npm run logs` runs) on HARNESS_ROOT's tree: one engine start
// (JRuby and the pipeline), then every pipeline case and redaction canary through it, each as
// its own run. workMs is the cases alone. bench/scale.ts runs this as a child process.
const cases = [
  ...loadPipelineCases().map((c, i) => ({ kind: 'case', input: c.input, lines: c.lines.map((l) => l.replaceAll('{{id}}', `scalec${i}x`)) })),
  ...loadCanaries().map((c, i) => ({ kind: 'canary', input: c.input, lines: [renderCanary(c, `scaler${i}x`)] })),
];
const started = await startLogsEngine({ root: repoRoot, file: 'monitoring/logstash/pipeline/logstash.conf', variables: localRunVariables, progress: () => undefined });
try {
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
  const each = (xs: number[]) => `${xs.length} at ${(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(1)} ms each (first ${xs.slice(0, 3).map((x) => x.toFixed(0)).join('/')}, last ${xs.slice(-3).map((x) => x.toFixed(0)).join('/')} ms)`;
  reportStage({ units: cases.length, workMs: performance.now() - begin, failed, note: `pipeline cases ${each(spent.case)}; canaries ${each(spent.canary)}; failed = cases that produced no document` });
} finally {
  await started.stop();
}
