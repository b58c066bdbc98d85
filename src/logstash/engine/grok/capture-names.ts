export interface NamedCaptures {
  /** The regex with each group name replaced by `gN` (the N-th distinct name), references too. */
  source: string;
  /**
   * Each original name once, in the order its first group opens, with the numbers of all its
   * groups: Regexp#named_captures. With named groups present, plain parentheses do not capture
   * (Ruby), so group n here is capture n of the match.
   */
  names: Map<string, number[]>;
}

/**
 * Grok names its groups `NAME:[client][ip]:int`, and patterns-core writes `(?<[dns][question][class]>IN)`:
 * Joni accepts any of these, Oniguruma refuses a name that does not start with a word character.
 * So the names are swapped for `g1`, `g2`... before compiling (a repeated name keeps one
 * replacement, so it is still one name with several groups, and `\k<name>` / `\g<name>` follow),
 * and grok reads the captures through this table.
 */
export function renameCaptures(source: string): NamedCaptures {
  const names = new Map<string, number[]>();
  const renamed = new Map<string, string>();
  const replacementOf = (name: string) => {
    let replacement = renamed.get(name);
    if (!replacement) renamed.set(name, (replacement = `g${renamed.size + 1}`));
    return replacement;
  };
  let out = '';
  let count = 0;
  let classDepth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const reference = /^\\([kg])(?:<([^>]*)>|'([^']*)')/.exec(source.slice(i, i + 1000));
      if (classDepth === 0 && reference && !/^[-+]?\d+$/.test(reference[2] ?? reference[3]!)) {
        const name = reference[2] ?? reference[3]!;
        out += `\\${reference[1]}<${replacementOf(name)}>`;
        i += reference[0].length - 1;
        continue;
      }
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (classDepth > 0) {
      if (ch === '[') classDepth++;
      else if (ch === ']') classDepth--;
      out += ch;
      continue;
    }
    if (ch === '[') {
      classDepth = 1;
      // A `]` right after `[` or `[^` is a literal member, not the end of the class.
      const literal = /^\[\^?\]?/.exec(source.slice(i))![0];
      out += literal;
      i += literal.length - 1;
      continue;
    }
    const group = ch === '(' ? /^\(\?(?:<(?![=!])([^>]*)>|'([^']*)')/.exec(source.slice(i, i + 1000)) : null;
    if (ch === '(' && source.startsWith('(?#', i)) {
      const close = source.indexOf(')', i);
      const end = close < 0 ? source.length : close + 1;
      out += source.slice(i, end);
      i = end - 1;
      continue;
    }
    if (!group) {
      out += ch;
      continue;
    }
    const name = group[1] ?? group[2]!;
    count++;
    names.set(name, [...(names.get(name) ?? []), count]);
    out += `(?<${replacementOf(name)}>`;
    i += group[0].length - 1;
  }
  return { source: out, names };
}
