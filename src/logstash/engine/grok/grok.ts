import { RubyRegex, type RegexMatch } from '../../ruby-regex.js';
import { renameCaptures } from './capture-names.js';
import { expandGrok } from './grok-expand.js';
import { rubyToF, rubyToI } from './ruby-conversions.js';

type Onig = Parameters<typeof RubyRegex.compile>[0];

/** One value a match hands to the filter: the field named in the pattern and the captured text, converted. */
export interface GrokCapture {
  /** `client` for `%{IP:client}`, `[url][path]` for `%{X:[url][path]}`, `queue_id` for `(?<queue_id>...)`. */
  field: string;
  /** The captured text, an Integer (`:int`), a Float (`:float`), or nil when the group took no part. */
  value: string | bigint | number | null;
}

interface CapturePlan {
  field: string;
  group: number;
  convert: 'int' | 'float' | undefined;
}

/**
 * One compiled grok pattern: jls-grok 0.11.5's Grok (ruby-grok@550e96f lib/grok-pure.rb) with
 * compile (expansion, then Regexp.new(expanded, Regexp::MULTILINE): `.` matches "\n" and `^`/`$`
 * stay line anchors), execute (@regexp.match: the first match anywhere in the text) and capture.
 */
export class Grok {
  private constructor(
    readonly pattern: string,
    readonly expanded: string,
    private readonly regex: RubyRegex,
    private readonly plan: readonly CapturePlan[],
  ) {}

  /**
   * Compiles `pattern` against a copy of `definitions` (the core patterns, then the filter's
   * pattern_definitions, as grok.rb:278-282 loads them into each Grok). Throws GrokPatternError
   * for an unknown or endlessly recursive pattern, RubyRegexError when the regex does not compile.
   */
  static compile(onig: Onig, pattern: string, definitions: ReadonlyMap<string, string>, namedCapturesOnly: boolean): Grok {
    const table = new Map(definitions);
    const { expanded, flags } = expandGrok(onig, pattern, table, namedCapturesOnly);
    const { source, names } = renameCaptures(expanded);
    const regex = RubyRegex.compile(onig, source, flags);
    return new Grok(pattern, expanded, regex, capturePlan(names));
  }

  /** Grok#execute: the match, or null. */
  execute(text: string): RegexMatch | null {
    return this.regex.search(text, 0);
  }

  /** Grok#capture: every named capture, in the order captures_func calls its block. */
  capture(text: string, m: RegexMatch): GrokCapture[] {
    return this.plan.map(({ field, group, convert }) => {
      const span = m.groups[group - 1];
      if (!span) return { field, value: null };
      const raw = text.slice(span.start, span.end);
      return { field, value: convert === 'int' ? rubyToI(raw) : convert === 'float' ? rubyToF(raw) : raw };
    });
  }

  /** execute + capture; null when the pattern does not match. */
  match(text: string): GrokCapture[] | null {
    const m = this.execute(text);
    return m ? this.capture(text, m) : null;
  }
}

/**
 * compile_captures_func (grok-pure.rb:136-157): for each name of Regexp#named_captures (in order
 * of first appearance), `pattern, name, coerce = name.split(":")`; the field is `name`, or
 * `pattern` for a plain `(?<field>...)`; each group of that name calls the block once.
 * Upstream reassigns `coerce` inside the per-group loop (".to_i" on the first pass matches no
 * `when` on the second), so when a name repeats only its FIRST group is converted.
 */
function capturePlan(names: ReadonlyMap<string, readonly number[]>): CapturePlan[] {
  const plan: CapturePlan[] = [];
  for (const [name, groups] of names) {
    const [pattern = '', field, coerce] = rubySplitColon(name);
    groups.forEach((group, i) => {
      const convert = i === 0 && (coerce === 'int' || coerce === 'float') ? coerce : undefined;
      plan.push({ field: field ?? pattern, group, convert });
    });
  }
  return plan;
}

/** String#split(":"): trailing empty fields are dropped, inner and leading ones kept. */
function rubySplitColon(text: string): string[] {
  const parts = text.split(':');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
