import type { AlertFailure, ParsedAlert } from './promtool-failure.js';

/**
 * Says how an alert expectation failed in words: fired when it should be silent, silent when
 * it should fire, or which label or annotation differs (expected vs got), instead of two
 * walls of label sets.
 */
export function describeAlertFailure(f: AlertFailure): { message: string; details: string[]; hint: string } {
  const { alertname: name, time } = f;
  if (f.expected.length === 0) {
    return {
      message: `${name} fired at ${time}; expected it to stay silent`,
      details: f.got.map((a) => `got: ${render(a)}`),
      hint: 'the input crosses the threshold, or holds it for the whole `for`, earlier than the case assumes: recheck the series against the rule',
    };
  }
  if (f.got.length === 0) {
    return {
      message: `${name} did not fire at ${time}; expected ${f.expected.length} firing alert(s)`,
      details: f.expected.map((a) => `expected: ${render(a)}`),
      hint: 'the input does not hold the condition for the whole `for` by then (or stays below the threshold): recheck the series against the rule',
    };
  }
  if (f.expected.length === 1 && f.got.length === 1) {
    return {
      message: `${name} fired at ${time}, but not as expected`,
      details: differences(f.expected[0]!, f.got[0]!),
      hint: "fix whichever is wrong: the expected labels/annotations in the scenario, or the rule's labels/annotations",
    };
  }
  return {
    message: `${name} at ${time}: expected ${f.expected.length} firing alert(s), got ${f.got.length}`,
    details: [...f.expected.map((a) => `expected: ${render(a)}`), ...f.got.map((a) => `got:      ${render(a)}`)],
    hint: 'each distinct label set is its own alert: expect every one that fires',
  };
}

function differences(expected: ParsedAlert, got: ParsedAlert): string[] {
  const out: string[] = [];
  const compare = (what: string, exp: Record<string, string>, act: Record<string, string>) => {
    for (const key of new Set([...Object.keys(exp), ...Object.keys(act)])) {
      if (key === 'alertname' || exp[key] === act[key]) continue;
      if (!(key in act)) out.push(`${what} ${key}: expected ${JSON.stringify(exp[key])}, but the alert has no such ${what}`);
      else if (!(key in exp)) out.push(`${what} ${key}: not expected, got ${JSON.stringify(act[key])}`);
      else out.push(`${what} ${key}:\n      expected ${JSON.stringify(exp[key])}\n      got      ${JSON.stringify(act[key])}`);
    }
  };
  compare('label', expected.labels, got.labels);
  compare('annotation', expected.annotations, got.annotations);
  return out;
}

function render(a: ParsedAlert): string {
  const { alertname: _, ...labels } = a.labels;
  return JSON.stringify(labels);
}
