import { describe, expect, it } from 'vitest';
import { sameAlertState, stateChanges, stateWord, withoutAlertname } from './alert-state.js';

const alert = (labels: Record<string, string>, annotations: Record<string, string> = {}) => ({ labels, annotations });

describe('alert states of two sides', () => {
  it('drops the alertname promtool adds to every label set', () => {
    expect(withoutAlertname([alert({ alertname: 'A', job: 'x' }, { summary: 's' })])).toEqual([alert({ job: 'x' }, { summary: 's' })]);
  });

  it('names a state in one word', () => {
    expect([stateWord([]), stateWord([alert({})]), stateWord([alert({ i: '1' }), alert({ i: '2' })])]).toEqual(['silent', 'FIRING', 'FIRING ×2']);
  });

  it('treats the same alerts in another order as the same state, and another annotation as another', () => {
    const [a, b] = [alert({ i: '1' }, { d: 'x' }), alert({ i: '2' }, { d: 'y' })];
    expect(sameAlertState([a, b], [b, a])).toBe(true);
    expect(sameAlertState([a], [alert({ i: '1' }, { d: 'z' })])).toBe(false);
  });

  it('says which label or annotation of a single firing alert changed', () => {
    const base = [alert({ job: 'app', severity: 'warning' }, { description: '6% fail', runbook_url: 'r' })];
    const head = [alert({ job: 'app', severity: 'critical' }, { description: '6% fail (threshold 4%)' })];
    expect(stateChanges(base, head)).toEqual(['label severity: "warning" → "critical"', 'annotation description: "6% fail" → "6% fail (threshold 4%)"', 'annotation runbook_url: "r" → (none)']);
  });

  it('matches several alerts by their labels and names the ones only one side fires', () => {
    const base = [alert({ instance: 'a' }, { d: '1' }), alert({ instance: 'b' })];
    const head = [alert({ instance: 'a' }, { d: '2' }), alert({ instance: 'c' })];
    expect(stateChanges(base, head)).toEqual(['{instance="a"}: annotation d: "1" → "2"', 'only base fires {instance="b"}', 'only head fires {instance="c"}']);
  });
});
