import type { PluginOptions } from '../plugin-options.js';
import type { OutputStage } from './output-api.js';
import { rubydebug } from './rubydebug.js';

/**
 * logstash-output-stdout v3.1.4 with the rubydebug codec v3.1.0 (its default): each event printed
 * to Logstash's stdout, the stream its own log goes to in the container. `metadata => true`
 * prints [@metadata] too (to_hash_with_metadata).
 */
export function stdoutOutput(options: PluginOptions, codec: { name: string; options: PluginOptions }): OutputStage {
  if (codec.name !== 'rubydebug') options.unmodelled('codec', `the ${codec.name} codec on stdout is not modelled (rubydebug is)`);
  const withMetadata = codec.options.boolean('metadata');
  const id = options.string('id');
  return {
    name: 'stdout',
    id,
    where: options.where,
    receive(event) {
      return { output: 'stdout', id, where: options.where, text: rubydebug(withMetadata ? event.toHashWithMetadata() : event.toHash()) };
    },
  };
}
