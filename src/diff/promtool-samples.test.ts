import { describe, expect, it } from 'vitest';
import { renderSample, samplesKey } from './promtool-samples.js';

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
