import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
type Onig = typeof import('vscode-oniguruma');
type Scanner = InstanceType<Onig['OnigScanner']>;

// Numeric values of vscode-oniguruma's const enums (Syntax.Ruby, FindOption.*): const enums
// vanish at compile time, so they are spelt out here.
const syntaxRuby = 10;
const optionNone = 1;
const optionIgnorecase = 2;
const optionExtend = 3;
const optionMultiline = 4;

/** Flags of a Ruby regexp literal: `m` (dot matches newline), `i`, `x`. */
export interface RubyRegexFlags {
  /** Ruby's /m: `.` matches a newline too. (In Ruby, `^` and `$` are ALWAYS line anchors.) */
  dotAll?: boolean;
  ignoreCase?: boolean;
  extended?: boolean;
}

/** A span of the subject, in UTF-16 code units (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

export interface RegexMatch {
  /** The whole match. */
  match: Span;
  /**
   * Capture groups numbered as Ruby numbers them: when the pattern has named groups, only
   * those capture (plain parentheses do not), in the order their `(` appears.
   */
  groups: (Span | undefined)[];
  /** Group numbers (1-based, into `groups` at n-1) of each name, in order of appearance. */
  names: ReadonlyMap<string, readonly number[]>;
}

/**
 * A regular expression with the semantics Logstash gives it: conditionals compile with
 * RubyRegexp.newRegexpFromStr (EventCondition.java) and grok with Regexp.new (jls-grok), both
 * running on Joni, JRuby's port of Oniguruma. We run Oniguruma itself with its Ruby syntax, so
 * `^`/`$` are line anchors, `\A`/`\z` string anchors, `(?m)` means "dot matches newline",
 * atomic groups and possessive quantifiers work, and only named groups capture when any exist.
 *
 * One known difference: Oniguruma gives up on a catastrophically backtracking match (its
 * retry limit) and reports no match, where Joni keeps going for as long as it takes.
 */
export class RubyRegex {
  private constructor(
    private readonly onig: Onig,
    readonly source: string,
    readonly flags: RubyRegexFlags,
    private readonly scanner: Scanner,
    private readonly names: ReadonlyMap<string, readonly number[]>,
  ) {}

  /** Compiles `source`; throws RubyRegexError with Oniguruma's reason when it does not compile. */
  static compile(onig: Onig, source: string, flags: RubyRegexFlags = {}): RubyRegex {
    const options = [optionNone];
    if (flags.dotAll) options.push(optionMultiline);
    if (flags.ignoreCase) options.push(optionIgnorecase);
    if (flags.extended) options.push(optionExtend);
    let scanner: Scanner;
    try {
      scanner = new onig.OnigScanner([source], { syntax: syntaxRuby as never, options: options as never[] });
    } catch (error) {
      throw new RubyRegexError(source, error instanceof Error ? error.message : String(error));
    }
    return new RubyRegex(onig, source, flags, scanner, namedGroups(source));
  }

  /** The first match at or after `from`, or null. */
  search(text: string, from = 0): RegexMatch | null {
    const subject = new this.onig.OnigString(text);
    keepUnmatchedGroupsOutOfRange(subject);
    let found: ReturnType<Scanner['findNextMatchSync']>;
    try {
      found = this.scanner.findNextMatchSync(subject, from);
    } finally {
      subject.dispose();
    }
    if (!found) return null;
    const [whole, ...rest] = found.captureIndices;
    const groups = rest.map((c) => (participated(c) ? { start: c.start, end: c.end } : undefined));
    return { match: { start: whole!.start, end: whole!.end }, groups, names: this.names };
  }

  /** Whether the pattern matches anywhere in `text` (Ruby's `=~` being truthy). */
  test(text: string): boolean {
    return this.scanner.findNextMatchSync(text, 0) !== null;
  }

  /** The text of named group `name` in a match (the last group of that name that took part). */
  static named(text: string, m: RegexMatch, name: string): string | undefined {
    const numbers = m.names.get(name) ?? [];
    for (let i = numbers.length - 1; i >= 0; i--) {
      const span = m.groups[numbers[i]! - 1];
      if (span) return text.slice(span.start, span.end);
    }
    return undefined;
  }
}

/**
 * vscode-oniguruma converts Oniguruma's UTF-8 offsets to UTF-16 indices for a text that is not
 * pure ASCII, and clamps any offset past the end to the text's length (main.js,
 * OnigString#convertUtf8OffsetToUtf16). A group that took no part (ONIG_REGION_NOTPOS) then looks
 * like an empty group at the end of the text, so `(?<a>x)?` on "é" would report a = "". Keep
 * such offsets out of range, as they are for ASCII texts.
 */
function keepUnmatchedGroupsOutOfRange(subject: InstanceType<Onig['OnigString']>): void {
  const s = subject as unknown as { utf8Length: number; convertUtf8OffsetToUtf16(offset: number): number };
  const convert = s.convertUtf8OffsetToUtf16.bind(s);
  s.convertUtf8OffsetToUtf16 = (offset) => (offset > s.utf8Length ? offset : convert(offset));
}

// Oniguruma marks a group that took no part in the match with ONIG_REGION_NOTPOS (-1), which
// vscode-oniguruma hands over as an unsigned 32-bit number (4294967295).
function participated(c: { start: number; end: number }): boolean {
  return c.start >= 0 && c.start < 0xffffffff && c.end >= 0 && c.end < 0xffffffff;
}

export class RubyRegexError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`invalid regular expression /${source}/: ${reason}`);
    this.name = 'RubyRegexError';
  }
}

/**
 * The named groups of a Ruby pattern, numbered in order of their `(`: `(?<name>` and
 * `(?'name'`, skipping escapes, character classes (which nest in Onigmo: `[a-z&&[^x]]`) and
 * `(?#comments)`. Lookbehinds `(?<=` / `(?<!` are not names.
 */
export function namedGroups(source: string): Map<string, number[]> {
  const names = new Map<string, number[]>();
  let count = 0;
  let classDepth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (classDepth > 0) {
      if (ch === '[') classDepth++;
      else if (ch === ']') classDepth--;
      continue;
    }
    if (ch === '[') {
      classDepth = 1;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') i++;
      continue;
    }
    if (ch !== '(') continue;
    if (source.startsWith('(?#', i)) {
      const close = source.indexOf(')', i);
      i = close < 0 ? source.length : close;
      continue;
    }
    const named = /^\(\?(?:<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(source.slice(i, i + 256));
    if (named) {
      count++;
      const name = named[1] ?? named[2]!;
      names.set(name, [...(names.get(name) ?? []), count]);
    }
  }
  return names;
}

let loaded: Promise<Onig> | undefined;

/** Oniguruma (WASM), loaded once per process. */
export function oniguruma(): Promise<Onig> {
  loaded ??= (async () => {
    const onig = require('vscode-oniguruma') as Onig;
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return onig;
  })();
  return loaded;
}

/** Compiles with the process's Oniguruma (loading it on first use). */
export async function rubyRegex(source: string, flags: RubyRegexFlags = {}): Promise<RubyRegex> {
  return RubyRegex.compile(await oniguruma(), source, flags);
}
