import { containerRuntime } from './container-runtime.js';
import { startContainerEngine } from './container-engine.js';
import type { EngineNetwork, EngineSpec, RunningEngine } from './engine.js';
import { harnessLabels } from './harness-labels.js';
import { ensureReaper } from './reaper.js';

/**
 * A Docker network of this run's own engines. They reach each other by alias and the host
 * through host.docker.internal; tests reach them only through mapped ports on localhost.
 */
export async function startEngineNetwork(): Promise<EngineNetwork> {
  const client = await containerRuntime(); // fails early, and clearly, when Docker is unreachable
  await ensureReaper();
  const { StartedNetwork } = await import('testcontainers');
  // Created here rather than with testcontainers' Network, which can't take our labels:
  // the reaper and the orphan sweep find networks by them.
  const name = `timetable-harness-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const created = await client.network.create({ Name: name, CheckDuplicate: true, Driver: 'bridge', Labels: harnessLabels() });
  const network = new StartedNetwork(client, name, created);
  const engines: RunningEngine[] = [];
  const stop = async () => {
    await Promise.all(engines.splice(0).map((e) => e.stop()));
    await network.stop().catch(() => undefined);
  };
  return {
    name: network.getName(),
    async start(spec: EngineSpec) {
      const engine = await startContainerEngine(spec, network);
      engines.push(engine);
      return engine;
    },
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
