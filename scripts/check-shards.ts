/**
 * Proves that `vitest run --shard=i/n` for i = 1..n together run every test of the unsharded
 * run exactly once: lists the tests with `vitest list --json` unsharded and per shard (vitest 4.1
 * shards `list` as it shards `run`: both go through the pool's executeTests, which applies
 * --shard), and compares the lists, counting each test by its position (file:line:column, from
 * --includeTaskLocation; a name may differ between processes: a property test names its seed).
 *
 *   npm run check:shards                      # 2 shards, every project
 *   npm run check:shards -- 2,4               # 2 shards, then 4 (one unsharded list for both)
 *   npm run check:shards -- 4 --project unit  # 4 shards of one project (extra args go to vitest list)
 *
 * HARNESS_NO_STACKS=1 keeps the globalSetups from starting engines: listing imports the test
 * files but runs none. `vitest list` leaves out tests skipped when collected (`it.skip`,
 * `skipIf` decided at import), in both lists alike. Exit 0 when every test is run once, 1 otherwise.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/sources/repo-files.js';
import { compareShardLists, type ListedTest } from '../src/sharding/compare-test-lists.js';
import { runProcess } from '../src/tools/run-process.js';

const [countArg = '2', ...vitestArgs] = process.argv.slice(2);
const counts = countArg.split(',').map(Number);
if (!counts.every((n) => Number.isInteger(n) && n >= 2)) {
  console.error(`check-shards: the first argument is the number of shards (2 or more; several comma-separated), got "${countArg}"`);
  process.exit(2);
}
process.env.HARNESS_NO_STACKS = '1';
const dir = mkdtempSync(join(tmpdir(), 'check-shards-'));

/** The tests `vitest list` collects, with --shard=`shard` when given. */
async function list(shard?: string): Promise<ListedTest[]> {
  const out = join(dir, `${shard?.replace('/', '-of-') ?? 'all'}.json`);
  const args = [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'list', `--json=${out}`, '--includeTaskLocation', ...(shard ? [`--shard=${shard}`] : []), ...vitestArgs];
  // A bound against a hang, not a speed claim: collecting every project's files takes a minute on a loaded machine.
  const result = await runProcess(process.execPath, args, { cwd: repoRoot, timeoutMs: 20 * 60_000 });
  const what = `vitest list${shard ? ` --shard=${shard}` : ''}`;
  if (result.exitCode !== 0) throw new Error(`${what} exited ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}:\n${(result.stderr + result.stdout).slice(-4000)}`);
  try {
    return JSON.parse(readFileSync(out, 'utf8')) as ListedTest[];
  } catch (error) {
    // vitest writes no file when a test file fails to load (processCollected prints the error instead).
    throw new Error(`${what} wrote no test list (${String(error)}):\n${(result.stderr + result.stdout).slice(-4000)}`);
  }
}

const files = (tests: readonly ListedTest[]) => new Set(tests.map((t) => t.file)).size;
try {
  const all = await list();
  if (all.length === 0) throw new Error('vitest list found no test: nothing to compare');
  console.log(`unsharded: ${all.length} tests in ${files(all)} files`);
  let ok = true;
  for (const count of counts) {
    const shards: ListedTest[][] = [];
    for (let i = 1; i <= count; i++) shards.push(await list(`${i}/${count}`));
    shards.forEach((s, i) => console.log(`shard ${i + 1}/${count}: ${s.length} tests in ${files(s)} files`));
    const { missing, duplicated, unknown } = compareShardLists(all, shards, repoRoot);
    for (const [title, keys] of [
      ['run by no shard', missing],
      ['run more than once', duplicated],
      ['listed by a shard, not by the whole run', unknown],
    ] as const) {
      if (keys.length) console.log(`\n${keys.length} test(s) ${title}:\n${keys.map((k) => `  - ${k}`).join('\n')}`);
    }
    const once = missing.length + duplicated.length + unknown.length === 0;
    console.log(once ? `the ${count} shards run every one of the ${all.length} tests exactly once\n` : `the ${count} shards do not run every test exactly once\n`);
    ok &&= once;
  }
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
