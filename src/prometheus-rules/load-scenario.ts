import { parser } from '@prometheus-io/lezer-promql';
import { Ajv } from 'ajv';
import type { FromSchema } from 'json-schema-to-ts';
import { ConfigError } from '../sources/config-error.js';
import { YamlFile } from '../sources/yaml-file.js';
import { parseDuration } from './duration.js';
import { schemaError } from '../sources/schema-error.js';
import type { Expectation, ScenarioCase, ScenarioFile } from './scenario.js';
import { scenarioSchema } from './scenario-schema.js';
import { invalidSeriesToken } from './series-notation.js';

const validate = new Ajv({ allErrors: true, verbose: true, strict: true }).compile(scenarioSchema);

/** Default spacing of input samples: Prometheus's scrape interval here. */
export const defaultSampleIntervalMs = 15_000;

/** The file as written, typed from its schema: one definition of the format, not two kept in step. */
type RawScenario = FromSchema<typeof scenarioSchema>;
type RawExpectation = RawScenario['cases'][number]['expect'][number];

/**
 * Reads one scenario file: YAML with positions, the schema (unknown keys name the nearest
 * valid one), then what a schema cannot say, each problem at its line.
 */
export function loadScenario(path: string): ScenarioFile {
  return readScenario(YamlFile.load(path, scenarioWhat));
}

export const scenarioWhat = 'a rule-test scenario';

/** The same, from the file already parsed (a Workspace holds it). */
export function readScenario(yaml: YamlFile): ScenarioFile {
  const data = seriesValuesAsWritten(yaml);
  if (!validate(data)) throw schemaError(yaml, validate.errors ?? [], 'fixtures/rules/README.md');
  const raw = data as RawScenario;
  const fail = (message: string, hint: string, at: (string | number)[]) => new ConfigError(yaml.file, message, hint, yaml.lineOf(at));

  if ((raw.alert === undefined) === (raw.record === undefined)) {
    throw fail('name exactly one rule under test: `alert: <AlertName>` or `record: <level:metric:operations>`', 'a scenario file tests one rule; other alerts may still be named per expectation', []);
  }
  if (raw.record !== undefined && raw.firing) throw fail('`firing:` belongs to alert scenarios', 'remove it, or test an alert with `alert:`', ['firing']);
  const kind = raw.alert !== undefined ? 'alert' : 'record';
  const name = (raw.alert ?? raw.record)!;

  const cases = raw.cases.map((c, i): ScenarioCase => {
    const at = ['cases', i];
    const intervalMs = c.interval ? parseDuration(c.interval)! : defaultSampleIntervalMs;
    if (intervalMs === 0) throw fail('interval must be longer than 0', 'use the scrape interval, e.g. 15s', [...at, 'interval']);
    const evaluationIntervalMs = c.evaluation_interval ? parseDuration(c.evaluation_interval) : undefined;
    if (evaluationIntervalMs === 0) throw fail('evaluation_interval must be longer than 0', "leave it out to use prometheus.yml's", [...at, 'evaluation_interval']);
    const series = Object.entries(c.series).map(([selector, values]) => {
      const line = yaml.lineOf([...at, 'series', selector]) ?? 0;
      checkSelector(yaml.file, selector, line);
      const bad = invalidSeriesToken(values);
      if (bad) throw new ConfigError(yaml.file, `series ${selector}: "${bad}" is not promtool notation`, 'use a+bxn (start, step, count), axn, _ (missing), _xn or stale, separated by spaces', line);
      return { selector, values, line };
    });
    const seen = new Map<string, (2 | 3 | undefined)[]>();
    const expect = c.expect.map((e, j) => {
      const expectation: Expectation = { ...toExpectation(e, [...at, 'expect', j]), ...(e.prometheus ? { prometheus: e.prometheus } : {}) };
      const key = `${expectation.kind}|${expectation.kind === 'alert' ? expectation.alert : expectation.query}|${expectation.atMs}`;
      // Two expectations of one thing at one time are fine only for different majors.
      const majors = seen.get(key) ?? [];
      if (majors.some((m) => m === undefined || e.prometheus === undefined || m === e.prometheus)) {
        throw fail(`two expectations for the same ${expectation.kind} at ${e.at}`, 'merge them into one, or mark each with the Prometheus major it holds on (prometheus: 2 / prometheus: 3)', [
          ...at,
          'expect',
          j,
        ]);
      }
      seen.set(key, [...majors, e.prometheus]);
      return expectation;
    });
    return { name: c.name, line: yaml.lineOf(at) ?? 0, intervalMs, evaluationIntervalMs, series, expect };
  });

  function toExpectation(e: RawExpectation, at: (string | number)[]): Expectation {
    const line = yaml.lineOf(at) ?? 0;
    const atMs = parseDuration(e.at)!;
    const forms = [e.firing !== undefined, e.alerts !== undefined, e.samples !== undefined].filter(Boolean).length;
    if (forms !== 1)
      throw fail(
        `expectation at ${e.at} needs exactly one of firing, alerts or samples`,
        "firing: true|false (the file's `firing:` instance), alerts: [...] (exact list), or samples: [...] (query result)",
        at,
      );
    if (e.samples !== undefined) {
      if (e.alert !== undefined) throw fail('`alert:` and `samples:` do not go together', 'samples check a query; use firing/alerts to check an alert', [...at, 'alert']);
      const query = e.query ?? (kind === 'record' ? name : undefined);
      if (!query) throw fail('`samples:` needs a `query:` in an alert scenario', 'add query: <PromQL>', at);
      // PromQL's round() divides by 1/precision; unless that is a whole number the rounded
      // result misses the decimal written in the file (1e-9 → 999999999.9999999).
      if (e.precision !== undefined && !Number.isInteger(1 / e.precision)) {
        throw fail(`precision ${e.precision} cannot round exactly`, 'use a power of ten no smaller than 0.000001, e.g. 0.001', [...at, 'precision']);
      }
      return { kind: 'query', line, atMs, query, precision: e.precision, samples: e.samples };
    }
    if (e.precision !== undefined) throw fail('`precision:` goes with `samples:`', 'alert values are compared through their annotations; remove it', [...at, 'precision']);
    if (e.query !== undefined) throw fail('`query:` goes with `samples:`', 'check the query with samples: [...], or remove it', [...at, 'query']);
    const alert = e.alert ?? (kind === 'alert' ? name : undefined);
    if (!alert) throw fail('this expectation checks an alert, but the file tests a recording rule', 'add alert: <AlertName>', at);
    if (e.firing === true && (!raw.firing || alert !== raw.alert)) {
      throw fail(`firing: true needs the file's \`firing:\` instance of ${alert}`, `write the exact labels and annotations under alerts: [...] instead`, [...at, 'firing']);
    }
    const alerts = e.alerts ?? (e.firing ? [raw.firing!] : []);
    return { kind: 'alert', line, atMs, alert, alerts };
  }

  return { file: yaml.file, subject: { kind, name, line: yaml.lineOf([kind]) ?? 1 }, firing: raw.firing, cases };
}

