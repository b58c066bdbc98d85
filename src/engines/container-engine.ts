import type { StartedNetwork, StartedTestContainer } from 'testcontainers';
import { containerRuntime } from './container-runtime.js';
import { demuxDockerLogs } from './docker-log-frames.js';
import { readyLinesSoFar, waitUntilReadyAgain } from './engine-readiness.js';
import { EngineStartError, hostFromEngines, ImageMissingError, type EngineSpec, type RunningEngine } from './engine.js';
import { harnessLabels } from './harness-labels.js';
import { HttpReadyWait } from './http-ready-wait.js';
import { ensureImage } from './image-availability.js';
import { imageFor } from './image-pins.js';

type Port = EngineSpec['ports'][number];

/**
 * Bounds a start, and a restart's wait for readiness: seconds idle, minutes on a saturated
 * machine. Only a bound: an engine that exits fails at once, a ready one ends the wait.
 */
const startupTimeoutOf = (spec: EngineSpec) => spec.startupTimeoutMs ?? 300_000;

/** Starts one engine as a container on `network`, waiting until it is ready. */
export async function startContainerEngine(spec: EngineSpec, network: StartedNetwork): Promise<RunningEngine> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const choice = imageFor(spec.engine);
  const missing = await ensureImage(choice);
  const name = spec.name ?? spec.engine;
  if (missing) throw new ImageMissingError(name, choice.image, missing);

  // testcontainers removes a container that never got ready, so its log is kept as it streams.
  const tail = new LogTail(40);
  let container = new GenericContainer(choice.image)
    .withExposedPorts(...spec.ports)
    .withNetwork(network)
    .withNetworkAliases(...(spec.aliases ?? [name]))
    .withExtraHosts([{ host: hostFromEngines, ipAddress: 'host-gateway' }])
    .withLabels(harnessLabels())
    .withLogConsumer((stream) => stream.on('data', (chunk: Buffer | string) => tail.push(String(chunk))))
    .withStartupTimeout(startupTimeoutOf(spec));
  if (spec.command) container = container.withCommand(spec.command);
  if (spec.entrypoint) container = container.withEntrypoint(spec.entrypoint);
  if (spec.env) container = container.withEnvironment(spec.env);
  if (spec.user) container = container.withUser(spec.user);
  if (spec.memoryGiB) container = container.withResourcesQuota({ memory: spec.memoryGiB });
  const tmpfsOptions = spec.tmpfsOwner ? `rw,uid=${spec.tmpfsOwner.uid},gid=${spec.tmpfsOwner.gid},mode=0755` : 'rw,mode=1777';
  if (spec.tmpfs?.length) container = container.withTmpFs(Object.fromEntries(spec.tmpfs.map((path) => [path, tmpfsOptions])));
  if (spec.files?.length) container = container.withCopyContentToContainer(spec.files.map((f) => ({ content: f.content, target: f.target, mode: f.mode ?? 0o644 })));
  const ready = spec.ready;
  if ('http' in ready) container = container.withWaitStrategy(new HttpReadyWait(ready.http));
  else if ('log' in ready) container = container.withWaitStrategy(Wait.forLogMessage(ready.log));
  else container = container.withWaitStrategy(Wait.forListeningPorts());

  try {
    return new ContainerEngine(name, choice.image, spec, await container.start());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // testcontainers appends the log to this message; ours comes below it, tidier.
    // An engine that exits within milliseconds (a config it refuses) can be gone before Docker
    // reports its ports; testcontainers then waits 10 s for them and says only that.
    const reason = /^Container exited/.test(message)
      ? 'the engine exited before it was ready'
      : /waiting for container ports to be bound/.test(message)
        ? 'the engine exited before its ports were bound (it stopped at once: its log below, if it came in time, says why)'
        : message.split('\n')[0]!;
    throw new EngineStartError(name, choice.image, reason, tail.text());
  }
}

/** The last `max` lines of a stream of text. */
class LogTail {
  private lines: string[] = [];
  private partial = '';
  constructor(private readonly max: number) {}
  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }
}

class ContainerEngine implements RunningEngine {
  constructor(
    readonly name: string,
    readonly image: string,
    private readonly spec: EngineSpec,
    private container: StartedTestContainer,
  ) {}

  private ports = new Map<string, number>();

  port(containerPort: Port): number {
    const key = String(containerPort);
    const cached = this.ports.get(key);
    if (cached !== undefined) return cached;
    const [number, protocol] = key.split('/');
    return this.container.getMappedPort(Number(number), protocol ?? 'tcp');
  }

  url(containerPort: number, path = ''): string {
    return `http://${this.container.getHost()}:${this.port(containerPort)}${path}`;
  }

  async logs(lines?: number): Promise<string> {
    const docker = (await containerRuntime()).container.dockerode;
    const raw = (await docker.getContainer(this.container.getId()).logs({ stdout: true, stderr: true, follow: false, ...(lines ? { tail: lines } : {}) })) as unknown as Buffer;
    return demuxDockerLogs(raw);
  }

  async exec(command: string[]): Promise<{ exitCode: number; output: string }> {
    const result = await this.container.exec(command);
    return { exitCode: result.exitCode, output: result.output };
  }

  async pause(): Promise<void> {
    const docker = (await containerRuntime()).container.dockerode;
    await docker.getContainer(this.container.getId()).stop({ t: this.spec.stopGraceSeconds ?? 2 });
  }

  /** Starts it again and waits, as at its first start, until the spec's ready check passes. */
  async resume(): Promise<void> {
    const docker = (await containerRuntime()).container.dockerode;
    const handle = docker.getContainer(this.container.getId());
    const linesBefore = await readyLinesSoFar(this, this.spec.ready);
    await handle.start();
    // Docker assigns new host ports on start; remember them so port() stays right.
    const inspect = await handle.inspect();
    this.ports.clear();
    for (const [key, bindings] of Object.entries(inspect.NetworkSettings.Ports ?? {})) {
      const hostPort = bindings?.[0]?.HostPort;
      if (hostPort) this.ports.set(key.endsWith('/tcp') ? key.slice(0, -4) : key, Number(hostPort));
    }
    await waitUntilReadyAgain(this, this.spec, linesBefore, startupTimeoutOf(this.spec));
  }

  async stop(): Promise<void> {
    await this.container.stop({ timeout: 2, removeVolumes: true }).catch(() => undefined);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
