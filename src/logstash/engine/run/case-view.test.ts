import { describe, expect, it } from 'vitest';
import type { PipelineCase } from '../../../log-stack/log-fixtures.js';
import { caseViews } from './case-view.js';

const base: PipelineCase = { name: 'c', input: 'tcp', lines: ['{{id}}'], line: 1, expect: { indices: ['logs'] } };

describe('caseViews (whole-document comparison of a case)', () => {
  it('a partial expectation is written over the actual document: equal views when it holds', () => {
    const c = { ...base, expect: { indices: ['logs' as const], timestamp: '2026-11-26T08:00:00Z', fields: { 'log.level': 'info' }, tags: ['x'], absent: ['time'] } };
    const doc = { index: 'logs-2026.11.26', source: { '@timestamp': '2026-11-26T08:00:00.000Z', log: { level: 'info' }, tags: ['x'], extra: 1 } };
    const { actual, expected } = caseViews(c, 'id1', [doc]);
    expect(actual).toEqual(expected);
  });
  it('a wrong field, a missing tag or a wrong index shows as a difference inside the whole document', () => {
    const c = { ...base, expect: { indices: ['logs' as const, 'errors' as const], fields: { 'log.level': 'error' }, tags: ['error'] } };
    const doc = { index: 'logs-2026.11.26', source: { '@timestamp': '2026-11-26T08:00:00.000Z', log: { level: 'info' } } };
    const { actual, expected } = caseViews(c, 'id1', [doc]);
    expect(actual).toEqual({ logs: [{ _index: 'logs-2026.11.26', '@timestamp': '2026-11-26T08:00:00.000Z', log: { level: 'info' } }], errors: [] });
    expect(expected).toEqual({
      logs: [{ _index: 'logs-2026.11.26', '@timestamp': '2026-11-26T08:00:00.000Z', log: { level: 'error' }, tags: ['error'] }],
      errors: [{ _index: 'errors-<day of @timestamp>', tags: ['error'], log: { level: 'error' } }],
    });
  });
  it('a whole `document` is compared after the ignore paths, with {{id}} filled in', () => {
    const c = { ...base, expect: { indices: ['logs' as const], document: { '@timestamp': '2026-11-26T08:00:00.000Z', message: '{{id}} hi' } }, ignore: ['host.name'] };
    const doc = { index: 'logs-2026.11.26', source: { '@timestamp': '2026-11-26T08:00:00.000Z', message: 'id7 hi', host: { name: 'x' } } };
    const { actual, expected } = caseViews(c, 'id7', [doc]);
    expect(actual).toEqual(expected);
  });
});
