import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { repoPath } from '../../sources/repo-files.js';
import { NdjsonConnection, type Address } from './ndjson-connection.js';
import type { RubyFilterOptions, RubyFilterResult, RubyLoadResult, RubyTestBlock, RubyExpectation, RubyLogRecord, RubyError } from './wire-protocol.js';

/** Bounds measured generously for a loaded 2-core machine (a cold JIT is slow). */
const loadTimeoutMs = 120_000;
const baseFilterTimeoutMs = 60_000;
const perEventTimeoutMs = 20;
/** The harness waits this much longer than the bound it gives JRuby, to hear JRuby's own answer. */
const answerMarginMs = 15_000;

export interface JrubyVersions {
  jruby: string;
  ruby: string;
  java: string;
}

/**
 * The harness's view of the long-lived JRuby: ruby filters loaded by id, events through them
 * in batches. One client is one connection, with filters of its own (load them again in
 * another client). See wire-protocol.ts for what each answer means.
 */
export class JrubyClient {
  private constructor(private readonly connection: NdjsonConnection) {}

  static async connect(address: Address): Promise<JrubyClient> {
    return new JrubyClient(await NdjsonConnection.open(address));
  }

  ping(): Promise<JrubyVersions> {
    return this.connection.request({ op: 'ping' }, 30_000);
  }

  /**
   * Constructs and registers a ruby filter as Logstash does when it loads the pipeline: a
   * `path` script is loaded and its `test` blocks run (a failing one fails the load).
   */
  async load(id: string, options: RubyFilterOptions): Promise<RubyLoadResult> {
    const raw = await this.connection.request<RawLoad>({ op: 'load', filter: id, options: rubyParams(options), timeoutMs: loadTimeoutMs }, loadTimeoutMs + answerMarginMs);
    const tests = raw.tests.map(testBlock);
    return raw.loaded ? { loaded: true, tests, logs: raw.logs } : { loaded: false, error: raw.error!, tests, logs: raw.logs };
  }

  /** Runs wire events through a loaded filter, all in one round trip. */
  filter(id: string, wireEvents: readonly string[], options: { timeoutMs?: number } = {}): Promise<RubyFilterResult> {
    const timeoutMs = options.timeoutMs ?? baseFilterTimeoutMs + perEventTimeoutMs * wireEvents.length;
    return this.connection.request({ op: 'filter', filter: id, events: wireEvents, timeoutMs }, timeoutMs + answerMarginMs);
  }

  async unload(id: string): Promise<boolean> {
    return (await this.connection.request<{ unloaded: boolean }>({ op: 'unload', filter: id }, 30_000)).unloaded;
  }

  close(): void {
    this.connection.close();
  }
}

interface RawLoad {
  loaded: boolean;
  error?: RubyError;
  tests: { name: string; expectations: RubyExpectation[] }[];
  logs: RubyLogRecord[];
}

function testBlock(raw: RawLoad['tests'][number]): RubyTestBlock {
  return { name: raw.name, passed: raw.expectations.every((e) => e.result === 'passed'), expectations: raw.expectations };
}

/** The plugin's own option names (ruby.rb:32-49); a `path` script travels with its text. */
function rubyParams(options: RubyFilterOptions): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (options.code !== undefined) params.code = options.code;
  if (options.init !== undefined) params.init = options.init;
  if (options.path !== undefined) {
    params.path = options.path;
    const file = options.file ?? options.path;
    params.script_source = options.source ?? readFileSync(isAbsolute(file) ? file : repoPath(file), 'utf8');
  }
  if (options.scriptParams !== undefined) params.script_params = options.scriptParams;
  if (options.tagOnException !== undefined) params.tag_on_exception = options.tagOnException;
  if (options.tagWithExceptionMessage !== undefined) params.tag_with_exception_message = options.tagWithExceptionMessage;
  return params;
}
