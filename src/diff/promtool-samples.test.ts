import { describe, expect, it } from 'vitest';
import { parseSamples, renderSample, samplesKey } from './promtool-samples.js';

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

describe('renderSample / samplesKey', () => {
  it('writes a sample the way Prometheus writes a series', () => {
    expect(renderSample({ labels: { job: 'a', __name__: 'x:rate', env: 'p' }, value: 0.4 })).toBe('x:rate{env="p", job="a"} 0.4');
    expect(renderSample({ labels: {}, value: Number.NaN })).toBe('{} NaN');
  });

  it('compares results regardless of order', () => {
    const a = { labels: { job: 'a' }, value: 1 };
    const b = { labels: { job: 'b' }, value: 2 };
    expect(samplesKey([a, b])).toBe(samplesKey([b, a]));
    expect(samplesKey([a])).not.toBe(samplesKey([{ ...a, value: 1.5 }]));
  });
});
