import type { StartedCaptureServer } from '../capture/capture-server.js';
import type { EngineNetwork } from '../engines/engine.js';

/** What every stack of a run shares: one network of engines and one capture server. */
export interface SharedServices {
  network: EngineNetwork;
  capture: StartedCaptureServer;
  /** The capture server's base URL as engines on the network see it. */
  captureFromEngines: string;
}

/**
 * A set of engines a group of tests needs, started once per run by the project's globalSetup.
 * `info` must be plain JSON: it crosses to the test workers through vitest's provide/inject.
 */
export interface StackDefinition<Info> {
  key: string;
  /** Keys of stacks this one sends to or reads from: a run that starts it starts them too. */
  needs?: readonly string[];
  start(shared: SharedServices): Promise<{ info: Info; stop(): Promise<void> }>;
}

/** How a stack came out: usable, missing something this machine lacks (skip), or broken (fail). */
export type StackStatus<Info = unknown> = { state: 'ready'; info: Info } | { state: 'unavailable'; reason: string } | { state: 'failed'; reason: string };
