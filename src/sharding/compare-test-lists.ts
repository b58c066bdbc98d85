/** One test as `vitest list --json --includeTaskLocation` prints it (node_modules/vitest: formatCollectedAsJSON). */
export interface ListedTest {
  name: string;
  file: string;
  projectName?: string;
  location?: { line: number; column: number };
}

export interface ShardComparison {
  /** Tests of the unsharded list that no shard holds. */
  missing: string[];
  /** Tests that the shards hold more often than the unsharded list does, with how often. */
  duplicated: string[];
  /** Tests a shard holds that the unsharded list does not. */
  unknown: string[];
}

/**
 * Whether the shards together hold every test of the unsharded run exactly once. A test is
 * known by its project, file and position (file:line:column), not by its name: a name may
 * change from one process to the next (a property test names its random seed). Tests are
 * counted, not just seen: a loop declares several tests at one position, and a file in two
 * shards shows as its tests counted twice. Files are shown relative to `root` when given.
 */
export function compareShardLists(unsharded: readonly ListedTest[], shards: readonly (readonly ListedTest[])[], root = ''): ShardComparison {
  const want = countByKey(unsharded, root);
  const got = countByKey(shards.flat(), root);
  const missing: string[] = [];
  const duplicated: string[] = [];
  const unknown: string[] = [];
  for (const [key, { count: n, name }] of want) {
    const m = got.get(key)?.count ?? 0;
    if (m < n) missing.push(`${key} ${name}${n > 1 ? ` (${n - m} of the ${n} tests there)` : ''}`);
    if (m > n) duplicated.push(`${key} ${name} (${m} times, ${n} unsharded)`);
  }
  for (const [key, { name }] of got) if (!want.has(key)) unknown.push(`${key} ${name}`);
  return { missing, duplicated, unknown };
}

/** `[project] file:line:column`, the file relative to `root`; without a position, the name stands in. */
export function testKey(test: ListedTest, root = ''): string {
  const file = root && test.file.startsWith(`${root}/`) ? test.file.slice(root.length + 1) : test.file;
  return test.location ? `[${test.projectName ?? ''}] ${file}:${test.location.line}:${test.location.column}` : `[${test.projectName ?? ''}] ${file} > ${test.name}`;
}

function countByKey(tests: readonly ListedTest[], root: string): Map<string, { count: number; name: string }> {
  const counts = new Map<string, { count: number; name: string }>();
  for (const test of tests) {
    const key = testKey(test, root);
    const seen = counts.get(key);
    counts.set(key, { count: (seen?.count ?? 0) + 1, name: seen?.name ?? `> ${test.name}` });
  }
  return counts;
}
