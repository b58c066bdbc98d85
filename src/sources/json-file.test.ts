import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../tests/support/config-error-of.js';
import { parseJsonFile } from './json-file.js';

describe('parseJsonFile', () => {
  it('parses valid JSON', () => {
    expect(parseJsonFile('d.json', '{"panels": [1, 2]}')).toEqual({ panels: [1, 2] });
  });

  it('names the line and column of a syntax error', () => {
    const error = configErrorOf(() => parseJsonFile('monitoring/grafana/dashboards/x.json', '{\n  "title": "x",\n  "panels": [1,]\n}'));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^monitoring\/grafana\/dashboards\/x\.json:3:\d+: JSON syntax error: value expected/);
  });
});
