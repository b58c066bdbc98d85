import { containerRuntime } from '../engines/container-runtime.js';
import type { ElkStackInfo } from './elk-stack.js';
import { sessionContainerId } from './session-container.js';

/**
 * Elasticsearch's URL on this machine as Docker publishes it now. Asked each time, not kept
 * from the start: a container taken off its network and back (the outage test) is published
 * on another host port.
 */
export async function elasticsearchUrlNow(stack: ElkStackInfo): Promise<string> {
  const docker = (await containerRuntime()).container.dockerode;
  const inspect = await docker.getContainer(await sessionContainerId(stack.elasticsearchContainer)).inspect();
  const hostPort = inspect.NetworkSettings.Ports?.['9200/tcp']?.[0]?.HostPort;
  if (!hostPort) throw new Error('Elasticsearch publishes no port 9200 now (is it off its network?)');
  return `http://${stack.logstash.host}:${hostPort}`;
}
