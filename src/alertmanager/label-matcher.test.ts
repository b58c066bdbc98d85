import { describe, expect, it } from 'vitest';
import { literalAlternatives, matcherMatches, MatcherSyntaxError, parseMatcher, parseMatchers } from './label-matcher.js';

describe('label matchers as Alertmanager 0.25 reads them', () => {
  it('reads quoted, bare and braced forms, several per string', () => {
    expect(parseMatchers('severity="critical"')).toEqual([{ name: 'severity', op: '=', value: 'critical' }]);
    expect(parseMatchers('severity = critical')).toEqual([{ name: 'severity', op: '=', value: 'critical' }]);
    expect(parseMatchers('{alertname=~"A|B", team!="x,y"}')).toEqual([
      { name: 'alertname', op: '=~', value: 'A|B' },
      { name: 'team', op: '!=', value: 'x,y' },
    ]);
    expect(parseMatcher('summary="say \\"hi\\"\\n"').value).toBe('say "hi"\n');
  });

  it('anchors regexes and treats a missing label as empty, as Alertmanager does', () => {
    const m = parseMatcher('alertname=~"High.*"');
    expect(matcherMatches(m, { alertname: 'HighLatency' })).toBe(true);
    expect(matcherMatches(m, { alertname: 'NotHighLatency' })).toBe(false);
    expect(matcherMatches(parseMatcher('cluster=""'), {})).toBe(true);
    expect(matcherMatches(parseMatcher('severity!~"info|warning"'), { severity: 'critical' })).toBe(true);
  });

  it('lists the names of a plain alternation, and nothing for a real regex', () => {
    expect(literalAlternatives(parseMatcher('alertname=~"PoolExhausted|SlowQueries"'))).toEqual(['PoolExhausted', 'SlowQueries']);
    expect(literalAlternatives(parseMatcher('alertname="DatabaseDown"'))).toEqual(['DatabaseDown']);
    expect(literalAlternatives(parseMatcher('alertname=~"Slow.*"'))).toBeUndefined();
    expect(literalAlternatives(parseMatcher('alertname!="X"'))).toBeUndefined();
  });

  it('rejects malformed matchers with the reason', () => {
    expect(() => parseMatcher('severity')).toThrow(MatcherSyntaxError);
    expect(() => parseMatcher('severity="critical')).toThrow(/opening quote without a closing one/);
    expect(() => parseMatcher('a="x"y"')).toThrow(/unescaped double quote/);
    expect(() => parseMatcher('alertname=~"(unclosed"')).toThrow(/invalid regular expression/);
  });
});
