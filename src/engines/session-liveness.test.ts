import { describe, expect, it } from 'vitest';
import { labelKeys } from './harness-labels.js';
import { deadOwners, keeperlessMaxAgeMs, type HarnessObject } from './session-liveness.js';

const now = Date.parse('2026-11-29T12:00:00Z');
const minutes = (n: number) => n * 60_000;

function container(owner: string | undefined, options: { keeper?: boolean; state?: string; ageMs?: number; pid?: number } = {}): HarnessObject {
  const labels: Record<string, string> = { [labelKeys.session]: 'run-1', [labelKeys.ownerPid]: String(options.pid ?? 4242) };
  if (owner) labels[labelKeys.owner] = owner;
  if (options.keeper) labels[labelKeys.role] = 'keeper';
  return { kind: 'container', id: `${owner}-${Math.random()}`, labels, createdMs: now - (options.ageMs ?? minutes(1)), state: options.state ?? 'running' };
}

const deadOf = (objects: HarnessObject[]) => [...deadOwners(objects, now).keys()].sort();

describe('deadOwners', () => {
  it('keeps an owner whose keeper runs, whatever its pid label says (another machine, another pid namespace)', () => {
    expect(deadOf([container('b', { keeper: true, pid: 999_999_999 }), container('b', { state: 'exited', pid: 999_999_999, ageMs: minutes(60 * 24) })])).toEqual([]);
  });

  it('finds an owner dead once its keeper has exited, with all it owns', () => {
    const owned = [container('d', { keeper: true, state: 'exited' }), container('d'), { kind: 'network' as const, id: 'net-d', labels: { [labelKeys.owner]: 'd' }, createdMs: now }];
    const dead = deadOwners([...owned, container('b', { keeper: true })], now);
    expect([...dead.keys()]).toEqual(['d']);
    expect(dead.get('d')).toHaveLength(3);
  });

  it('gives a keeper that is created but not started a few minutes to start', () => {
    expect(deadOf([container('s', { keeper: true, state: 'created', ageMs: minutes(1) })])).toEqual([]);
    expect(deadOf([container('s', { keeper: true, state: 'created', ageMs: minutes(30) })])).toEqual(['s']);
  });

  it('judges an owner without a keeper (older harness, keeper not started yet) by age alone, never by pid', () => {
    const young = container(undefined, { pid: 999_999_999, ageMs: keeperlessMaxAgeMs - minutes(1) });
    const old = container('o', { ageMs: keeperlessMaxAgeMs + minutes(1) });
    expect(deadOf([young, old])).toEqual(['o']);
  });
});
