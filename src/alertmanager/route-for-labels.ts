import type { RouteEntry } from './alertmanager-config.js';
import { matcherMatches } from './label-matcher.js';

/**
 * The route Alertmanager hands an alert with `labels` to: depth first, the first child whose
 * matchers all match, down to the deepest such route (`continue: true` siblings only add more
 * routes, and the first is the one whose timers decide when the alert is first sent).
 */
export function routeForLabels(root: RouteEntry, labels: Readonly<Record<string, string>>): RouteEntry {
  const child = root.children.find((c) => c.matchers.every((m) => matcherMatches(m, labels)));
  return child ? routeForLabels(child, labels) : root;
}
