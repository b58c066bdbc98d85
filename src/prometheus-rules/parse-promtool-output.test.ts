import { describe, expect, it } from 'vitest';
import { failuresFromText, parseFailureMessage, parseSamples } from './parse-promtool-output.js';
import { failuresFromJunit } from './promtool-junit.js';

// Words as promtool prints them (cmd/promtool/unittest.go), captured from promtool 3.5.3 and 2.53.3.
const alertMessage = [
  '    name: fixtures/rules/alerts/SlowQueries.yaml:12,',
  '    alertname: SlowQueries, time: 18m30s, ',
  '        exp:[], ',
  '        got:[',
  '            0:',
  '              Labels:{alertname="SlowQueries", instance="db:9104", severity="warning"}',
  '              Annotations:{summary="More than 1 slow query per second on db:9104"}',
  '            ]',
].join('\n');
const queryMessage = [
  '    expr: "job:x:rate5m\\n# fixtures/rules/recording/x.yaml:11", time: 10m,',
  '        exp: {__name__="job:x:rate5m", job="a"} 3.5E+00',
  '        got: {__name__="job:x:rate5m", job="a"} 3.4999999999999996E+00',
].join('\n');

describe('parseFailureMessage', () => {
  it('reads an alert failure: group, alert, time, expected and got', () => {
    expect(parseFailureMessage(alertMessage)).toEqual({
      kind: 'alert',
      group: 'fixtures/rules/alerts/SlowQueries.yaml:12',
      alertname: 'SlowQueries',
      time: '18m30s',
      expected: [],
      got: [{ labels: { alertname: 'SlowQueries', instance: 'db:9104', severity: 'warning' }, annotations: { summary: 'More than 1 slow query per second on db:9104' } }],
    });
  });

  it('reads a query failure with its marker and both results', () => {
    expect(parseFailureMessage(queryMessage, 'g')).toEqual({
      kind: 'query',
      group: 'g',
      expr: 'job:x:rate5m\n# fixtures/rules/recording/x.yaml:11',
      time: '10m',
      expected: [{ labels: { __name__: 'job:x:rate5m', job: 'a' }, value: 3.5 }],
      got: [{ labels: { __name__: 'job:x:rate5m', job: 'a' }, value: 3.4999999999999996 }],
    });
  });

  it('keeps anything else whole, as an error', () => {
    expect(parseFailureMessage('    rule: x, time: 1m, err: boom', 'g')).toEqual({ kind: 'error', group: 'g', text: 'rule: x, time: 1m, err: boom' });
  });
});

describe('failuresFromJunit (promtool 2.55+)', () => {
  it('attributes every failure to its test group, entities decoded', () => {
    const xml = `<testsuites><testsuite name="a.test.yml" tests="2" failures="1" errors="0" skipped="0" timestamp="t"><testcase name="ok"></testcase><testcase name="f.yaml:28"><failure>    expr: &#34;job:x:rate5m\\n# fixtures/rules/recording/x.yaml:11&#34;, time: 10m,&#xA;        exp: {job=&#34;a&#34;} 1.5254E+01&#xA;        got: {job=&#34;a&#34;} 1.523E+01</failure></testcase></testsuite><testsuite name="b.test.yml" tests="1" failures="0" errors="1" skipped="0" timestamp="t"><testcase name="unknown"><error>yaml: unmarshal errors</error></testcase></testsuite></testsuites>`;
    expect(failuresFromJunit(xml)).toEqual([
      {
        kind: 'query',
        group: 'f.yaml:28',
        expr: 'job:x:rate5m\n# fixtures/rules/recording/x.yaml:11',
        time: '10m',
        expected: [{ labels: { job: 'a' }, value: 15.254 }],
        got: [{ labels: { job: 'a' }, value: 15.23 }],
      },
      { kind: 'error', text: 'b.test.yml: yaml: unmarshal errors' },
    ]);
  });
});

describe('failuresFromText (promtool before 2.55)', () => {
  it('splits stderr into messages, queries and alerts alike, and keeps stray lines', () => {
    const stderr = ['Unit Testing:  a.test.yml', '  FAILED:', alertMessage, queryMessage, 'some other complaint', ''].join('\n');
    const failures = failuresFromText(stderr);
    expect(failures.map((f) => f.kind)).toEqual(['alert', 'query', 'error']);
    expect(failures[2]).toEqual({ kind: 'error', text: 'some other complaint' });
  });
});

// Texts as promtool 2.42 prints them after `exp:` / `got:` of a failed promql_expr_test.
describe('parseSamples', () => {
  it('reads several samples with their metric name and Go-formatted values', () => {
    expect(parseSamples('{__name__="x:rate", job="a"} 4E-01, {__name__="x:rate", job="b"} 1.25E+02')).toEqual([
      { labels: { __name__: 'x:rate', job: 'a' }, value: 0.4 },
      { labels: { __name__: 'x:rate', job: 'b' }, value: 125 },
    ]);
  });

  it('reads nil as no samples', () => {
    expect(parseSamples('nil')).toEqual([]);
  });

  it('keeps commas, braces and escaped quotes inside label values', () => {
    expect(parseSamples('{path="/a, {b}", q="say \\"hi\\""} 1E+00, {path="c"} +Inf')).toEqual([
      { labels: { path: '/a, {b}', q: 'say "hi"' }, value: 1 },
      { labels: { path: 'c' }, value: Infinity },
    ]);
  });

  it('refuses text it cannot read instead of guessing', () => {
    expect(() => parseSamples('{job="a"} 1E+00, garbage')).toThrow(/cannot read promtool's samples at "garbage"/);
  });
});
