import { describe, expect, it } from 'vitest';
import { dailyIndex } from './daily-index.js';

describe('dailyIndex', () => {
  it('names the UTC day, whatever the offset the time was written with', () => {
    expect(dailyIndex('logs', '2026-11-26T23:59:59.999Z')).toBe('logs-2026.11.26');
    expect(dailyIndex('errors', '2026-11-26T23:30:00-05:00')).toBe('errors-2026.11.27');
    expect(dailyIndex('logs', '2026-12-31T23:59:59Z')).toBe('logs-2026.12.31');
  });
  it('refuses what is not a time', () => {
    expect(() => dailyIndex('logs', 'yesterday')).toThrow('not a timestamp: yesterday');
  });
});
