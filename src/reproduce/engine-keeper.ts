import { statSync, writeFileSync } from 'node:fs';
import { SourceFiles } from '../sources/source-files.js';
import { startAlerting } from './live-engines.js';
import type { KeptState } from './kept-engines.js';

/**
 * The keeper behind `npm run reproduce -- --reuse`, run detached by kept-engines.ts: starts the
 * Alertmanager (of the checkout at <root>) and capture server, writes where they are to the state file, and holds them until
 * it is told to stop (SIGTERM, `--stop`) or nobody used them for `idleMs`. Its containers carry
 * its pid, so the reaper removes them when it ends, however it ends.
 */
const [stateFile, root] = process.argv.slice(2);
if (!stateFile || !root) throw new Error('usage: engine-keeper.ts <state-file> <checkout root>');
const idleMs = 30 * 60_000;
const maxLifeMs = 8 * 3600_000;

const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
const started = await startAlerting(log, new SourceFiles(root));
const state: KeptState = { pid: process.pid, alerting: started.alerting, alertmanagerPort: Number(new URL(started.alerting.alertmanagerUrl).port) };
writeFileSync(stateFile, JSON.stringify(state, null, 2));
log(`ready: ${JSON.stringify(state)}`);

let stopping = false;
const stop = async (why: string) => {
  if (stopping) return;
  stopping = true;
  log(`stopping: ${why}`);
  await started.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

const born = Date.now();
const timer = setInterval(() => {
  let usedAt = 0;
  try {
    usedAt = statSync(stateFile).mtimeMs;
  } catch {
    return void stop('the state file is gone');
  }
  if (Date.now() - usedAt > idleMs) void stop(`unused for ${idleMs / 60_000} minutes`);
  else if (Date.now() - born > maxLifeMs) void stop(`running for ${maxLifeMs / 3600_000} hours`);
}, 5000);
timer.unref();
// Keeps the process alive while the timer (unref'd, so a stop can exit) watches.
setInterval(() => undefined, 60_000);
