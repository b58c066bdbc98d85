import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../../src/sources/repo-files.js';
import { YamlFile } from '../../../src/sources/yaml-file.js';
import { composePorts } from '../../../src/deploy/compose-ports.js';
import { composeFile } from '../../../src/engines/image-pins.js';
import { flagValues, type DocCommand } from './shell-commands.js';
import { checkKubectl } from './kubectl-commands.js';
import { diffCommandProblems } from './diff-command.js';
import { reproduceCommandProblems } from './reproduce-command.js';

/**
 * What the test does with a command: run it (`run`: a real execution, here), or check it
 * without running (`validate`: it would change this machine or needs a running stack), and
 * say which in the test's name. A command with no plan fails the test: every command shown
 * in the docs is accounted for.
 */
export type Plan = { kind: 'run'; tool: 'check' | 'promtool' | 'amtool' | 'docker-compose'; args: string[] } | { kind: 'validate'; problems: () => string[] };

const compose = () => YamlFile.load(composeFile).data as { services: Record<string, Record<string, unknown>>; secrets?: Record<string, { file?: string }> };
const exists = (p: string) => existsSync(repoPath(p));
/** The application's compose file: in the application's repository, not in this one. */
export const appComposeFile = 'docker-compose.yml';

export function planFor(c: DocCommand): Plan | undefined {
  const [program, ...args] = c.words;
  const validate = (problems: () => string[]): Plan => ({ kind: 'validate', problems });
  // `HARNESS_COVERAGE_MIN=90 npx vitest ...`: the variable must be one the harness reads, and the command plannable.
  const assignment = /^([A-Z][A-Z0-9_]*)=/.exec(program ?? '');
  if (assignment) {
    const inner = planFor({ ...c, words: args, command: args.join(' ') });
    if (inner?.kind !== 'validate') return undefined;
    const read = spawnSync('grep', ['-rlF', assignment[1]!, repoPath('src')], { encoding: 'utf8' }).stdout.trim();
    return validate(() => [...(read ? [] : [`nothing under src/ reads ${assignment[1]}`]), ...inner.problems()]);
  }
  switch (program) {
    case 'npm': {
      if (args[0] === 'ci') return validate(() => (exists('package-lock.json') ? [] : ['npm ci needs package-lock.json']));
      if (args[0] === 'run' && args[1] === 'check') return { kind: 'run', tool: 'check', args: args.slice(3) };
      // The behaviour diff runs for real too (diff-command.ts); a plan reports problems, so it validates.
      if (args[0] === 'run' && args[1] === 'diff') return validate(() => diffCommandProblems(args.slice(3)));
      // So does the reproduce command (reproduce-command.ts).
      if (args[0] === 'run' && args[1] === 'reproduce') return validate(() => reproduceCommandProblems(args.slice(3)));
      if (args[0] === 'run' || args[0] === 'test') {
        const scripts = (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
        const script = args[0] === 'test' ? 'test' : args[1]!;
        return validate(() => (scripts[script] ? [] : [`package.json has no script "${script}"`]));
      }
      return undefined;
    }
    case 'npx':
      if (args[0] === 'vitest')
        return validate(() =>
          flagValues(args, '--project')
            .filter((p) => !readFileSync(repoPath('vitest.config.ts'), 'utf8').includes(`name: '${p}'`))
            .map((p) => `vitest.config.ts has no project "${p}"`),
        );
      return undefined;
    case 'promtool':
    case 'amtool':
      return { kind: 'run', tool: program, args };
    case 'docker-compose': {
      const files = flagValues(args, '-f');
      const missing = () => files.filter((f) => f !== appComposeFile && !exists(f)).map((f) => `${f} does not exist`);
      const runsAlone = !files.includes(appComposeFile);
      if (args.includes('config') && runsAlone) return { kind: 'run', tool: 'docker-compose', args };
      return validate(missing);
    }
    case 'kubectl':
      return validate(() => checkKubectl(args));
    case 'curl': {
      const url = args.find((a) => a.startsWith('http'));
      const port = url ? Number(new URL(url).port) : NaN;
      const published = Object.values(compose().services).flatMap((s) => composePorts(s, composeFile).map((p) => p.published));
      return validate(() => (published.includes(port) ? [] : [`${url ?? 'the URL'}: no compose service publishes port ${port}`]));
    }
    case 'mkdir':
      return validate(() => args.filter((a) => !a.startsWith('-') && !exists(a)).map((d) => `${d} is not a directory of the repository`));
    case 'printf': {
      const target = c.command.split('>').pop()!.trim();
      const secretFiles = Object.values(compose().secrets ?? {}).map((s) =>
        String(s.file ?? '')
          .replace(/^\$\{\w+:-(.*)\}$/, '$1')
          .replace(/^\.\//, ''),
      );
      return validate(() => (secretFiles.includes(target) ? [] : [`${target} is not a secret file the compose file reads (${secretFiles.join(', ')})`]));
    }
    case 'bash': {
      // Our scripts build images or install tools on this machine: checked, not run. A
      // `--set` must name a set of images/stand-ins.txt. The CPU hog wraps a command that must
      // have a plan itself. (A second `case 'bash'` below this one held the cpu-hog branch, and
      // never ran: the first matching case wins.)
      const [script = '', ...rest] = args;
      if (script === 'scripts/cpu-hog.sh') return validate(() => cpuHogProblems(c, rest));
      const sets = standInSets();
      return validate(() => [
        ...(exists(script) ? [] : [`${script} does not exist`]),
        ...flagValues(args, '--set')
          .filter((s) => !sets.includes(s))
          .map((s) => `images/stand-ins.txt has no set "${s}" (sets: ${sets.join(', ')})`),
      ]);
    }
    case 'set': {
      // `set -a; . ./.env.<set>; set +a; npm test`: the 2.x matrix, with the file the build writes.
      const sourced = /(?:^|;\s*)\.\s+\.\/\.env\.([\w.-]+);/.exec(c.command)?.[1];
      return validate(() =>
        sourced && standInSets().includes(sourced) && /;\s*npm test$/.test(c.command) ? [] : [`expected "set -a; . ./.env.<set of images/stand-ins.txt>; set +a; npm test", got "${c.command}"`],
      );
    }
    case 'export': {
      const variable = args[0]!.split('=')[0]!;
      return validate(() => (readFileSync(repoPath(composeFile), 'utf8').includes(`\${${variable}`) ? [] : [`the compose file does not read ${variable}`]));
    }
    default:
      return undefined;
  }
}

/** `bash scripts/cpu-hog.sh start [MAX] | stop | status | run [MAX] -- COMMAND`: COMMAND must have a plan itself. */
function cpuHogProblems(c: DocCommand, args: string[]): string[] {
  const [verb, ...rest] = args;
  const max = rest[0] !== undefined && rest[0] !== '--' ? rest[0] : undefined;
  if (max !== undefined && !/^\d+$/.test(max)) return [`cpu-hog.sh: MAX_SECONDS must be whole seconds, not "${max}"`];
  if (verb === 'start' || verb === 'stop' || verb === 'status') return [];
  if (verb !== 'run') return [`cpu-hog.sh has no command "${verb}" (start, stop, status, run)`];
  const inner = rest.slice(rest.indexOf('--') + 1);
  if (!rest.includes('--') || inner.length === 0) return ['cpu-hog.sh run needs `-- COMMAND`'];
  const plan = planFor({ ...c, command: inner.join(' '), words: inner });
  if (!plan) return [`cpu-hog.sh run -- ${inner.join(' ')}: no way to validate that command`];
  return plan.kind === 'validate' ? plan.problems() : [];
}

/** The sets of images/stand-ins.txt (first column), as scripts/build-offline-images.sh reads them. */
function standInSets(): string[] {
  const rows = readFileSync(repoPath('images/stand-ins.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'));
  return [...new Set(rows.map((l) => l.trim().split(/\s+/)[0]!))];
}
