import { repoRoot } from '../../src/config/repo-files.js';
import { localRunVariables } from '../../src/logstash/engine/run/local-variables.js';
import { startLogsEngine } from '../../src/logstash/engine/run/start-with-jruby.js';
import { loadCanaries, loadPipelineCases, renderCanary } from '../../src/pipeline/log-fixtures.js';
import { reportStage } from './stage-result.js';

// The offline log engine (what `npm run logs` runs) on HARNESS_ROOT's tree: one engine start
// (JRuby and the pipeline), then every pipeline case and redaction canary through it, each as
// its own run. workMs is the cases alone. bench/scale.ts runs this as a child process.
const cases = [
  ...loadPipelineCases().map((c, i) => ({ input: c.input, lines: c.lines.map((l) => l.replaceAll('{{id}}', `scalec${i}x`)) })),
  ...loadCanaries().map((c, i) => ({ input: c.input, lines: [renderCanary(c, `scaler${i}x`)] })),
];
const started = await startLogsEngine({ root: repoRoot, file: 'monitoring/logstash/pipeline/logstash.conf', variables: localRunVariables, progress: () => undefined });
try {
  const begin = performance.now();
  let failed = 0;
  for (const c of cases) {
    const result = await started.engine.run(c.input, c.lines);
    if (result.events.every((e) => e.documents.length === 0)) failed++;
  }
  reportStage({ units: cases.length, workMs: performance.now() - begin, failed, note: 'failed = cases that produced no document' });
} finally {
  await started.stop();
}
