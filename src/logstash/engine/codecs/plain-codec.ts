import { Event, type EventEnvironment } from '../event.js';
import { convertUtf8 } from '../inputs/charset.js';
import type { PluginLogger } from '../plugin-log.js';

/**
 * logstash-codec-plain v3.1.0 decode (lib/logstash/codecs/plain.rb:38-44): the data as it came
 * (no line splitting, a trailing newline kept) in [message], and in ECS mode the same text in
 * [event][original].
 */
export function plainDecode(bytes: Buffer, env: EventEnvironment, logger: PluginLogger, ecs: boolean): Event {
  const message = convertUtf8(bytes, logger);
  const event = Event.empty(env);
  event.set('message', message);
  if (ecs) event.set('[event][original]', message);
  return event;
}
