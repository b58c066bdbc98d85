import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ExpositionError, parseExposition } from './parse-exposition.js';

describe('parseExposition', () => {
  it('reads what prom-client writes: families, types, help, labels, histogram series', async () => {
    const registry = new Registry();
    new Counter({ name: 'jobs_total', help: 'Jobs, with a "quote" and a \\ backslash\nand a newline.', labelNames: ['queue'], registers: [registry] }).inc({ queue: 'a "b"\\c\nd' }, 3);
    new Histogram({ name: 'wait_seconds', help: 'Waits.', buckets: [0.5, 1], registers: [registry] }).observe(0.7);

    const families = parseExposition(await registry.metrics());

    expect([...families.keys()]).toEqual(['jobs_total', 'wait_seconds']);
    const jobs = families.get('jobs_total')!;
    expect(jobs.type).toBe('counter');
    expect(jobs.help).toBe('Jobs, with a "quote" and a \\ backslash\nand a newline.');
    expect(jobs.samples.map((s) => [s.labels, s.value])).toEqual([[{ queue: 'a "b"\\c\nd' }, 3]]);
    const wait = families.get('wait_seconds')!;
    expect(wait.samples.map((s) => `${s.name}${s.labels.le ? `{le=${s.labels.le}}` : ''} ${s.value}`)).toEqual([
      'wait_seconds_bucket{le=0.5} 0',
      'wait_seconds_bucket{le=1} 1',
      'wait_seconds_bucket{le=+Inf} 1',
      'wait_seconds_sum 0.7',
      'wait_seconds_count 1',
    ]);
  });

  it('reads special values in any letter case, as Prometheus does, and timestamps', () => {
    // prom-client writes an empty event-loop mean as "Nan"; Prometheus (Go's ParseFloat) accepts it.
    const families = parseExposition('# TYPE g gauge\ng{a="1"} +Inf 1700000000000\ng{a="2"} -Inf\ng{a="3"} NaN\ng{a="4"} 1.5e-3\ng{a="5"} Nan\ng{a="6"} inf\n');
    expect(families.get('g')!.samples.map((s) => s.value)).toEqual([Infinity, -Infinity, NaN, 0.0015, NaN, Infinity]);
  });

  it.each([
    ['a sample of no declared family', '# TYPE a counter\nb 1\n', /scraped line 2: sample b belongs to no family/],
    ['a histogram suffix on a counter', '# TYPE a counter\na_bucket{le="1"} 1\n', /scraped line 2: sample a_bucket belongs to no family/],
    ['a line that is not a sample', '# TYPE a gauge\n{} 1\n', /scraped line 2: neither a comment nor a sample/],
    ['a missing value', '# TYPE a gauge\na{x="1"}\n', /scraped line 2: expected a value/],
    ['a value that is not a number', '# TYPE a gauge\na 12abc\n', /scraped line 2: expected a value/],
    ['an unterminated label value', '# TYPE a gauge\na{x="1} 2\n', /scraped line 2: unterminated label value/],
    ['a label without quotes', '# TYPE a gauge\na{x=1} 2\n', /scraped line 2: expected label="value" at column 3/],
    ['a label given twice', '# TYPE a gauge\na{x="1",x="2"} 2\n', /scraped line 2: label x appears twice/],
    ['an unknown type', '# TYPE a countr\n', /scraped line 1: unknown metric type "countr"/],
    ['a second TYPE', '# TYPE a gauge\n# TYPE a gauge\n', /scraped line 2: second TYPE for a/],
    ['a second HELP', '# HELP a x\n# HELP a y\n', /scraped line 2: second HELP for a/],
  ])('rejects %s, naming the line', (_what, text, message) => {
    expect(() => parseExposition(text)).toThrow(ExpositionError);
    expect(() => parseExposition(text)).toThrow(message);
  });

  it('quotes the offending line in its error', () => {
    expect(() => parseExposition('# TYPE a gauge\na{x=1} 2\n')).toThrow('\n  2 | a{x=1} 2');
  });

  it('ignores plain comments and blank lines', () => {
    expect(parseExposition('# just a note\n\n# TYPE a gauge\na 1\n').get('a')!.samples).toHaveLength(1);
  });
});
