import type { Grok } from '../grok/grok.js';
import { Event, type EventEnvironment } from '../event.js';
import { convertUtf8 } from '../inputs/charset.js';
import type { PluginLogger } from '../plugin-log.js';
import { newMap } from '../value.js';

export interface MultilineSettings {
  /** The compiled `pattern` (jls-grok over patterns-core's legacy set, as multiline.rb:152-165 builds it). */
  grok: Grok;
  what: 'previous' | 'next';
  negate: boolean;
  multilineTag: string;
  maxLines: number;
  maxBytes: number;
  ecs: boolean;
}

/**
 * logstash-codec-multiline v3.1.2 (lib/logstash/codecs/multiline.rb): each chunk of text is
 * split on "\n" (String#split: an empty line yields nothing), each line matched against the
 * pattern anywhere in it (jls-grok: Regexp#match, MULTILINE), `negate` inverting. With
 * `what => previous` a line that does not match closes the buffered entry before joining the
 * buffer; with `next`, a line that does not match closes the entry after joining. The entry is
 * flushed early once the buffer holds more than max_lines lines or max_bytes bytes (checked
 * before the line is added, so an entry can reach max_lines + 1). The event: the lines joined by
 * "\n" in [message] (and [event][original] in ECS mode), tagged `multiline` when it holds more
 * than one line, and multiline_codec_max_lines_reached / _max_bytes_reached.
 */
export class MultilineCodec {
  private buffer: string[] = [];
  private bufferBytes = 0;

  constructor(
    private readonly s: MultilineSettings,
    private readonly env: EventEnvironment,
    private readonly logger: PluginLogger,
  ) {}

  decode(bytes: Buffer): Event[] {
    const out: Event[] = [];
    const text = convertUtf8(bytes, this.logger);
    for (const line of rubySplitLines(text)) {
      const found = this.s.grok.execute(line) !== null;
      const matched = (found && !this.s.negate) || (!found && this.s.negate);
      if (this.s.what === 'previous') {
        if (!matched || this.overLimits()) this.flushInto(out);
        this.add(line);
      } else {
        this.add(line);
        if (!matched || this.overLimits()) this.flushInto(out);
      }
    }
    return out;
  }

  /** Whether an entry waits in the buffer (for auto_flush_interval, or lost without it). */
  get pending(): boolean {
    return this.buffer.length > 0;
  }

  flush(): Event[] {
    const out: Event[] = [];
    this.flushInto(out);
    return out;
  }

  private add(line: string): void {
    this.bufferBytes += Buffer.byteLength(line);
    this.buffer.push(line);
  }

  private overLimits(): boolean {
    return this.buffer.length > this.s.maxLines || this.bufferBytes >= this.s.maxBytes;
  }

  // multiline.rb:196-209 (merge_events).
  private flushInto(out: Event[]): void {
    if (this.buffer.length === 0) return;
    const message = this.buffer.join('\n');
    const event = Event.fromMap(newMap([['message', message]]), this.env);
    if (this.s.ecs) event.set('[event][original]', message);
    if (this.s.multilineTag !== '' && this.buffer.length > 1) event.tag(this.s.multilineTag);
    if (this.bufferBytes >= this.s.maxBytes) event.tag('multiline_codec_max_bytes_reached');
    if (this.buffer.length > this.s.maxLines) event.tag('multiline_codec_max_lines_reached');
    out.push(event);
    this.buffer = [];
    this.bufferBytes = 0;
  }
}

/** String#split("\n"): trailing empty fields dropped (so "" gives nothing). */
function rubySplitLines(text: string): string[] {
  const parts = text.split('\n');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
