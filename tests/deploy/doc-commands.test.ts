import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/sources/repo-files.js';
import { runTool, ToolUnavailableError } from '../../src/tools/tool-runner.js';
import { runCheckCli } from '../cli/run-check-cli.js';
import { planFor } from './doc-commands/command-plans.js';
import { shellCommands } from './doc-commands/shell-commands.js';

/**
 * Every command in a ```sh block of the on-call docs either runs here for real (its test name
 * says "runs") or is validated against the repository without running (the name says
 * "validates": it would start containers, talk to a cluster or write secrets). A command the
 * test cannot account for fails.
 */
const docs = ['README.md', 'CONTRIBUTING.md', 'docs/monitoring_and_alerting.md', 'docs/error_budget_policy.md', 'MONITORING_QUICKSTART.md', 'monitoring/README.md'];
const commands = docs.flatMap(shellCommands);

const runs = new Map<string, Promise<{ code: number; output: string } | { skip: string }>>();
function runOnce(key: string, run: () => Promise<{ code: number; output: string } | { skip: string }>) {
  if (!runs.has(key)) runs.set(key, run());
  return runs.get(key)!;
}

function dockerCompose(args: string[]): Promise<{ code: number; output: string } | { skip: string }> {
  return new Promise((resolve) => {
    // A password for the interpolation only: `config` starts nothing.
    const env = { ...process.env, GF_ADMIN_PASSWORD: 'doc-commands-test' };
    execFile('docker-compose', args, { cwd: repoRoot, env, timeout: 60_000 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT')
        resolve({ skip: 'docker-compose is not installed: `apt-get install docker-compose` (Debian 12 ships 1.29.2) or use Docker Desktop, then rerun' });
      else resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr });
    });
  });
}

describe('commands shown in the docs', () => {
  it('finds commands in every doc that has a sh block', () => {
    expect(new Set(commands.map((c) => c.file))).toEqual(new Set(['README.md', 'CONTRIBUTING.md', 'docs/monitoring_and_alerting.md', 'MONITORING_QUICKSTART.md', 'monitoring/README.md']));
  });

  for (const c of commands) {
    const plan = planFor(c);
    const verb = !plan ? 'cannot check' : plan.kind === 'run' ? 'runs' : 'validates';
    it(`${c.file}:${c.line} ${verb}: ${c.command}`, async (ctx) => {
      if (!plan) throw new Error(`${c.file}:${c.line}: no way to run or validate "${c.command}"; add a plan to tests/deploy/doc-commands/command-plans.ts or change the doc`);
      if (plan.kind === 'validate') {
        expect(plan.problems(), `${c.file}:${c.line}`).toEqual([]);
        return;
      }
      const result = await runOnce(c.command, async () => {
        if (plan.tool === 'check') return runCheckCli(plan.args);
        if (plan.tool === 'docker-compose') return dockerCompose(plan.args);
        try {
          const r = await runTool(plan.tool, plan.args);
          return { code: r.exitCode, output: `${r.stdout}${r.stderr}\n(${r.via})` };
        } catch (error) {
          if (error instanceof ToolUnavailableError) return { skip: error.message };
          throw error;
        }
      });
      if ('skip' in result) return ctx.skip(result.skip);
      expect(result.code, `${c.file}:${c.line} \`${c.command}\` failed:\n${result.output}`).toBe(0);
    }, 660_000); // a command may run the check or diff CLI (bounded at 600 s): minutes on a loaded machine
  }
});
