import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { loopTimeout } from '../waiting/loop-time-timeout.js';

/**
 * testcontainers reads its settings from the environment. These defaults make it work on
 * machines without a registry and keep it from probing the network; anything the user set
 * explicitly wins.
 */
function configureTestcontainers(env: NodeJS.ProcessEnv = process.env): void {
  // Ryuk's image can't be pulled without a registry; our own reaper (reaper.ts) does its job.
  env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  // With a local socket, mapped ports are on localhost. Without this, testcontainers sees
  // /.dockerenv on some VMs and starts an alpine container to find a gateway.
  if (!env.DOCKER_HOST && existsSync('/var/run/docker.sock')) env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost';
}
configureTestcontainers();

export class DockerUnreachableError extends Error {
  constructor(readonly detail: string) {
    super(`Docker is unreachable (${detail}). ` + `Start the Docker engine (on Debian: apt-get install -y docker.io && dockerd &) or point DOCKER_HOST at one; ` + `\`docker info\` must succeed.`);
    this.name = 'DockerUnreachableError';
  }
}

/**
 * Asks the daemon DOCKER_HOST names for /_ping. testcontainers would silently fall back to
 * another socket when DOCKER_HOST is wrong; a user who set it means that daemon, so we ask
 * it alone. Returns why it failed, or undefined when it answered (or can't be probed here:
 * TLS and ssh endpoints are left to testcontainers).
 */
export function pingDockerHost(dockerHost: string, timeoutMs = 10_000): Promise<string | undefined> {
  let target: { socketPath: string } | { host: string; port: number };
  if (dockerHost.startsWith('unix://')) target = { socketPath: dockerHost.slice('unix://'.length) };
  else if (dockerHost.startsWith('tcp://') && !process.env.DOCKER_TLS_VERIFY) {
    const url = new URL(dockerHost.replace('tcp://', 'http://'));
    target = { host: url.hostname, port: Number(url.port || 2375) };
  } else return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let answered = false;
    const req = request({ ...target, path: '/_ping' }, (res) => {
      answered = true;
      res.resume();
      resolve(res.statusCode === 200 ? undefined : `${dockerHost} answered /_ping with HTTP ${res.statusCode}`);
    });
    // Free loop time, not wall time: a blocked event loop must not turn a live daemon into a dead one.
    const clock = loopTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), { stillWaiting: () => !answered });
    req.on('close', () => clock.cancel());
    req.on('error', (error: NodeJS.ErrnoException) => resolve(`${dockerHost}: ${error.code ?? error.message}`));
    req.end();
  });
}

type Client = Awaited<ReturnType<typeof import('testcontainers')['getContainerRuntimeClient']>>;
const clients = new Map<string, Promise<Client>>();

/**
 * The container runtime client, or a DockerUnreachableError that says what to do. Cached per
 * DOCKER_HOST value, so a changed DOCKER_HOST is honoured rather than a stale answer reused.
 * A failure is not cached: a daemon slow to answer on a busy machine is asked again next time.
 */
export function containerRuntime(): Promise<Client> {
  const key = process.env.DOCKER_HOST ?? '';
  let client = clients.get(key);
  if (!client) {
    const connecting = connect(process.env.DOCKER_HOST);
    clients.set(key, connecting);
    connecting.catch(() => clients.get(key) === connecting && clients.delete(key));
    client = connecting;
  }
  return client;
}

async function connect(dockerHost: string | undefined): Promise<Client> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  if (dockerHost) {
    const failure = await pingDockerHost(dockerHost);
    if (failure) throw new DockerUnreachableError(`DOCKER_HOST is set, and ${failure}`);
  }
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    const where = dockerHost ? `DOCKER_HOST=${dockerHost}` : 'no DOCKER_HOST set, and the default socket does not answer';
    throw new DockerUnreachableError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
