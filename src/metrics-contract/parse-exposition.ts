/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for tests that
 * scrape /metrics over HTTP. Strict because it judges our own output: a line it cannot read
 * is an error naming the line, never skipped, and a sample with no `# TYPE` family is one too.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** 1-based line in the scraped text. */
  line: number;
}

export interface MetricFamily {
  name: string;
  /** counter | gauge | histogram | summary | untyped; undefined if only HELP was seen. */
  type: string | undefined;
  help: string | undefined;
  samples: Sample[];
}

export class ExpositionError extends Error {
  constructor(line: number, text: string, problem: string) {
    super(`scraped line ${line}: ${problem}\n  ${line} | ${text}`);
    this.name = 'ExpositionError';
  }
}

const types = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const suffixesOf: Record<string, readonly string[]> = { histogram: ['_bucket', '_sum', '_count'], summary: ['_sum', '_count'] };
const metadata = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*)(?: (.*))?$/;
const sampleStart = /^([a-zA-Z_:][a-zA-Z0-9_:]*)/;
const valueAndTime = /^ +(\S+)(?: +(-?\d+))? *$/;

export function parseExposition(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const familyOf = (name: string) => {
    let family = families.get(name);
    if (!family) families.set(name, (family = { name, type: undefined, help: undefined, samples: [] }));
    return family;
  };
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const meta = metadata.exec(raw);
      if (!meta) return; // a plain comment
      const [, kind, name, rest = ''] = meta as unknown as [string, string, string, string?];
      const family = familyOf(name);
      if (kind === 'HELP') {
        if (family.help !== undefined) throw new ExpositionError(line, raw, `second HELP for ${name}`);
        family.help = rest.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
      } else {
        if (family.type !== undefined) throw new ExpositionError(line, raw, `second TYPE for ${name}`);
        if (!types.has(rest)) throw new ExpositionError(line, raw, `unknown metric type ${JSON.stringify(rest)}`);
        family.type = rest;
      }
      return;
    }
    const sample = parseSample(raw, line);
    const owner = ownerOf(sample.name, families);
    if (!owner) throw new ExpositionError(line, raw, `sample ${sample.name} belongs to no family declared by a # TYPE line before it`);
    owner.samples.push(sample);
  });
  return families;
}

/** The typed family a sample name belongs to: itself, or a histogram/summary by its suffix. */
function ownerOf(sampleName: string, families: Map<string, MetricFamily>): MetricFamily | undefined {
  const exact = families.get(sampleName);
  if (exact?.type !== undefined) return exact;
  for (const [type, suffixes] of Object.entries(suffixesOf)) {
    for (const suffix of suffixes) {
      if (!sampleName.endsWith(suffix)) continue;
      const family = families.get(sampleName.slice(0, -suffix.length));
      if (family?.type === type) return family;
    }
  }
  return undefined;
}

function parseSample(raw: string, line: number): Sample {
  const name = sampleStart.exec(raw)?.[1];
  if (!name) throw new ExpositionError(line, raw, 'neither a comment nor a sample (a sample starts with a metric name)');
  let at = name.length;
  const labels: Record<string, string> = {};
  if (raw[at] === '{') {
    at++;
    while (raw[at] !== '}') {
      const label = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(raw.slice(at));
      if (!label) throw new ExpositionError(line, raw, `expected label="value" at column ${at + 1}`);
      at += label[0].length;
      let value = '';
      for (; at < raw.length && raw[at] !== '"'; at++) {
        if (raw[at] === '\\') {
          const next = raw[++at];
          value += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next ?? ''}`;
        } else value += raw[at];
      }
      if (at >= raw.length) throw new ExpositionError(line, raw, 'unterminated label value');
      if (label[1]! in labels) throw new ExpositionError(line, raw, `label ${label[1]} appears twice`);
      labels[label[1]!] = value;
      at++;
      if (raw[at] === ',') at++;
      else if (raw[at] !== '}') throw new ExpositionError(line, raw, `expected "," or "}" at column ${at + 1}`);
    }
    at++;
  }
  const tail = valueAndTime.exec(raw.slice(at));
  const value = tail ? parseValue(tail[1]!) : undefined;
  if (value === undefined) throw new ExpositionError(line, raw, 'expected a value (and optionally a timestamp) after the name and labels');
  return { name, labels, value, line };
}

/** Values as Prometheus reads them (Go's ParseFloat): special values in any letter case. */
function parseValue(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(text);
  if (special) return special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const value = Number(text);
  return text !== '' && !Number.isNaN(value) ? value : undefined;
}
