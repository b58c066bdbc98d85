import { Event, type EventEnvironment } from '../event.js';
import { BufferedTokenizer } from '../inputs/buffered-tokenizer.js';
import { convertUtf8 } from '../inputs/charset.js';
import { parseJackson } from '../json-parse.js';
import type { PluginLogger } from '../plugin-log.js';
import { isMap, newMap, type LsValue } from '../value.js';

/**
 * logstash-codec-json_lines v3.2.2 (lib/logstash/codecs/json_lines.rb): lines from a
 * BufferedTokenizer with decode_size_limit_bytes (the tokenizer's BufferFullError escapes
 * decode: nothing here rescues it), each converted from UTF-8 and read by Event.from_json
 * (logstash-mixin-event_support 1.0.1 NativeImpl → Event.fromJson, logstash-core
 * Event.java:293-331): a blank line makes no event, an object one event, an array one event
 * per element, anything else (or a parse error, or an element that is not an object) the
 * whole line as [message] tagged _jsonparsefailure, with a WARN carrying the line.
 */
export class JsonLinesCodec {
  private readonly buffer: BufferedTokenizer;

  constructor(
    private readonly env: EventEnvironment,
    private readonly logger: PluginLogger,
    options: { delimiter: string; sizeLimit: number },
  ) {
    this.buffer = new BufferedTokenizer(options.delimiter, options.sizeLimit);
  }

  /** Bytes in (a latin1 byte string), events out. */
  decode(data: string): Event[] {
    return this.buffer.extract(data).flatMap((line) => this.parse(line));
  }

  flush(): Event[] {
    const rest = this.buffer.flush();
    return rest.length > 0 ? this.parse(rest) : [];
  }

  private parse(line: string): Event[] {
    const json = convertUtf8(Buffer.from(line, 'latin1'), this.logger);
    try {
      // Event.fromJson: blank by Character.isWhitespace (no NBSP, unlike JS \s).
      if (/^[\t\n\v\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]*$/.test(json)) return [];
      const value = parseJackson(json);
      const items: LsValue[] = Array.isArray(value) ? value : [value ?? null];
      if (!Array.isArray(value) && !isMap(value)) throw new Error(`incompatible json object type=${value === null ? 'null' : typeof value} , only hash map or arrays are supported`);
      return items.map((item) => {
        if (!isMap(item)) throw new Error(`wrong argument type ${typeof item} (expected Hash)`);
        return Event.fromMap(item, this.env);
      });
    } catch (error) {
      this.logger.warn('JSON parse error, original data now in message field', { message: (error as Error).message, exception: { ruby: 'LogStash::Json::ParserError' }, data: json });
      return [
        Event.fromMap(
          newMap([
            ['message', json],
            ['tags', ['_jsonparsefailure']],
          ]),
          this.env,
        ),
      ];
    }
  }
}
