import { repoPath } from '../sources/repo-files.js';
import { runTool } from '../tools/tool-runner.js';
import { alertmanagerConfigFile, type RouteEntry } from './alertmanager-config.js';
import { parseMatchers, type LabelMatcher } from './label-matcher.js';

/** What `amtool config routes test --tree` says about one label set. */
export interface AmtoolRouting {
  /** Receivers in routing-tree order, as amtool prints them. */
  receivers: string[];
  /** The routes the alert ends at, each as the chain of matcher sets from the root's child down. */
  finalRoutes: LabelMatcher[][][];
  /** amtool's own output, for messages. */
  output: string;
}

/**
 * Asks amtool (the pinned version, via runTool) where an alert with `labels` goes. The `--tree`
 * output also names the route(s) it ends at, so tests can tell two routes with the same
 * receiver apart and prove every route was exercised.
 */
export async function amtoolRoutesTest(labels: Readonly<Record<string, string>>, configFile = alertmanagerConfigFile): Promise<AmtoolRouting> {
  const args = Object.entries(labels).map(([name, value]) => `${name}=${JSON.stringify(value)}`);
  const run = await runTool('amtool', ['config', 'routes', 'test', '--tree', `--config.file=${repoPath(configFile)}`, ...args]);
  const output = `${run.stdout}${run.stderr}`;
  if (run.exitCode !== 0) throw new Error(`amtool config routes test failed (exit ${run.exitCode}, ${run.via}):\n${output}`);
  const lines = run.stdout.split('\n').filter((l) => l.trim() !== '');
  const receivers = (lines.at(-1) ?? '').split(',').filter(Boolean);
  return { receivers, finalRoutes: finalRoutesOf(lines), output };
}

/**
 * Reads treeprint's drawing: each level indents by four characters; a final route is the line
 * that ends in `receiver: <name>`. The chain of slugs above it identifies the route.
 */
function finalRoutesOf(lines: string[]): LabelMatcher[][][] {
  const chain: string[] = [];
  const finals: LabelMatcher[][][] = [];
  for (const line of lines) {
    const branch = /^((?:[│ ] {3})*)[└├]── (.*)$/.exec(line);
    if (!branch) continue;
    const depth = branch[1]!.length / 4;
    const [slug, receiver] = branch[2]!.split('  receiver: ');
    chain.length = depth;
    chain.push(slug!.trim());
    if (receiver !== undefined) finals.push(chain.slice(1).map((s) => (s === 'default-route' ? [] : parseMatchers(s))));
  }
  return finals;
}

/** The config route an amtool chain names: same matchers, level by level, under the root. */
export function routeOfChain(root: RouteEntry, chain: readonly LabelMatcher[][]): RouteEntry | undefined {
  let node: RouteEntry | undefined = root;
  for (const level of chain) {
    node = node?.children.find((child) => sameMatchers(child.matchers, level));
    if (!node) return undefined;
  }
  return node;
}

function sameMatchers(a: readonly LabelMatcher[], b: readonly LabelMatcher[]): boolean {
  const key = (ms: readonly LabelMatcher[]) =>
    ms
      .map((m) => `${m.name}${m.op}${m.value}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}
