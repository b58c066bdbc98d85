/**
 * Reads the failures out of `promtool test rules` (2.42) stderr. Its format:
 *
 *   FAILED:
 *     name: <group>,
 *     alertname: <A>, time: <t>,
 *         exp:[ 0: Labels:{...} Annotations:{...} ],
 *         got:[...]
 *     expr: "<query>\n# <marker>", time: <t>,
 *         exp: <samples>
 *         got: <samples>
 *
 * Anything else (a parse error, an evaluation error) is kept as unattributed text, so
 * nothing promtool says is ever dropped.
 */
export interface AlertFailure {
  kind: 'alert';
  group: string;
  alertname: string;
  time: string;
  expected: ParsedAlert[];
  got: ParsedAlert[];
}

export interface QueryFailure {
  kind: 'query';
  expr: string;
  time: string;
  expected: string;
  got: string;
}

export interface ParsedAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface PromtoolFailures {
  failures: (AlertFailure | QueryFailure)[];
  /** Lines that belong to no recognised failure. */
  other: string[];
}

export function parsePromtoolOutput(stderr: string): PromtoolFailures {
  const lines = stderr.split('\n');
  const failures: (AlertFailure | QueryFailure)[] = [];
  const other: string[] = [];
  let group = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const name = /^ {4}name: (.*),\s*$/.exec(line);
    const alert = /^ {4}alertname: (.*), time: (\S+),\s*$/.exec(line);
    const expr = /^ {4}expr: (".*"), time: (\S+),\s*$/.exec(line);
    if (name) group = name[1]!;
    else if (alert || expr) {
      const body: string[] = [];
      while (i + 1 < lines.length && /^ {8}/.test(lines[i + 1]!)) body.push(lines[++i]!);
      const text = body.join('\n');
      const expSplit = text.indexOf('got:');
      const expPart = text.slice(0, expSplit).replace(/^\s*exp:\s?/, '').trim();
      const gotPart = text.slice(expSplit + 4).trim();
      if (alert) failures.push({ kind: 'alert', group, alertname: alert[1]!, time: alert[2]!, expected: parseAlerts(expPart), got: parseAlerts(gotPart) });
      else failures.push({ kind: 'query', expr: goUnquote(expr![1]!), time: expr![2]!, expected: expPart, got: gotPart });
    } else if (line.trim() && !/^\s*FAILED:\s*$/.test(line)) other.push(line);
  }
  return { failures, other };
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

/** `{a="x", b="y \"q\""}` (Go's labels.String) → a map. */
export function parseLabelSet(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = goUnquote(`"${m[2]!}"`);
  return out;
}

/** Go's %q and strconv.Quote escape like JSON for everything promtool prints here. */
function goUnquote(quoted: string): string {
  try {
    return JSON.parse(quoted.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
