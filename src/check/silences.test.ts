import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from './problem.js';
import { applySilences, filesToScan, loadSilences, parseSilences, silenceCheckId } from './silences.js';

const known = ['rules/unknown-metric', 'deploy/security', 'logstash/syntax', 'docs/x'];
const at = (check: string, file: string, line?: number): Problem => ({ check, file, line, message: `${check} says no`, severity: 'error' });

describe('silences: parsing', () => {
  it('reads a trailing silence and one on the line above, in YAML', () => {
    const yaml = [
      'groups:',
      '  - alert: A',
      '    # check: ignore rules/unknown-metric -- exported by the sidecar',
      '    expr: up == 0',
      '    labels: {}  # check: ignore deploy/security -- demo only',
    ].join('\n');
    const { silences, problems } = parseSilences('monitoring/r.yml', yaml, known);
    expect(problems).toEqual([]);
    expect(silences).toEqual([
      { file: 'monitoring/r.yml', line: 3, target: 4, checkId: 'rules/unknown-metric', scope: 'line', reason: 'exported by the sidecar' },
      { file: 'monitoring/r.yml', line: 5, target: 5, checkId: 'deploy/security', scope: 'line', reason: 'demo only' },
    ]);
  });

  it('lets silences stack above one line, and reads ignore-file', () => {
    const conf = [
      '# check: ignore-file deploy/security -- a lab pipeline',
      'filter {',
      '  # check: ignore logstash/syntax -- one',
      '  # check: ignore rules/unknown-metric -- two',
      '  grok {}',
      '}',
    ].join('\n');
    const { silences } = parseSilences('monitoring/logstash/x.conf', conf, known);
    expect(silences.map((s) => [s.checkId, s.scope, s.line, s.target])).toEqual([
      ['deploy/security', 'file', 1, 2],
      ['logstash/syntax', 'line', 3, 5],
      ['rules/unknown-metric', 'line', 4, 5],
    ]);
  });

  it('reads HTML comments in Markdown but not in its fenced code, and Go template comments', () => {
    const md = ['<!-- check: ignore docs/x -- the old name is quoted on purpose -->', 'text', '```yaml', '<!-- check: ignore docs/x -->', '# check: ignore docs/x', '```'].join('\n');
    const parsed = parseSilences('docs/a.md', md, known);
    expect(parsed.problems).toEqual([]);
    expect(parsed.silences).toMatchObject([{ line: 1, target: 2, reason: 'the old name is quoted on purpose' }]);
    const tmpl = '{{/* check: ignore docs/x -- kept for the old receiver */}}\n{{ define "x" }}';
    expect(parseSilences('monitoring/t.tmpl', tmpl, known).silences).toMatchObject([{ line: 1, target: 2, reason: 'kept for the old receiver' }]);
  });

  it('finds nothing in JSON, which has no comments', () => {
    expect(parseSilences('monitoring/d.json', '{"a": "# check: ignore docs/x -- r"}', known)).toEqual({ silences: [], problems: [] });
  });

  it('rejects a silence without a reason, naming file:line, and it silences nothing', () => {
    for (const line of ['# check: ignore docs/x', '# check: ignore docs/x --', '# check: ignore docs/x --   ']) {
      const { silences, problems } = parseSilences('k8s/a.yaml', `a: 1\n${line}\nb: 2`, known);
      expect(silences).toEqual([]);
      expect(problems).toEqual([
        expect.objectContaining({ check: silenceCheckId, file: 'k8s/a.yaml', line: 2, severity: 'error', message: 'silence of docs/x gives no reason, so it silences nothing' }),
      ]);
    }
  });

  it('rejects an unknown check id with the nearest one, an unknown verb and a missing id', () => {
    const text = ['# check: ignore deploy/securty -- r', '# check: disable docs/x -- r', '# check: ignore -- r'].join('\n');
    const { problems } = parseSilences('k8s/a.yaml', text, known);
    expect(problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [1, 'silence names deploy/securty, which is no check', 'did you mean deploy/security?'],
      [2, 'unknown silence `check: disable`', expect.stringContaining('check: ignore <check-id> -- <reason>')],
      [3, 'silence names no check id (``)', expect.stringContaining('--list')],
    ]);
  });

  it('skips a malformed silence between a silence and its line', () => {
    const { silences, problems } = parseSilences('k8s/a.yaml', '# check: ignore docs/x -- r\n# check: ignore docs/x\nb: 2', known);
    expect(silences).toMatchObject([{ line: 1, target: 3 }]);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });

  it('keeps a reason that itself holds " -- "', () => {
    expect(parseSilences('a.yml', '# check: ignore docs/x -- a -- b', known).silences[0]!.reason).toBe('a -- b');
  });
});

