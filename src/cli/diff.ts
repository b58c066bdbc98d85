import { Command, CommanderError } from 'commander';
import { DiffInputError } from '../diff/diff-input-error.js';
import { formatDiffMarkdown } from '../diff/format-diff-markdown.js';
import { formatDiffReport } from '../diff/format-diff-report.js';
import { runDiff } from '../diff/run-diff.js';
import { repoRoot } from '../sources/repo-files.js';
import { ToolUnavailableError } from '../tools/tool-runner.js';

const program = new Command('diff')
  .description(
    "Run the working tree's rule and routing scenarios against the configs (monitoring/) of two git revisions and report what alerting does differently. Exit 0: no behaviour changed; 1: something changed; 2: no verdict (bad input, or a side could not be evaluated).",
  )
  .argument('<base-rev>', 'the revision to compare from, e.g. HEAD~1, main, a tag or a commit')
  .argument('[head-rev]', 'the revision to compare to (default: the working tree, uncommitted changes included)')
  .option('--json', 'print the report as JSON')
  .option('--markdown', 'print the report as markdown, for a pull-request comment or a GitHub Actions job summary')
  .option('--root <dir>', 'the checkout whose history, working tree and fixtures to use (default: this repository)')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

try {
  program.parse();
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Help and version are answers; a missing or unknown argument is bad input.
  process.exit(error.exitCode === 0 ? 0 : 2);
}

const [baseRev, headRev] = program.processedArgs as [string, string | undefined];
const opts = program.opts<{ json?: boolean; markdown?: boolean; root?: string }>();

function noVerdict(message: string, hint?: string): never {
  if (opts.json) console.log(JSON.stringify({ error: message, hint }, null, 2));
  else console.error(`diff: ${message}${hint ? `\n  hint: ${hint}` : ''}`);
  process.exit(2);
}

let report;
try {
  report = await runDiff({ base: baseRev, head: headRev, repoRoot: opts.root ?? repoRoot });
} catch (error) {
  if (error instanceof DiffInputError) noVerdict(error.message, error.hint);
  if (error instanceof ToolUnavailableError)
    noVerdict(error.message, 'install promtool 2.42.0 and amtool 0.25.0 (`bash scripts/install-local-tools.sh`), or start Docker with the pinned images (`npm run images:offline`)');
  throw error;
}

if (opts.json) console.log(JSON.stringify(report, null, 2));
else if (opts.markdown) console.log(formatDiffMarkdown(report));
else console.log(formatDiffReport(report, process.stdout.isTTY === true));
// A scenario one side could not use leaves the verdict incomplete: never report that as "no change".
process.exit(report.notCompared.length > 0 ? 2 : report.changed ? 1 : 0);