/**
 * The data, with each series' values as written: YAML reads `0x40` as the hex number 64 and
 * `5` as a number, but they are promtool notation ("0, 40 times") and must stay text.
 */
function seriesValuesAsWritten(yaml: YamlFile): unknown {
  const data = yaml.data as { cases?: { series?: Record<string, unknown> }[] } | null;
  data?.cases?.forEach((c, i) => {
    if (!c || typeof c.series !== 'object' || c.series === null) return;
    for (const [key, value] of Object.entries(c.series)) {
      if (typeof value !== 'number') continue;
      const node = yaml.documents[0]?.getIn(['cases', i, 'series', key], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) c.series[key] = yaml.text.slice(node.range[0], node.range[1]);
    }
  });
  return data;
}

/** A series key must be one plain selector: `metric{label="value"}`. */
function checkSelector(file: string, selector: string, line: number): void {
  const tree = parser.parse(selector);
  let plain = true;
  tree.iterate({
    enter(node) {
      if (node.type.isError) plain = false;
      if (!['PromQL', 'VectorSelector', 'Identifier', 'LabelMatchers', 'UnquotedLabelMatcher', 'LabelName', 'MatchOp', 'EqlSingle', 'StringLiteral'].includes(node.name)) plain = false;
    },
  });
  if (!plain) throw new ConfigError(file, `series key ${selector} is not a plain series selector`, 'write it as metric_name{label="value", ...} with = matchers only', line);
}
