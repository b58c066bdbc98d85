/**
 * The cells of every Markdown table row in a text (lines starting with `|`), trimmed; the
 * separator row comes out as dashes. What the docs tests read the policy's tables with.
 */
export function markdownTableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}
