/** One test as `vitest list --json` prints it (node_modules/vitest: formatCollectedAsJSON). */
export interface ListedTest {
  name: string;
  file: string;
  projectName?: string;
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
 * Whether the shards together hold every test of the unsharded run exactly once. Tests are
 * counted, not just seen: two tests of one file may share a name, and a file in two shards
 * shows as its tests counted twice. Files are shown relative to `root` when given.
 */
export function compareShardLists(unsharded: readonly ListedTest[], shards: readonly (readonly ListedTest[])[], root = ''): ShardComparison {
  const want = countByKey(unsharded, root);
  const got = countByKey(shards.flat(), root);
  const missing: string[] = [];
  const duplicated: string[] = [];
  const unknown: string[] = [];
  for (const [key, n] of want) {
    const m = got.get(key) ?? 0;
    if (m < n) missing.push(n > 1 ? `${key} (${n - m} of ${n})` : key);
    if (m > n) duplicated.push(`${key} (${m} times, ${n} unsharded)`);
  }
  for (const key of got.keys()) if (!want.has(key)) unknown.push(key);
  return { missing, duplicated, unknown };
}

/** `[project] file > full name`, the file relative to `root`. */
export function testKey(test: ListedTest, root = ''): string {
  const file = root && test.file.startsWith(`${root}/`) ? test.file.slice(root.length + 1) : test.file;
  return `[${test.projectName ?? ''}] ${file} > ${test.name}`;
}

function countByKey(tests: readonly ListedTest[], root: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const test of tests) counts.set(testKey(test, root), (counts.get(testKey(test, root)) ?? 0) + 1);
  return counts;
}
