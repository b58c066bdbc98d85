import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { loopTimeout } from '../waiting/loop-time-timeout.js';

export interface ProcessResult {
  /** The exit code; 1 when killed by a signal or on a timeout, 127 when it could not start. */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Killed because its time budget ran out (never because the event loop was blocked). */
  timedOut: boolean;
  /** Why it could not start (ENOENT, EACCES), when it could not. */
  startError?: Error;
}

export interface ProcessOptions {
  cwd?: string;
  /** Budget of free event-loop time (see loop-time-timeout.ts), not of wall time. */
  timeoutMs: number;
  /** Output beyond this many bytes per stream kills the process (default 64 MiB). */
  maxBytes?: number;
}

// Wall time during which at least one child ran (for bench/check.ts: what `check` spends waiting
// on promtool and amtool rather than in its own code). Children overlap, so this is their union.
let running = 0;
let busySince = 0;
let busyTotal = 0;

/** Milliseconds, since this process started, during which at least one process of runProcess was running. */
export function childProcessBusyMs(): number {
  return busyTotal + (running > 0 ? performance.now() - busySince : 0);
}

function childStarted(): void {
  if (running++ === 0) busySince = performance.now();
}

function childEnded(): void {
  if (--running === 0) busyTotal += performance.now() - busySince;
}

/**
 * Runs a binary to completion and collects its output. Unlike execFile's `timeout`, the time
 * budget cannot be spent by synchronous work elsewhere in this process: a tool that answered
 * while the loop was blocked is never reported as timed out.
 */
export function runProcess(binary: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult> {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    const child = spawn(binary, [...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    childStarted();
    let ended = false;
    const end = () => {
      if (!ended) childEnded();
      ended = true;
    };
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let timedOut = false;
    let overflow = false;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        overflow = true;
        child.kill('SIGKILL');
      } else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const clock = loopTimeout(
      options.timeoutMs,
      () => {
        timedOut = true;
        child.kill('SIGKILL');
      },
      { stillWaiting: () => child.exitCode === null && child.signalCode === null },
    );
    const text = (chunks: Buffer[]) => Buffer.concat(chunks).toString('utf8');
    child.once('error', (startError) => {
      end();
      clock.cancel();
      resolve({ exitCode: 127, stdout: text(out), stderr: `${text(err)}${startError.message}\n`, timedOut, startError });
    });
    child.once('close', (code) => {
      end();
      clock.cancel();
      let stderr = text(err);
      if (timedOut) stderr += `\n${binary} was killed: no answer within ${options.timeoutMs / 1000} s of free event-loop time\n`;
      if (overflow) stderr += `\n${binary} was killed: more than ${maxBytes} bytes of output\n`;
      resolve({ exitCode: code ?? 1, stdout: text(out), stderr, timedOut });
    });
  });
}
