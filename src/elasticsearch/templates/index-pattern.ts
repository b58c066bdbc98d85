/**
 * Regex#simpleMatch (libs/core/.../common/regex/Regex.java): a pattern where `*` matches any
 * run of characters (also none) and every other character matches itself, over the whole name.
 */
export function simpleMatch(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  if (!name.startsWith(parts[0]!) || !name.endsWith(parts[parts.length - 1]!)) return false;
  if (name.length < parts[0]!.length + parts[parts.length - 1]!.length) return false;
  let pos = parts[0]!.length;
  const end = name.length - parts[parts.length - 1]!.length;
  for (const middle of parts.slice(1, -1)) {
    const at = name.indexOf(middle, pos);
    if (at < 0 || at + middle.length > end) return false;
    pos = at + middle.length;
  }
  return true;
}

/**
 * Whether some index name matches both patterns: what MetadataIndexTemplateService checks as
 * `Operations.isEmpty(Operations.intersection(simpleMatchToAutomaton(a), simpleMatchToAutomaton(b))) == false`.
 * Decided directly on the two `*`-patterns: a `*` may absorb any character of the other side,
 * including the other side's literal characters.
 */
export function patternsOverlap(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let r: boolean;
    if (i === a.length && j === b.length) r = true;
    else if (i < a.length && a[i] === '*') r = go(i + 1, j) || (j < b.length && go(i, j + 1));
    else if (j < b.length && b[j] === '*') r = go(i, j + 1) || (i < a.length && go(i + 1, j));
    else r = i < a.length && j < b.length && a[i] === b[j] && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

export function anyOverlap(as: readonly string[], bs: readonly string[]): boolean {
  return as.some((a) => bs.some((b) => patternsOverlap(a, b)));
}
