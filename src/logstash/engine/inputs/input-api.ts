import type { Event } from '../event.js';
import type { StageEnvironment } from '../filter-stage.js';
import type { OptionSpecs, PluginOptions } from '../plugin-options.js';
import { addFields, addTags } from '../decorators.js';

/** The other end of a connection or datagram, as the input sees it. */
export interface Peer {
  ip: string;
  /** The reverse-DNS name (tcp's dns_reverse_lookup_enabled), or the ip. */
  name: string;
  port: number;
}

/** A stream connection to an input (tcp, syslog over TCP). */
export interface InputConnection {
  /** Bytes as they arrive (one read of the socket); the events they complete. */
  receive(bytes: Buffer): Event[];
  /** The client closes: what the input flushes. */
  end(): Event[];
  /** Set when the input closed the connection itself (then further bytes are dropped). */
  readonly closedBecause?: string;
}

export interface InputStage {
  readonly name: string;
  readonly id?: string;
  readonly where: string;
  /** Resolves once the input registered (its internal filters compiled). */
  readonly ready?: Promise<void>;
  connect?(peer: Peer): InputConnection;
  datagram?(bytes: Buffer, peer: Peer): Event[];
  /** The file input: lines appended to a file; returns the events read (or why none). */
  appendToFile?(path: string, bytes: Buffer): { events: Event[]; notRead?: string };
  /** End of the stream: what timers (auto_flush_interval) would flush; and what stays unflushed. */
  finish?(): { events: Event[]; pending: string[] };
}

export interface CodecNode {
  name: string;
  options: PluginOptions;
}

export interface InputDefinition {
  readonly name: string;
  readonly source: string;
  readonly options: OptionSpecs;
  create(options: PluginOptions, codec: CodecNode, env: StageEnvironment): InputStage;
}

/** LogStash::Inputs::Base#decorate (inputs/base.rb:135-141): type unless set, add_field, tags. */
export function decorateInput(event: Event, options: PluginOptions): void {
  const type = options.string('type');
  if (type !== undefined && !event.includes('type')) event.set('type', type);
  addFields(options.hash('add_field'), event);
  addTags(options.array('tags'), event);
}
