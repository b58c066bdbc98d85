import { pollUntil } from '../waiting/poll-until.js';
import type { EngineSpec, RunningEngine } from './engine.js';
import { httpReadyAwaiting, httpReadyProbe } from './http-ready-probe.js';

type Ready = EngineSpec['ready'];
type Probed = Pick<RunningEngine, 'name' | 'url' | 'logs' | 'exec'>;

/** How many times the ready log line has been printed so far (0 for other kinds of check). */
export async function readyLinesSoFar(engine: Probed, ready: Ready): Promise<number> {
  return 'log' in ready ? countMatches(await engine.logs(), ready.log) : 0;
}

/**
 * The spec's ready check again, after a restart: the HTTP check passes, the ready log line
 * is printed once more than `linesBefore` (the log of a restarted container keeps the earlier
 * runs' lines), or the ports listen inside the container (a connection through Docker's port
 * proxy is accepted even when nothing listens behind it). A bounded poll, never a sleep.
 */
export async function waitUntilReadyAgain(engine: Probed, spec: Pick<EngineSpec, 'ready' | 'ports'>, linesBefore: number, timeoutMs: number): Promise<void> {
  const ready = spec.ready;
  const options = { timeoutMs, intervalMs: 200 };
  if ('http' in ready) {
    await pollUntil(() => httpReadyProbe(engine.url(ready.http.port, ready.http.path), ready.http), { ...options, what: `${engine.name}: ${httpReadyAwaiting(ready.http)}, after its restart` });
  } else if ('log' in ready) {
    let seen = linesBefore;
    await pollUntil(
      async () => ((seen = countMatches(await engine.logs(), ready.log)) > linesBefore ? true : undefined),
      { ...options, what: `${engine.name} to print ${ready.log} after its restart` },
      () => `printed ${seen} times, as often as before the restart`,
    );
  } else {
    const tcpPorts = spec.ports
      .map(String)
      .filter((p) => !p.endsWith('/udp'))
      .map((p) => Number(p.replace('/tcp', '')));
    await pollUntil(
      async () => {
        const { output } = await engine.exec(['cat', '/proc/net/tcp', '/proc/net/tcp6']);
        return tcpPorts.every((port) => listening(output, port)) ? true : undefined;
      },
      { ...options, what: `${engine.name} to listen on ${tcpPorts.join(', ')} after its restart` },
    );
  }
}

function countMatches(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return [...text.matchAll(global)].length;
}

/** /proc/net/tcp rows: `sl local_address rem_address st ...`, the port in hex, LISTEN is 0A. */
function listening(procNetTcp: string, port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  return procNetTcp.split('\n').some((row) => {
    const [, local, , state] = row.trim().split(/\s+/);
    return local?.endsWith(`:${hex}`) === true && state === '0A';
  });
}
