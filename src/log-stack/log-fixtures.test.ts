import { configErrorOf } from '../../tests/support/config-error-of.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigError } from '../sources/config-error.js';
import { canaryKinds, canaryPlaces } from './log-fixture-schema.js';
import { loadCanaries, loadPipelineCases } from './log-fixtures.js';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'log-fixtures-')), 'f.yaml');
  writeFileSync(path, text);
  return path;
}

function failure(load: () => unknown): Pick<ConfigError, 'line' | 'reason' | 'hint'> {
  const error = configErrorOf(load);
  return { line: error.line, reason: error.reason, hint: error.hint };
}

describe('the log fixtures in the repository', () => {
  it('load: every input is exercised, and errors are expected in both indices', () => {
    const cases = loadPipelineCases();
    expect(new Set(cases.map((c) => c.input))).toEqual(new Set(['tcp', 'syslog-tcp', 'syslog-udp', 'file']));
    expect(cases.some((c) => c.expect.indices.includes('errors') && c.expect.indices.includes('logs'))).toBe(true);
    expect(cases.some((c) => c.lines.length > 1 && c.expect.count === 1)).toBe(true);
  });

  it('cover every kind of secret in two places or more, and every place', () => {
    const canaries = loadCanaries();
    for (const kind of canaryKinds) expect(new Set(canaries.filter((c) => c.kind === kind).flatMap((c) => c.where)).size).toBeGreaterThanOrEqual(2);
    for (const place of canaryPlaces) expect(canaries.some((c) => c.where.includes(place))).toBe(true);
  });
});

describe('malformed log fixtures name file:line and what to change', () => {
  const oneCase = (body: string) => `cases:\n  - name: a\n    input: tcp\n${body}`;

  it('an unknown key, with the nearest valid one', () => {
    expect(failure(() => loadPipelineCases(file(oneCase('    lines: ["{{id}}"]\n    expect:\n      indices: [logs]\n      tgas: [x]\n'))))).toEqual({
      line: 7,
      reason: 'unknown key "tgas" in cases[0].expect; did you mean "tags"?',
      hint: 'valid keys here: count, timestamp, indices, fields, present, absent, tags, notTags, mustNotContain, document (see the comment at the top of the file)',
    });
  });

  it('a value outside the allowed set, and a missing key', () => {
    expect(failure(() => loadPipelineCases(file('cases:\n  - name: a\n    input: udp\n    lines: ["{{id}}"]\n    expect: { indices: [logs] }\n')))).toMatchObject({
      line: 3,
      reason: 'cases[0].input must be one of tcp, syslog-tcp, syslog-udp, file (got "udp")',
    });
    expect(failure(() => loadPipelineCases(file(oneCase('    lines: ["{{id}}"]\n'))))).toMatchObject({ line: 2, reason: 'missing key "expect" in cases[0]' });
  });

  it('a case whose first line has no {{id}}', () => {
    expect(failure(() => loadPipelineCases(file(oneCase('    lines: ["no id here"]\n    expect: { indices: [logs] }\n'))))).toMatchObject({
      line: 4,
      reason: 'case "a": its first line has no {{id}}',
    });
  });

  it('canaries: a line without its secret, a reused secret, and a kind tried in one place only', () => {
    const canary = (name: string, secret: string, line: string, where = 'message') => `  - { name: ${name}, kind: password, where: [${where}], input: tcp, secret: ${secret}, line: '${line}' }\n`;
    expect(failure(() => loadCanaries(file(`canaries:\n${canary('a', 'secret-1', '{{id}} nothing')}`)))).toMatchObject({ line: 2, reason: 'canary "a": its line does not contain its secret' });
    expect(failure(() => loadCanaries(file(`canaries:\n${canary('a', 'secret-1', '{{id}} {{secret}}')}${canary('b', 'secret-1', '{{id}} {{secret}}')}`)))).toMatchObject({
      line: 3,
      reason: 'canary "b" reuses the secret of the canary at line 2',
    });
    expect(failure(() => loadCanaries(file(`canaries:\n${canary('a', 'secret-1', '{{id}} {{secret}}')}`)))).toMatchObject({
      line: 1,
      reason: 'the password secrets are tried in only one place (message)',
    });
  });
});
