import { RubyRegex } from '../../ruby-regex.js';

/**
 * Ruby 3.1 String methods mutate calls (JRuby 9.4 implements the same semantics).
 */

const blank = '\0\t\n\v\f\r ';

/** String#strip: leading and trailing ASCII whitespace and NUL (not Unicode spaces, unlike JS trim). */
export function rubyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && blank.includes(text[start]!)) start++;
  while (end > start && blank.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/**
 * String#split(separator) with a string separator: " " splits on runs of whitespace ignoring
 * leading ones (awk style); otherwise on the literal text; trailing empty fields are dropped.
 */
export function rubySplit(text: string, separator: string): string[] {
  let parts: string[];
  if (separator === ' ') parts = text.replace(/^[\t\n\v\f\r ]+/, '').split(/[\t\n\v\f\r ]+/);
  else if (separator === '') parts = [...text];
  else parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** String#to_i: optional blanks and sign, then digits with single underscores between; 0 if none. */
export function rubyStringToI(text: string): bigint {
  const m = /^[\t\n\v\f\r ]*([+-]?)(\d+(?:_\d+)*)/.exec(text);
  if (!m) return 0n;
  const n = BigInt(m[2]!.replaceAll('_', ''));
  return m[1] === '-' ? -n : n;
}

/** String#to_f: the longest leading decimal number (underscores between digits allowed); 0.0 if none. */
export function rubyStringToF(text: string): number {
  const m = /^[\t\n\v\f\r ]*([+-]?\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?(?:[eE][+-]?\d+)?)/.exec(text);
  return m ? Number(m[1]!.replaceAll('_', '')) : 0;
}

/** String#capitalize: the first character up, the rest down. */
export function rubyCapitalize(text: string): string {
  const first = [...text][0] ?? '';
  return first.toUpperCase() + text.slice(first.length).toLowerCase();
}

/**
 * String#gsub(regexp, replacement): every non-overlapping match replaced; in the replacement
 * `\0`/`\&` is the match, `\1`..`\9` groups, `\k<name>` named groups, `` \` `` and `\'` the text
 * before and after, `\\` a backslash.
 */
export function rubyGsub(text: string, regex: RubyRegex, replacement: string): string {
  let out = '';
  let pos = 0;
  let from = 0;
  while (from <= text.length) {
    const m = regex.search(text, from);
    if (!m) break;
    out += text.slice(pos, m.match.start) + expand(replacement, text, m);
    pos = m.match.end;
    // An empty match advances by one character, as Ruby does.
    from = m.match.end === m.match.start ? m.match.end + (text.codePointAt(m.match.end)! > 0xffff ? 2 : 1) : m.match.end;
    if (m.match.end === m.match.start && m.match.end < text.length) {
      out += text.slice(m.match.end, from);
      pos = from;
    }
  }
  return out + text.slice(pos);
}

function expand(replacement: string, text: string, m: NonNullable<ReturnType<RubyRegex['search']>>): string {
  if (!replacement.includes('\\')) return replacement;
  return replacement.replace(/\\(\d|&|`|'|\\|k<([A-Za-z_]\w*)>)/g, (_whole, token: string, name?: string) => {
    if (name !== undefined) return RubyRegex.named(text, m, name) ?? '';
    if (token === '\\') return '\\';
    if (token === '&' || token === '0') return text.slice(m.match.start, m.match.end);
    if (token === '`') return text.slice(0, m.match.start);
    if (token === "'") return text.slice(m.match.end);
    const group = m.groups[Number(token) - 1];
    return group ? text.slice(group.start, group.end) : '';
  });
}
