import { alertmanagerConfigFile, type AlertmanagerConfig, type RouteEntry } from '../alertmanager/alertmanager-config.js';
import { amtoolRoutesTest, routeOfChain } from '../alertmanager/amtool-routes.js';
import type { RoutingScenario } from '../alertmanager/routing-scenario.js';
import { ConfigError } from '../sources/config-error.js';
import { ToolUnavailableError } from '../tools/tool-runner.js';
import type { ConfigSide } from './config-side.js';
import { DiffInputError } from './diff-input-error.js';
import { inhibitingRule } from './inhibition-effect.js';
import { sideError } from './rule-outcomes.js';

/** Where amtool sends one label set on one side, and the timers of the route(s) it ends at. */
export interface RouteOutcome {
  receivers: string[];
  routes: { file: string; line: number; receiver: string; groupBy: string[]; groupWaitMs: number; groupIntervalMs: number; repeatIntervalMs: number }[];
}

export interface InhibitionOutcome {
  source: RouteOutcome;
  target: RouteOutcome;
  /** The rule that mutes the target while the source fires; absent when it is delivered. */
  mutedBy?: { index: number; file: string; line: number };
}

export interface SideRouting {
  side: ConfigSide;
  config: AlertmanagerConfig;
  /** By routingCaseKey(). */
  routes: Map<string, RouteOutcome>;
  inhibitions: Map<string, InhibitionOutcome>;
}

/** Tests post every alert in a cluster of their own (fixtures/routing/README.md); so does the diff. */
const cluster = 'behaviour-diff';
const otherCluster = 'behaviour-diff-elsewhere';
/** amtool calls at once: enough to hide process start-up, few enough for 2 cores or containers. */
const parallel = 4;

export const routingCaseKey = (file: string, name: string) => `${file}|${name}`;

/**
 * Asks this side's alertmanager.yml, through `amtool config routes test`, where every routing
 * case's alerts go (each distinct label set once), and works out statically whether each
 * inhibition case's target is muted.
 */
export async function runSideRouting(side: ConfigSide, scenarios: readonly RoutingScenario[]): Promise<SideRouting> {
  let config: AlertmanagerConfig;
  try {
    config = side.workspace.alertmanager();
  } catch (error) {
    if (error instanceof ConfigError) throw sideError(side, error);
    throw error;
  }
  const file = side.display(config.yaml.file);
  const asked = new Map<string, () => Promise<RouteOutcome>>();
  const ask = (labels: Record<string, string>) => {
    const key = JSON.stringify(Object.entries(labels).sort());
    if (!asked.has(key)) asked.set(key, () => routeOf(side, config, file, labels));
    return key;
  };
  const routeCases = scenarios.flatMap((s) => s.routes.map((c) => ({ key: routingCaseKey(s.file, c.name), labels: ask({ ...c.alert.labels, cluster }) })));
  const inhibitionCases = scenarios.flatMap((s) =>
    s.inhibitions.map((c) => {
      const source = { ...c.source.labels, cluster };
      const target = { ...c.target.labels, cluster: c.sameCluster ? cluster : otherCluster };
      const rule = inhibitingRule(config.inhibitRules, source, target);
      return { key: routingCaseKey(s.file, c.name), source: ask(source), target: ask(target), mutedBy: rule && { index: rule.index, file, line: rule.line } };
    }),
  );
  const answers = await inParallel([...asked.entries()], parallel, async ([key, run]) => [key, await run()] as const);
  const answer = new Map(answers);
  return {
    side,
    config,
    routes: new Map(routeCases.map((c) => [c.key, answer.get(c.labels)!])),
    inhibitions: new Map(inhibitionCases.map((c) => [c.key, { source: answer.get(c.source)!, target: answer.get(c.target)!, mutedBy: c.mutedBy }])),
  };
}

async function routeOf(side: ConfigSide, config: AlertmanagerConfig, file: string, labels: Record<string, string>): Promise<RouteOutcome> {
  let amtool;
  try {
    amtool = await amtoolRoutesTest(labels, side.path(alertmanagerConfigFile));
  } catch (error) {
    if (error instanceof ToolUnavailableError) throw error;
    throw new DiffInputError(
      `${side.role} (${side.description}): ${error instanceof Error ? error.message : String(error)}`,
      `check that side's ${alertmanagerConfigFile} with \`amtool check-config\``,
    );
  }
  const routes = amtool.finalRoutes.map((chain) => routeOfChain(config.root, chain)).filter((r): r is RouteEntry => r !== undefined);
  return {
    receivers: amtool.receivers,
    routes: routes.map((r) => ({ file, line: r.line, receiver: r.receiver, groupBy: r.groupBy, groupWaitMs: r.groupWaitMs, groupIntervalMs: r.groupIntervalMs, repeatIntervalMs: r.repeatIntervalMs })),
  };
}

/** Maps `items` through `work`, at most `limit` at a time, keeping their order. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
