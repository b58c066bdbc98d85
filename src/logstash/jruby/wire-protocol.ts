/**
 * What crosses the socket between the harness and the JRuby stand-in (ruby/server.rb): one
 * JSON object per line each way, answers carrying the request's `id`. Events inside are
 * *wire JSON strings* (the contract of issue 9): `{"data": {...}, "metadata": {...}}` with
 * integers without `.`, floats always with one, `{"\u0000float":"NaN"}` and
 * `{"\u0000timestamp":"...Z"}`. They stay strings here, so no integer loses precision.
 */

/** Options of a `ruby { ... }` filter, as the pipeline gives them (logstash-filter-ruby 3.1.8). */
export interface RubyFilterOptions {
  code?: string;
  init?: string;
  /** The `path` option as the pipeline writes it: used in messages and backtraces, like Logstash. */
  path?: string;
  /** The script's text; default: read from `file`. */
  source?: string;
  /** Where the script is on this machine (absolute, or relative to the repository); default `path`. */
  file?: string;
  scriptParams?: Record<string, unknown>;
  tagOnException?: string;
  tagWithExceptionMessage?: boolean;
}

export interface RubyError {
  /** The Ruby class, e.g. `RuntimeError` or `Java::OrgLogstash::Accessors::InvalidFieldSetException`. */
  class: string;
  message: string;
}

/** What the ruby filter logged (Logstash's own log): level, text, and the data beside it. */
export interface RubyLogRecord {
  level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  logger: string;
  message: string;
  data: Record<string, string>;
}

/** One `expect` of a script's `test` block. */
export interface RubyExpectation {
  name: string;
  result: 'passed' | 'failed' | 'errored';
  /** As Logstash logs it: `***TEST FAILURE FOR: '<test> <expect>'***`. */
  message?: string;
  exception?: string;
}

export interface RubyTestBlock {
  name: string;
  passed: boolean;
  expectations: RubyExpectation[];
}

export type RubyLoadResult = { loaded: true; tests: RubyTestBlock[]; logs: RubyLogRecord[] } | { loaded: false; error: RubyError; tests: RubyTestBlock[]; logs: RubyLogRecord[] };

/**
 * An event that left the filter. `from` is the index of the input it came from; `kind` says
 * whether it IS that input (possibly changed) or a NEW event the script made (returned from
 * a `path` script's `filter`, or passed to `new_event_block` by inline code). They come in
 * the order Filters::Base#multi_filter gives: each input, then its new events; cancelled
 * events (a `path` script that did not return its input, `event.cancel`) are left out.
 */
export interface RubyOutputEvent {
  from: number;
  kind: 'input' | 'new';
  event: string;
}

/** What happened to one input event. */
export interface RubyInputReport {
  /**
   * The filter reached `filter_matched` for it: the engine applies add_field/add_tag/
   * remove_field/remove_tag now. A `path` script's event is matched BEFORE its results are
   * checked (ruby.rb:111-113), so a script returning a non-array is both matched and tagged.
   */
  matched: boolean;
  /** The exception the filter rescued (then it tagged the event with tagOnException). */
  exception?: RubyError;
  /** The tags the exception added, in order (with tagWithExceptionMessage, "<tag>: <message>" first). */
  tagsApplied?: string[];
  logs: RubyLogRecord[];
}

export interface RubyFilterResult {
  outputs: RubyOutputEvent[];
  inputs: RubyInputReport[];
}
