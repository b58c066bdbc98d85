import { UnmodelledError } from '../filter-api.js';
import { modelledCorePatterns } from './pattern-files.js';
import { RubyRegex, type RubyRegexFlags } from '../../ruby-regex.js';

type Onig = Parameters<typeof RubyRegex.compile>[0];

/** A pattern that jls-grok refuses (Grok::PatternError), with its message. */
export class GrokPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrokPatternError';
  }
}

/**
 * jls-grok's PATTERN_RE (ruby-grok@550e96f lib/grok-pure.rb:23-37, the commit that is jls-grok
 * 0.11.5), written on one line: `%{NAME}`, `%{NAME:subname}` (the subname may hold `[]@:.-`, so a
 * `:int` suffix is part of it) and `%{NAME=definition}`; anything else up to the `}` is ignored.
 * Despite the upstream comment, a `\` before `%{` does not stop the expansion.
 */
const patternRe =
  '%\\{(?<name>(?<pattern>[A-z0-9]+)(?::(?<subname>[@\\[\\]A-z0-9_:.-]+))?)' +
  '(?:=(?<definition>(?:(?:[^{}\\\\]+|\\\\.+)+|(?<curly>\\{(?:(?>[^{}]+|(?>\\\\[{}])+)|(\\g<curly>))*\\})+)+))?' +
  '[^}]*\\}';

const reCache = new WeakMap<Onig, RubyRegex>();
function patternRegex(onig: Onig): RubyRegex {
  let re = reCache.get(onig);
  if (!re) {
    re = RubyRegex.compile(onig, patternRe);
    reCache.set(onig, re);
  }
  return re;
}

export interface Expansion {
  /** The regular expression grok compiles (Regexp.new(expanded, Regexp::MULTILINE)). */
  expanded: string;
  /** The flags it is compiled with: MULTILINE, i.e. `.` matches "\n" (grok-pure.rb:127). */
  flags: RubyRegexFlags;
}

/**
 * Grok#compile's expansion loop (grok-pure.rb:87-125): repeatedly takes the FIRST `%{...}` of the
 * text being expanded (so definitions are expanded where they land, nesting included), registers
 * an inline `=definition`, and replaces the reference by `(?<NAME:subname>regex)`, or by
 * `(?:regex)` when named_captures_only is set and the reference has no `:`. An unknown name is
 * "pattern %{X} not defined"; after 10 000 replacements it is "Deep recursion pattern compilation".
 * `definitions` is the Grok instance's pattern table; inline definitions are added to it.
 */
export function expandGrok(onig: Onig, pattern: string, definitions: Map<string, string>, namedCapturesOnly: boolean): Expansion {
  const re = patternRegex(onig);
  let expanded = pattern;
  for (let iterationsLeft = 10_000; ; iterationsLeft--) {
    if (iterationsLeft === 0) {
      throw new GrokPatternError(`Deep recursion pattern compilation of ${rubyInspect(pattern)} - expanded: ${rubyInspect(expanded)}`);
    }
    const m = re.search(expanded, 0);
    if (!m) break;
    const whole = expanded.slice(m.match.start, m.match.end);
    const patternName = RubyRegex.named(expanded, m, 'pattern')!;
    const definition = RubyRegex.named(expanded, m, 'definition');
    if (definition !== undefined) definitions.set(patternName, definition);
    const regex = definitions.get(patternName);
    if (regex === undefined) {
      // Logstash says "pattern %{X} not defined" only when patterns-core lacks X too; the engine
      // ships just the core patterns the syslog input needs (pattern-files.ts), so it cannot tell.
      throw new UnmodelledError(
        `pattern ${whole} not defined: it is neither in pattern_definitions nor among the logstash-patterns-core patterns the engine models (${modelledCorePatterns()}). If ${patternName} is a patterns-core pattern, Logstash has it: define it in pattern_definitions so the engine can run it; otherwise Logstash will not start this pipeline either`,
        'match',
      );
    }
    const name = RubyRegex.named(expanded, m, 'name')!;
    const replacement = namedCapturesOnly && !name.includes(':') ? `(?:${regex})` : `(?<${name}>${regex})`;
    // String#sub!(m[0]) replaces the first occurrence of the matched text, which is the match
    // itself: PATTERN_RE would have matched any earlier occurrence first.
    expanded = expanded.slice(0, m.match.start) + replacement + expanded.slice(m.match.end);
  }
  return { expanded, flags: { dotAll: true } };
}

/** String#inspect for the error message: quotes, backslashes and control characters escaped. */
function rubyInspect(text: string): string {
  const escaped = text.replace(/["\\]|[\x00-\x1f\x7f]|#(?=[{$@])/g, (c) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\x07': '\\a', '\b': '\\b', '\x1b': '\\e', '#': '\\#' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
