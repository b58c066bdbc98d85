/** A series written as `name{label="value", ...}`, read into its labels. */
export interface SeriesLabels {
  name: string;
  labels: Record<string, string>;
}

export class SelectorError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'SelectorError';
  }
}

const identifier = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const escapes: Record<string, string> = { '\\': '\\', '"': '"', n: '\n' };

/**
 * Reads one exact series: a metric name and `label="value"` pairs (= only, as in an exposition
 * line). A matcher such as `=~` has no place in injected history, which names series, not sets.
 */
export function parseSeries(text: string): SeriesLabels {
  let rest = text.trim();
  const name = identifier.exec(rest)?.[0];
  if (!name) throw new SelectorError(`${JSON.stringify(text)} does not start with a metric name`, 'write metric_name{label="value", ...}');
  rest = rest.slice(name.length).trim();
  const labels: Record<string, string> = {};
  if (rest === '') return { name, labels };
  if (!rest.startsWith('{') || !rest.endsWith('}'))
    throw new SelectorError(`after ${name}, expected {label="value", ...}, found ${JSON.stringify(rest)}`, 'put the labels in one pair of braces after the name');
  rest = rest.slice(1, -1).trim();
  while (rest !== '') {
    const label = labelName.exec(rest)?.[0];
    if (!label) throw new SelectorError(`expected a label name at ${JSON.stringify(rest)}`, 'label names are letters, digits and _');
    rest = rest.slice(label.length).trimStart();
    if (!rest.startsWith('="')) throw new SelectorError(`label ${label} must be followed by ="value"`, 'injected series name exact label values: use = and a double-quoted value');
    let value = '';
    let i = 2;
    for (; i < rest.length && rest[i] !== '"'; i++) {
      if (rest[i] === '\\') {
        const escaped = escapes[rest[i + 1] ?? ''];
        if (escaped === undefined) throw new SelectorError(`label ${label} has an unknown escape \\${rest[i + 1] ?? ''}`, 'escape only \\\\, \\" and \\n');
        value += escaped;
        i++;
      } else value += rest[i];
    }
    if (i >= rest.length) throw new SelectorError(`the value of label ${label} is not closed`, 'end it with a double quote');
    if (label in labels) throw new SelectorError(`label ${label} is given twice`, 'give each label once');
    labels[label] = value;
    rest = rest.slice(i + 1).trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (rest !== '') throw new SelectorError(`expected , or } after label ${label}, found ${JSON.stringify(rest)}`, 'separate labels with commas');
  }
  return { name, labels };
}
