/**
 * Checks promtool's expanding notation for input series before promtool sees it: promtool
 * reports a bad token as "1:27: parse error" without saying which series or file.
 * Tokens: `a+bxn`, `a-bxn`, `axn`, a number, `_`, `_xn`, `stale`.
 */
const num = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?Inf|NaN`;
const token = new RegExp(String.raw`^(?:_|_x\d+|stale|(?:${num})(?:[+-](?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?x\d+|x\d+)?)$`);

/** The first token that is not valid notation, or undefined when all are. */
export function invalidSeriesToken(values: string): string | undefined {
  const tokens = values.trim().split(/\s+/);
  if (tokens.length === 1 && tokens[0] === '') return '(empty)';
  return tokens.find((t) => !token.test(t));
}
