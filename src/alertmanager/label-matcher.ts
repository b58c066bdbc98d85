/** The four ways Alertmanager compares a label with a value. */
export type MatchOp = '=' | '!=' | '=~' | '!~';

/** One `name op "value"` matcher of a route or an inhibition rule. */
export interface LabelMatcher {
  name: string;
  op: MatchOp;
  value: string;
}

export class MatcherSyntaxError extends Error {
  constructor(
    readonly text: string,
    reason: string,
  ) {
    super(`matcher ${JSON.stringify(text)} ${reason}`);
    this.name = 'MatcherSyntaxError';
  }
}

const shape = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;

/**
 * Parses one entry of a `matchers:` list the way Alertmanager 0.25 reads it: optional braces,
 * several matchers separated by commas outside quotes, values quoted (with \" \\ \n escapes) or
 * bare. Checks need the parsed form to compare route and inhibition matchers with the labels
 * the alert rules produce.
 */
export function parseMatchers(text: string): LabelMatcher[] {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  return splitOutsideQuotes(inner)
    .filter((token) => token.trim() !== '')
    .map(parseMatcher);
}

export function parseMatcher(text: string): LabelMatcher {
  const parts = shape.exec(text);
  if (!parts) throw new MatcherSyntaxError(text, 'is not of the form name="value" (operators =, !=, =~, !~)');
  const [, name, op, raw] = parts as unknown as [string, string, MatchOp, string];
  const value = raw.startsWith('"') ? unquote(text, raw) : raw;
  if (op === '=~' || op === '!~') compile(text, value);
  return { name, op, value };
}

/** Whether `labels` satisfy the matcher; a missing label counts as the empty string, as in Alertmanager. */
export function matcherMatches(m: LabelMatcher, labels: Readonly<Record<string, string>>): boolean {
  const actual = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return actual === m.value;
    case '!=':
      return actual !== m.value;
    case '=~':
      return compile('', m.value).test(actual);
    case '!~':
      return !compile('', m.value).test(actual);
  }
}

/** `severity="critical"`, the form amtool prints. */
export function formatMatcher(m: LabelMatcher): string {
  return `${m.name}${m.op}${JSON.stringify(m.value)}`;
}

/**
 * The literal values a positive matcher accepts when it is a plain `A|B|C` alternation (or an
 * equality); undefined when the regex is more than that, so callers can fall back to testing.
 */
export function literalAlternatives(m: LabelMatcher): string[] | undefined {
  if (m.op === '=') return [m.value];
  if (m.op !== '=~') return undefined;
  const alternatives = m.value.split('|');
  return alternatives.every((a) => /^[\w:.-]+$/.test(a)) ? alternatives : undefined;
}

function splitOutsideQuotes(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let escaped = false;
  for (const ch of text) {
    if (ch === ',' && !quoted) {
      tokens.push(current);
      current = '';
      continue;
    }
    if (ch === '"' && !escaped) quoted = !quoted;
    escaped = ch === '\\' ? !escaped : false;
    current += ch;
  }
  tokens.push(current);
  return tokens;
}

function unquote(text: string, raw: string): string {
  if (raw.length < 2 || !raw.endsWith('"')) throw new MatcherSyntaxError(text, 'has an opening quote without a closing one');
  let value = '';
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') throw new MatcherSyntaxError(text, 'contains an unescaped double quote');
    if (ch !== '\\' || i === body.length - 1) {
      value += ch;
      continue;
    }
    const next = body[++i]!;
    value += next === 'n' ? '\n' : next === '"' || next === '\\' ? next : `\\${next}`;
  }
  return value;
}

/** Alertmanager anchors regex matchers at both ends. */
function compile(text: string, pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 's');
  } catch (error) {
    throw new MatcherSyntaxError(text, `has an invalid regular expression: ${(error as Error).message}`);
  }
}
