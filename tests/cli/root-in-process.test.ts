import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { runDiff } from '../../src/diff/run-diff.js';
import { simulatedTimeline } from '../../src/reproduce/simulated-timeline.js';
import { repoRoot } from '../../src/sources/repo-files.js';
import { configsRepository } from '../support/configs-repository.js';
import { ToolUnavailableError } from '../../src/tools/tool-runner.js';
import { Workspace } from '../../src/workspace/workspace.js';

// `--root` without env juggling: diff and reproduce read a copy of the repository whose fixtures
// differ from the canonical ones, in this process, which has the canonical repoRoot loaded. Each
// renamed case exists only in the copy, so a report naming it read the copy's fixtures.
const ruleCase = { file: 'fixtures/rules/alerts/HighErrorRate.yaml', name: '4.9% of requests fail, just below the threshold' };
const routingCase = { file: 'fixtures/routing/severity-routes.yaml', name: 'an info alert posts to the timetable-info channel in blue' };
const latencyCase = { file: 'fixtures/rules/alerts/HighLatency.yaml', name: '7% of requests take between 1s and 5s' };
const copyOnly = (name: string) => `${name} (copy only)`;

let copy = '';

/** Renames a case (`- name: <name>`) in a file of the copy; the name must be there once. */
function renameCase(file: string, name: string) {
  const text = readFileSync(join(copy, file), 'utf8');
  expect(text.split(`- name: ${name}\n`).length, `${file} names "${name}" once`).toBe(2);
  writeFileSync(join(copy, file), text.replace(`- name: ${name}\n`, `- name: ${copyOnly(name)}\n`));
}

function replaceOnce(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(join(copy, file), 'utf8');
  expect(text, `${file} holds ${String(from)}`).toMatch(from);
  writeFileSync(join(copy, file), text.replace(from, to));
}

/** promtool/amtool missing is a skip that says how to get them, never a pass. */
async function orSkip<T>(ctx: TestContext, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ToolUnavailableError) ctx.skip(`${error.message}: install them (bash scripts/install-local-tools.sh) or start Docker (npm run images:offline)`);
    throw error;
  }
}

// The copy: the canonical configs and fixtures committed, then, uncommitted (diff's head is the
// working tree), HighErrorRate's page lowered to 4% and info alerts re-routed to the warnings
// receiver, with one rule case and one routing case renamed that those edits change.
beforeAll(() => {
  copy = configsRepository('root-in-process').dir;
  replaceOnce('monitoring/alert_rules.yml', /(- alert: HighErrorRate\n\s+expr: .*) > 0\.05/, '$1 > 0.04');
  replaceOnce('monitoring/alertmanager.yml', `['severity="info"']\n      receiver: slack-info`, `['severity="info"']\n      receiver: slack-warnings`);
  renameCase(ruleCase.file, ruleCase.name);
  renameCase(routingCase.file, routingCase.name);
  renameCase(latencyCase.file, latencyCase.name);
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('--root in process: the copy is what is read, with the canonical root loaded', () => {
  it('the canonical fixtures keep their names here (the copy differs from what this process loaded)', () => {
    expect(repoRoot).not.toBe(copy);
    for (const c of [ruleCase, routingCase, latencyCase]) expect(readFileSync(join(repoRoot, c.file), 'utf8')).toContain(`- name: ${c.name}\n`);
  });

  it("runDiff on the copy runs the copy's rule and routing cases on both sides", { timeout: 600_000 }, async (ctx) => {
    const report = await orSkip(ctx, () => runDiff({ base: 'HEAD', repoRoot: copy }));
    expect(report.notCompared).toEqual([]);
    const ruleCases = new Set(report.rules.differences.filter((d) => d.scenario === ruleCase.file).map((d) => d.case));
    expect([...ruleCases]).toEqual([copyOnly(ruleCase.name)]);
    const routed = report.routing.differences.filter((d) => d.scenario === routingCase.file).map((d) => d.case);
    expect(routed).toContain(copyOnly(routingCase.name));
    expect(routed).not.toContain(routingCase.name);
  });

  it("reproduce's simulated timeline plays the copy's rule scenario", { timeout: 300_000 }, async (ctx) => {
    const timeline = await orSkip(ctx, () => simulatedTimeline('HighLatency', { modeReason: 'asked for with --simulated', workspace: new Workspace(copy) }));
    expect(timeline.source.replace(/:\d+ case /, ':<line> case ')).toBe(`${latencyCase.file}:<line> case "${copyOnly(latencyCase.name)}"`);
    expect(timeline.events.some((e) => e.kind === 'firing')).toBe(true);
  });
});
