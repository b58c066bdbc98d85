import { describe, expect, it } from 'vitest';
import { parseSeries, SelectorError } from './series-selector.js';

const selectorError = (text: string): string => {
  try {
    parseSeries(text);
  } catch (error) {
    if (error instanceof SelectorError) return error.message;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
};

describe('parseSeries', () => {
  it('reads the name and exact labels, escapes included', () => {
    expect(parseSeries(' http_requests_total{job="timetable-app", route="/api/\\"x\\"",le="+Inf",} ')).toEqual({
      name: 'http_requests_total',
      labels: { job: 'timetable-app', route: '/api/"x"', le: '+Inf' },
    });
    expect(parseSeries('job:http_requests:rate5m')).toEqual({ name: 'job:http_requests:rate5m', labels: {} });
  });

  it.each([
    ['{job="x"}', '"{job=\\"x\\"}" does not start with a metric name'],
    ['up{job=~"x"}', 'label job must be followed by ="value"'],
    ['up{job="x}', 'the value of label job is not closed'],
    ['up{job="x", job="y"}', 'label job is given twice'],
    ['up{job="x" instance="y"}', 'expected , or } after label job, found "instance=\\"y\\""'],
    ['up job="x"', 'after up, expected {label="value", ...}, found "job=\\"x\\""'],
    ['up{job="a\\tb"}', 'label job has an unknown escape \\t'],
  ])('refuses %s', (text, message) => expect(selectorError(text)).toBe(message));
});
