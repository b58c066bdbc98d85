import type { RubyFilterOptions, RubyFilterResult, RubyLoadResult } from '../../jruby/wire-protocol.js';

/**
 * What the ruby filter needs from the JRuby process: the `jruby` branch's JrubyClient
 * (src/logstash/jruby/jruby-client.ts) satisfies it as it is. Events cross as wire JSON
 * (../wire.ts, the contract of issue 9).
 */
export interface RubyFilterHost {
  load(id: string, options: RubyFilterOptions): Promise<RubyLoadResult>;
  filter(id: string, wireEvents: readonly string[]): Promise<RubyFilterResult>;
}
