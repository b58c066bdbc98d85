import { Command, CommanderError } from 'commander';
import { runReproduce } from '../reproduce/run-reproduce.js';
import { repoRoot } from '../sources/repo-files.js';
import { Workspace } from '../workspace/workspace.js';

const program = new Command('reproduce')
  .description(
    'Watch an alert happen: play the incident that fires it on a real Prometheus and Alertmanager (or, without containers, its rule scenario in simulated time through promtool) and print the timeline: the measured value against its threshold at each evaluation, pending, firing, delivered, resolved. Writes an HTML report with a chart. Exit 0: the alert fired (and was delivered, live); 1: it did not; 2: bad input.',
  )
  .argument('[alert-or-incident]', 'an alert name (e.g. HighLatency) or an incident file (fixtures/incidents/<name>.yaml)')
  .option('--simulated', 'use promtool on the rule scenario, even where containers could run')
  .option('--case <n-or-name>', "simulated: which case of the alert's rule scenario (default: the first that fires it)")
  .option('--reuse', 'live: reuse the engines a previous `--reuse` run left running (started, and left running, when there are none)')
  .option('--stop', 'stop the engines `--reuse` left running, then exit')
  .option('--report <file>', 'where to write the HTML report (default: reports/reproduce/<name>.html)')
  .option('--json', 'print the timeline(s) as JSON instead of text')
  .option('--root <dir>', 'the checkout whose configs and fixtures to use (default: this repository)')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

try {
  program.parse();
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  process.exit(error.exitCode === 0 ? 0 : 2);
}

const [argument] = program.processedArgs as [string | undefined];
const opts = program.opts<{ simulated?: boolean; case?: string; reuse?: boolean; stop?: boolean; report?: string; json?: boolean; root?: string }>();
if (!argument && !opts.stop) {
  console.error('reproduce: name an alert (e.g. HighLatency) or an incident file (fixtures/incidents/<name>.yaml); `npm run reproduce -- --help` lists the options');
  process.exit(2);
}
// The checkout every config, fixture and the report are read from or written to, each source loaded once.
process.exit(await runReproduce(argument, opts, new Workspace(opts.root ?? repoRoot)));
