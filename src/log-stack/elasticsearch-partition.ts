import { containerRuntime } from '../engines/container-runtime.js';
import { sessionContainerId, type SessionContainerRef } from './session-container.js';

/** Elasticsearch cut off from its network, and the way back. */
export interface Partition {
  /** Reconnects Elasticsearch under the names it had, so Logstash's `hosts` resolves again. */
  heal(): Promise<void>;
}

/**
 * Takes the run's Elasticsearch off the engine network, as a network partition or a node that
 * is gone would: Logstash's `http://pipeline-elasticsearch:9200` no longer resolves and every
 * bulk request fails to connect. The process keeps running, so nothing it had indexed is lost.
 * Docker publishes its port anew on reconnect, on another host port: callers find it again with
 * elasticsearchUrlNow().
 */
export async function partitionElasticsearch(ref: SessionContainerRef): Promise<Partition> {
  const docker = (await containerRuntime()).container.dockerode;
  const id = await sessionContainerId(ref);
  const networks = Object.entries((await docker.getContainer(id).inspect()).NetworkSettings.Networks ?? {}).filter(([name]) => name !== 'bridge');
  if (networks.length !== 1) throw new Error(`expected Elasticsearch on one engine network, found ${networks.map(([n]) => n).join(', ') || 'none'}`);
  const [networkName, endpoint] = networks[0]!;
  // The aliases are what the pipeline's hosts resolve; the short container id comes back by itself.
  const aliases = (endpoint.Aliases ?? []).filter((a: string) => !id.startsWith(a));
  const network = docker.getNetwork(networkName);
  await network.disconnect({ Container: id, Force: true });
  return {
    heal: () => network.connect({ Container: id, EndpointConfig: { Aliases: aliases } }),
  };
}
