import type { EngineName } from './image-pins.js';

/**
 * What a test needs to know to start an engine. Nothing here says "container": a spec could
 * equally be started as a local process. The image comes from the engine's pin (image-pins.ts).
 */
export interface HttpReadyCheck {
  port: number;
  path: string;
  accepts?: (body: string) => boolean;
  awaiting?: string;
}

export interface EngineSpec {
  engine: EngineName;
  /** A name for messages and network aliases, when a run starts two of the same engine. */
  name?: string;
  /** Ports inside the engine that tests reach (TCP unless written `5140/udp`). */
  ports: (number | `${number}/${'tcp' | 'udp'}`)[];
  command?: string[];
  entrypoint?: string[];
  env?: Record<string, string>;
  /** Files written into the engine before it starts. */
  files?: { target: string; content: string; mode?: number }[];
  /**
   * When is it ready: an HTTP path answering 200 (and, where given, with a body `accepts`
   * takes: `awaiting` says what for), a log line, or a listening port.
   */
  ready: { http: HttpReadyCheck } | { log: RegExp } | { listening: true };
  /** Bounds the start, and each restart's wait for readiness (default 300 s). */
  startupTimeoutMs?: number;
  /** Names other engines on the same network use to reach this one. */
  aliases?: string[];
  user?: string;
  /** Memory limit in GiB, for heavy engines (Elasticsearch, Logstash). */
  memoryGiB?: number;
  /** Directories held in memory (tmpfs): lost when the engine stops, as a directory without a volume is when its container is recreated. */
  tmpfs?: string[];
  /**
   * Owner of those tmpfs mounts, for an engine that runs as a user other than root. Measured on
   * Docker 20.10: a restarted container gets its tmpfs back as root 0755 whatever `mode` said, but
   * keeps `uid`/`gid`; an engine running as nobody then cannot write its data directory.
   */
  tmpfsOwner?: { uid: number; gid: number };
  /** Seconds between SIGTERM and SIGKILL when paused (default 2); give it the grace its deployment gives (compose: 10). */
  stopGraceSeconds?: number;
}

/** An engine that is up. Tests reach it only through `url()`/`port()` on localhost. */
export interface RunningEngine extends AsyncDisposable {
  readonly name: string;
  readonly image: string;
  /** The host-side port mapped to `containerPort`. */
  port(containerPort: number | `${number}/${'tcp' | 'udp'}`): number;
  /** `http://<host>:<mapped port><path>`. */
  url(containerPort: number, path?: string): string;
  /** The engine's own log, the last `lines` lines (all when omitted). */
  logs(lines?: number): Promise<string>;
  exec(command: string[]): Promise<{ exitCode: number; output: string }>;
  /** Stop, and start again: for alerts that watch an engine go down and come back. */
  pause(): Promise<void>;
  /** Resolves once the spec's ready check passes again, as after the first start. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/** Engines on one network, so they reach each other by alias; also reaches the host. */
export interface EngineNetwork extends AsyncDisposable {
  readonly name: string;
  start(spec: EngineSpec): Promise<RunningEngine>;
  stop(): Promise<void>;
}

/** An engine that did not become ready; the message carries its last log lines. */
export class EngineStartError extends Error {
  constructor(
    readonly engine: string,
    image: string,
    reason: string,
    readonly lastLogs: string,
  ) {
    super(`${engine} (${image}) did not start: ${reason}\n--- last log lines of ${engine} ---\n${lastLogs || '(no output)'}`);
    this.name = 'EngineStartError';
  }
}

/** An engine whose image is not on this machine and could not be pulled: a reason to skip, not a failure. */
export class ImageMissingError extends Error {
  constructor(
    readonly engine: string,
    readonly image: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'ImageMissingError';
  }
}

/** The name containers use to reach servers on the host (capture server, example app). */
export const hostFromEngines = 'host.docker.internal';
