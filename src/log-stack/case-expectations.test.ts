import { describe, expect, it } from 'vitest';
import { caseFailures } from './case-expectations.js';
import type { PipelineCase } from './log-fixtures.js';

// The comparison itself, on documents written by hand; the pipeline is tested in tests/pipeline.
const base: PipelineCase = {
  name: 'c',
  input: 'tcp',
  lines: ['{{id}}'],
  line: 1,
  expect: {
    indices: ['logs', 'errors'],
    timestamp: '2026-11-26T23:59:59.000Z',
    fields: { 'log.level': 'error', message: '{{id}} x' },
    tags: ['error'],
    notTags: ['unparsed'],
    absent: ['level'],
    mustNotContain: ['hunter2'],
  },
};
const doc = (index: string, extra: Record<string, unknown> = {}) => ({
  index,
  source: { '@timestamp': '2026-11-26T23:59:59.000Z', message: 'T1 x', log: { level: 'error' }, tags: ['error'], ...extra },
});

describe('caseFailures', () => {
  it('is empty when every expectation holds', () => {
    expect(caseFailures(base, 'T1', [doc('logs-2026.11.26'), doc('errors-2026.11.26')])).toEqual([]);
  });

  it('says what differs: counts, index day, fields, tags, absent fields, forbidden text', () => {
    expect(caseFailures(base, 'T1', [doc('logs-2026.11.27', { level: 'x', tags: ['unparsed'], note: 'hunter2', log: { level: 'warn' } })])).toEqual([
      'expected 1 event(s) in errors-*, got 0',
      "in logs-2026.11.27: the index does not match the event's @timestamp 2026-11-26T23:59:59.000Z (UTC day: logs-2026.11.26)",
      'in logs-2026.11.27: log.level is "warn", expected "error"',
      'in logs-2026.11.27: level should be absent, is "x"',
      'in logs-2026.11.27: tag error is missing (tags: unparsed)',
      'in logs-2026.11.27: has the tag unparsed',
      'in logs-2026.11.27: contains "hunter2"',
    ]);
  });

  it('compares a whole document without the ignored paths', () => {
    const c: PipelineCase = {
      ...base,
      expect: { indices: ['logs'], document: { '@timestamp': '2026-11-26T23:59:59.000Z', message: '{{id}} x', log: { level: 'error' }, tags: ['error'] } },
      ignore: ['@version', 'host.name'],
    };
    expect(caseFailures(c, 'T1', [doc('logs-2026.11.26', { '@version': '1', host: { name: 'h' } })])).toEqual([]);
    expect(caseFailures(c, 'T1', [doc('logs-2026.11.26', { extra: 1 })])[0]).toMatch(/^in logs-2026.11.26: the document is .*"extra":1.*ignoring @version, host.name\)$/);
  });
});
