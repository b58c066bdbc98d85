import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../sources/config-error.js';
import { location } from '../sources/location.js';
import { DiffInputError } from '../diff/diff-input-error.js';
import { ToolUnavailableError } from '../tools/tool-runner.js';
import { chooseMode } from './choose-mode.js';
import { liveTime, simulatedTime } from './clocks.js';
import { liveTimelines } from './live-timelines.js';
import { stopKeptEngines } from './kept-engines.js';
import { reportHtml } from './report-html.js';
import { reproduceTarget } from './reproduce-target.js';
import { simulatedTimeline } from './simulated-timeline.js';
import type { Timeline } from './timeline.js';
import { TimelinePrinter } from './timeline-printer.js';
import type { Workspace } from '../workspace/workspace.js';

export interface ReproduceOptions {
  simulated?: boolean;
  case?: string;
  reuse?: boolean;
  stop?: boolean;
  report?: string;
  json?: boolean;
}

/**
 * The command: what to play, in which mode (and why), the timeline printed as it happens, then
 * the HTML report. Returns the exit code: 0 every alert fired (and, live, was delivered), 1 not,
 * 2 bad input or a missing tool. Configs, fixtures, the report and the kept engines are those of
 * `workspace`'s checkout (the CLI's `--root`, else this repository).
 */
export async function runReproduce(argument: string | undefined, options: ReproduceOptions, workspace: Workspace): Promise<number> {
  const say = (line: string) => process.stdout.write(`${line}\n`);
  try {
    if (options.stop) {
      say(await stopKeptEngines(workspace.root));
      if (!argument) return 0;
    }
    const target = reproduceTarget(argument!, workspace);
    const choice = await chooseMode(target, options.simulated === true);
    if (!options.json) say(`reproduce ${argument}: ${choice.mode} mode (${choice.reason})\n`);
    let timelines: Timeline[];
    const quiet = options.json ? () => undefined : say;
    if (choice.mode === 'live') timelines = await liveTimelines(target, { reuse: options.reuse === true, reason: choice.reason, write: quiet, workspace });
    else {
      timelines = [];
      for (const alert of target.alerts) {
        const t = await simulatedTimeline(alert, { caseChoice: options.case, modeReason: choice.reason, workspace });
        new TimelinePrinter(quiet, simulatedTime).all(t);
        quiet('');
        timelines.push(t);
      }
    }
    const file = options.report ?? `reports/reproduce/${target.name}.html`;
    mkdirSync(dirname(workspace.path(file)), { recursive: true });
    const clock = choice.mode === 'live' ? liveTime : simulatedTime;
    writeFileSync(workspace.path(file), reportHtml(`npm run reproduce -- ${argument}`, timelines, clock));
    if (options.json) say(JSON.stringify({ report: workspace.display(file), timelines }, null, 2));
    else say(`report: ${workspace.display(file)}`);
    const delivered = (t: Timeline) => t.events.some((e) => e.kind === 'firing') && (choice.mode === 'simulated' || t.deliveries.some((d) => d.observed && !d.resolved));
    return timelines.every(delivered) ? 0 : 1;
  } catch (error) {
    if (error instanceof ConfigError) return fail(`${location(error)}: ${error.reason}`, error.hint);
    if (error instanceof DiffInputError) return fail(error.message, error.hint);
    if (error instanceof ToolUnavailableError)
      return fail(error.message, 'install promtool 2.42.0 (`bash scripts/install-local-tools.sh`), or start Docker with the pinned images (`npm run images:offline`)');
    throw error;
  }
}

function fail(message: string, hint?: string): number {
  process.stderr.write(`reproduce: ${message}${hint ? `\n  hint: ${hint}` : ''}\n`);
  return 2;
}
