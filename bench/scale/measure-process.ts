import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

export interface Measured {
  wallMs: number;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Peak of the summed RSS of the child and every descendant, sampled (bytes). */
  peakTreeRss: number;
  /** Peak of the summed memory of the containers the child started (cgroup v1 usage, bytes); 0 if none. */
  peakContainers: number;
  containers: number;
}

const pageSize = 4096;
const sampleMs = 250;
const run = promisify(execFile);

/**
 * Runs a command and measures it as a whole: wall time; peak memory of its process tree
 * (the sum of RSS over the child and all its descendants, read from /proc every 250 ms, so
 * promtool, tsx and JRuby children count); and, for stages that start containers, the peak
 * summed memory of the containers carrying the run's session label (harness-labels.ts), read
 * from their cgroup (memory.usage_in_bytes, cgroup v1 as on these machines, the figure
 * `docker stats` shows before it subtracts the page cache). Sampling can miss a peak shorter
 * than 250 ms: these are lower bounds.
 */
export async function measureProcess(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<Measured> {
  const session = randomUUID();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, HARNESS_SESSION_ID: session }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const started = performance.now();
  let peakTreeRss = 0;
  let peakContainers = 0;
  const seen = new Set<string>();
  let ids: string[] = [];
  let listing = false;
  const sample = () => {
    if (child.pid) peakTreeRss = Math.max(peakTreeRss, treeRss(child.pid));
    const used = ids.reduce((n, id) => n + containerMemory(id), 0);
    peakContainers = Math.max(peakContainers, used);
    if (!listing) {
      listing = true;
      run('docker', ['ps', '-q', '--no-trunc', '--filter', `label=timetable-harness.session=${session}`])
        .then(({ stdout: out }) => {
          ids = out.split('\n').filter(Boolean);
          for (const id of ids) seen.add(id);
        })
        .catch(() => undefined)
        .finally(() => (listing = false));
    }
  };
  const timer = setInterval(sample, sampleMs);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  return { wallMs: performance.now() - started, exitCode, stdout, stderr, peakTreeRss, peakContainers, containers: seen.size };
}

function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * pageSize);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function containerMemory(id: string): number {
  try {
    return Number(readFileSync(`/sys/fs/cgroup/memory/docker/${id}/memory.usage_in_bytes`, 'utf8'));
  } catch {
    return 0;
  }
}
