import type { LogLine } from '../plugin-log.js';
import type { LsMap } from '../value.js';

/**
 * What the ruby filter needs from the JRuby process, in the terms of the contract
 * (/work/briefs/logs-engine-contract.md, "Ruby"): events cross as wire JSON (./wire.ts).
 * src/logstash/jruby/ provides the process; ./jruby-adapter.ts maps its client onto this.
 */
export interface RubyFilterHost {
  /** Loads one filter (once per pipeline); a script's `test` blocks run now. */
  load(id: string, spec: RubyFilterSpec): Promise<{ tests: RubyTestResult[] } | { error: string }>;
  /** Filters a batch; each resulting event says which input it came from. */
  filter(id: string, wireEvents: string[]): Promise<RubyFilterResult | { crash: string }>;
}

export interface RubyFilterSpec {
  code?: string;
  init?: string;
  /** The container path the config names (for messages). */
  path?: string;
  /** The script's text, read from the repository through the container mounts. */
  script?: string;
  scriptParams: LsMap;
  tagOnException: string;
}

export interface RubyTestResult {
  name: string;
  passed: boolean;
  failure?: string;
}

export interface RubyFilterResult {
  /** In order: the events that come out, each with the index of the input event it came from. */
  events: { event: string; from: number; cancelled?: boolean }[];
  /** What the filter logged (Ruby exception occurred..., Could not process event...). */
  log: LogLine[];
}
