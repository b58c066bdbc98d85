import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { logInputs, type LogInput } from '../log-stack/log-fixture-schema.js';
import { formatNdjson, formatRun } from '../logstash/engine/run/format-run.js';
import { localRunVariables } from '../logstash/engine/run/local-variables.js';
import { startLogsEngine } from '../logstash/engine/run/start-with-jruby.js';
import { TraceRecorder } from '../logstash/engine/run/trace.js';
import { repoRoot } from '../sources/repo-files.js';

const program = new Command('logs')
  .description(
    'Ask the pipeline a question: send log lines through monitoring/logstash/pipeline/logstash.conf on the offline engine (Logstash 8.17.4 semantics, its Ruby on a real JRuby) and print the documents that come out, their indices, tags and what Elasticsearch does with them. Lines come from the arguments, --file, or stdin; all of them go through one engine start, as one stream.',
  )
  .argument('[lines...]', 'raw lines as the input receives them')
  .addOption(new Option('--input <kind>', 'which input they arrive on').choices([...logInputs]).default('tcp'))
  .option('--file <path>', 'read the lines from a file')
  .option('--trace', 'print the event after each filter, at its file:line (values BEFORE redaction included), and the redactions made')
  .option('--json', 'print NDJSON: one document a line, with its _index')
  .option('--log', 'also print what Logstash would write to its own log (log4j2.properties levels applied)')
  .option('--config <path>', 'another pipeline config (repository-relative)', 'monitoring/logstash/pipeline/logstash.conf')
  .option('--var <NAME=value...>', 'a ${NAME} value for the config (default: the defaults the config writes)')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

try {
  program.parse();
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  process.exit(error.exitCode === 0 ? 0 : 2);
}

const opts = program.opts<{ input: LogInput; file?: string; trace?: boolean; json?: boolean; log?: boolean; config: string; var?: string[] }>();
let lines = program.processedArgs[0] as string[];
if (opts.file) lines = [...lines, ...splitLines(readFileSync(opts.file, 'utf8'))];
if (lines.length === 0 && !process.stdin.isTTY) lines = splitLines(readFileSync(0, 'utf8'));
if (lines.length === 0) {
  console.error('logs: no lines: give them as arguments, with --file, or on stdin');
  process.exit(2);
}
// The variables compose gives Logstash (an empty ELASTICSEARCH_PASSWORD), unless --var gives others.
const variables = { ...localRunVariables, ...Object.fromEntries((opts.var ?? []).map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)])) };

let started: Awaited<ReturnType<typeof startLogsEngine>>;
try {
  started = await startLogsEngine({ root: repoRoot, file: opts.config, variables, progress: (m) => console.error(m) });
} catch (error) {
  console.error(`logs: ${(error as Error).message}`);
  process.exit(2);
}
let code = 0;
try {
  const trace = opts.trace ? new TraceRecorder() : undefined;
  const result = await started.engine.run(opts.input, lines, trace?.observe);
  console.log(opts.json ? formatNdjson(result) : formatRun(result, trace, opts.log));
  if (opts.json && opts.log) for (const l of result.log) console.error(l);
} catch (error) {
  console.error(`logs: ${(error as Error).message}`);
  code = 1;
} finally {
  await started.stop();
}
process.exit(code);

function splitLines(text: string): string[] {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}