describe('silences: applying', () => {
  const text = ['a: 1', '# check: ignore docs/x -- known', 'b: 2', 'c: 3  # check: ignore deploy/security -- demo'].join('\n');
  const { silences } = parseSilences('m.yml', text, known);

  it('silences the covered line and check only, and keeps the reason and place', () => {
    const problems = [at('docs/x', 'm.yml', 3), at('docs/x', 'm.yml', 4), at('deploy/security', 'm.yml', 4), at('deploy/security', 'other.yml', 4)];
    const out = applySilences(problems, silences, new Set(known));
    expect(out.silenced).toEqual([
      { problem: problems[0], reason: 'known', at: 'm.yml:2' },
      { problem: problems[2], reason: 'demo', at: 'm.yml:4' },
    ]);
    expect(out.problems).toEqual([problems[1], problems[3]]);
  });

  it('reports a silence that covered nothing as stale, only when its check ran', () => {
    const out = applySilences([at('docs/x', 'm.yml', 3)], silences, new Set(known));
    expect(out.problems).toEqual([
      expect.objectContaining({ check: silenceCheckId, file: 'm.yml', line: 4, severity: 'warning', message: 'stale silence: deploy/security ran and found nothing on line 4' }),
    ]);
    expect(applySilences([at('docs/x', 'm.yml', 3)], silences, new Set(['docs/x'])).problems).toEqual([]);
  });

  it('covers findings without a line only with ignore-file', () => {
    const file = parseSilences('m.yml', '# check: ignore-file docs/x -- generated\n# check: ignore deploy/security -- r\na: 1', known).silences;
    const out = applySilences([at('docs/x', 'm.yml'), at('deploy/security', 'm.yml')], file, new Set());
    expect(out.silenced.map((s) => s.problem.check)).toEqual(['docs/x']);
    expect(out.problems.map((p) => p.check)).toEqual(['deploy/security']);
  });
});

describe('silences: files on disk', () => {
  it('scans the roots and the files problems name, skipping node_modules', () => {
    const root = mkdtempSync(join(tmpdir(), 'silences-'));
    mkdirSync(join(root, 'monitoring/node_modules'), { recursive: true });
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'monitoring/a.yml'), 'x: 1 # check: ignore docs/x -- r\n');
    writeFileSync(join(root, 'monitoring/node_modules/b.yml'), '# check: ignore docs/x -- r\n');
    writeFileSync(join(root, 'elsewhere/c.conf'), '# check: ignore docs/y\n');
    const files = filesToScan(root, [at('docs/x', 'elsewhere/c.conf', 1)]);
    expect(files).toEqual(['elsewhere/c.conf', 'monitoring/a.yml']);
    const loaded = loadSilences(root, files, known);
    expect(loaded.silences.map((s) => s.file)).toEqual(['monitoring/a.yml']);
    expect(loaded.problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual(['elsewhere/c.conf:1 silence names docs/y, which is no check']);
  });

  it('leaves out silences on lines that copy another file (a ConfigMap carrying monitoring/ files)', () => {
    const root = mkdtempSync(join(tmpdir(), 'silences-'));
    mkdirSync(join(root, 'k8s'));
    const manifest = [
      'kind: ConfigMap',
      'data:',
      '  rules.yml: |',
      '    # check: ignore docs/x -- the original says why',
      '    # check: ignore docs/x',
      "# check: ignore docs/x -- the manifest's own",
    ].join('\n');
    writeFileSync(join(root, 'k8s/m.yaml'), manifest);
    const copied = (file: string) => (file === 'k8s/m.yaml' ? new Set([3, 4, 5]) : undefined);
    const loaded = loadSilences(root, ['k8s/m.yaml'], known, copied);
    expect(loaded.silences.map((s) => s.line)).toEqual([6]);
    expect(loaded.problems).toEqual([]);
    expect(loadSilences(root, ['k8s/m.yaml'], known).silences.map((s) => s.line)).toEqual([4, 6]);
  });
});
