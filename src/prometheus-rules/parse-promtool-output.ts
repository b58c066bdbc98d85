import type { ParsedAlert, PromtoolFailure, Sample } from './promtool-failure.js';

/**
 * THE reader of promtool's failure text. promtool 2.55+ hands each failure over already
 * separated and attributed to its test group (`--junit`, see promtool-junit.ts); older ones
 * (the 2.53 matrix) print them to stderr, which failuresFromText() splits first. Either way
 * every failure message goes through parseFailureMessage(). The shapes (cmd/promtool/unittest.go,
 * v3.5.3:421-425 and :492, the same in 2.x):
 *
 *     name: <group>,                                 (alert failures only)
 *     alertname: <A>, time: <t>,
 *         exp:[ 0: Labels:{...} Annotations:{...} ],
 *         got:[...]
 *     expr: "<query>\n# <marker>", time: <t>,
 *         exp: <samples>
 *         got: <samples>
 *
 * Anything else (a parse error, an evaluation error) is kept whole as an `error`, so nothing
 * promtool says is ever dropped.
 */
export function parseFailureMessage(text: string, group?: string): PromtoolFailure {
  const lines = text.split('\n');
  const named = /^\s*name: (.*),\s*$/.exec(lines[0] ?? '');
  const head = named ? lines.slice(1) : lines;
  const alert = /^\s*alertname: (.*), time: (\S+),\s*$/.exec(head[0] ?? '');
  const expr = /^\s*expr: (".*"), time: (\S+),\s*$/.exec(head[0] ?? '');
  const at = (group ?? named?.[1]) === undefined ? {} : { group: group ?? named![1]! };
  if (!alert && !expr) return { kind: 'error', ...at, text: text.trim() };
  const body = head.slice(1).join('\n');
  const split = body.indexOf('got:');
  const expPart = body
    .slice(0, split)
    .replace(/^\s*exp:\s?/, '')
    .trim();
  const gotPart = body.slice(split + 4).trim();
  if (alert) return { kind: 'alert', ...at, alertname: alert[1]!, time: alert[2]!, expected: parseAlerts(expPart), got: parseAlerts(gotPart) };
  return { kind: 'query', ...at, expr: goUnquote(expr![1]!), time: expr![2]!, expected: parseSamples(expPart), got: parseSamples(gotPart) };
}

/** promtool before 2.55 (no --junit): its stderr, split into one message per failure. */
export function failuresFromText(stderr: string): PromtoolFailure[] {
  const messages: string[][] = [];
  const errors: string[] = [];
  const lines = stderr.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^ {4}(name|alertname|expr): /.test(line)) {
      // An alert failure starts at `name:`; its `alertname:` line belongs to the same message.
      const message = [line];
      if (/^ {4}name: /.test(line) && /^ {4}alertname: /.test(lines[i + 1] ?? '')) message.push(lines[++i]!);
      while (i + 1 < lines.length && /^ {8}/.test(lines[i + 1]!)) message.push(lines[++i]!);
      messages.push(message);
    } else if (line.trim() && !/^\s*(FAILED|SUCCESS):?\s*$/.test(line) && !/^Unit Testing: /.test(line)) errors.push(line);
  }
  const failures = messages.map((m) => parseFailureMessage(m.join('\n')));
  if (errors.length) failures.push({ kind: 'error', text: errors.join('\n') });
  return failures;
}

function parseAlerts(text: string): ParsedAlert[] {
  const alerts: ParsedAlert[] = [];
  for (const line of text.split('\n')) {
    const labels = /^\s*Labels:(\{.*\})\s*$/.exec(line);
    const annotations = /^\s*Annotations:(\{.*\})\s*$/.exec(line);
    if (labels) alerts.push({ labels: parseLabelSet(labels[1]!), annotations: {} });
    if (annotations && alerts.length) alerts[alerts.length - 1]!.annotations = parseLabelSet(annotations[1]!);
  }
  return alerts;
}

/**
 * A query result as promtool prints it: `nil` for none, else `{__name__="x", job="a"} 4E-01,
 * {job="b"} +Inf` (strconv.FormatFloat 'E'; label values quoted with escapes, so commas and
 * braces inside quotes belong to the value).
 */
export function parseSamples(text: string): Sample[] {
  const trimmed = text.trim();
  if (trimmed === 'nil' || trimmed === '' || trimmed === '[]') return [];
  const samples: Sample[] = [];
  const pattern = /(\{(?:[^"}]|"(?:[^"\\]|\\.)*")*\})\s+([^\s,]+)\s*(?:,\s*|$)/gy;
  for (let at = 0; at < trimmed.length; at = pattern.lastIndex) {
    pattern.lastIndex = at;
    const match = pattern.exec(trimmed);
    // Never guess: a rendering we cannot read would make two different results look alike.
    if (!match) throw new Error(`cannot read promtool's samples at "${trimmed.slice(at, at + 60)}" in: ${trimmed}`);
    samples.push({ labels: parseLabelSet(match[1]!), value: goFloat(match[2]!) });
  }
  return samples;
}

/** `{a="x", b="y \"q\""}` (Go's labels.String) → a map. */
export function parseLabelSet(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = goUnquote(`"${m[2]!}"`);
  return out;
}

function goFloat(text: string): number {
  if (/^[+-]?Inf$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  return Number(text);
}

/** Go's %q and strconv.Quote escape like JSON for everything promtool prints here. */
function goUnquote(quoted: string): string {
  try {
    return JSON.parse(quoted.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
