import { UnmodelledError } from '../filter-api.js';
import { syslogInputPatterns } from './syslog-input-patterns.js';

/** The pattern sets of logstash-patterns-core: `ecs-v1` (ECS v1 and v8) and `legacy` (ECS off). */
export type PatternSet = 'ecs-v1' | 'legacy';

/**
 * The core patterns Logstash loads before a filter's own (logstash-filter-grok v4.4.3
 * grok.rb:262,328-346: every file of patterns-core's `ecs-v1/` or `legacy/` directory).
 *
 * We do not ship patterns-core's files. The engine models the subset the syslog input's own grok
 * needs (./syslog-input-patterns.ts), which is the only use of core patterns by our pipeline:
 * every grok of monitoring/logstash/pipeline/logstash.conf defines its patterns in
 * pattern_definitions. A grok naming any other core pattern fails to compile with a message
 * saying so (grok-expand.ts), instead of matching differently than Logstash would.
 */
export function corePatterns(set: PatternSet): ReadonlyMap<string, string> {
  if (set === 'legacy')
    throw new UnmodelledError(
      'grok with ecs_compatibility => disabled loads the legacy set of logstash-patterns-core, which the engine does not model (it models the ecs-v1 patterns of the syslog input)',
      'ecs_compatibility',
    );
  return syslogInputPatterns;
}

/** The names the engine knows as core patterns, for error messages. */
export const modelledCorePatterns = (): string => [...syslogInputPatterns.keys()].join(', ');

/** String#chomp without argument: one trailing "\r\n", "\n" or "\r". */
export function chomp(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}
