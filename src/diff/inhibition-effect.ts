import type { InhibitEntry } from '../alertmanager/alertmanager-config.js';
import { matcherMatches, type LabelMatcher } from '../alertmanager/label-matcher.js';

type Labels = Readonly<Record<string, string>>;

const all = (matchers: readonly LabelMatcher[], labels: Labels) => matchers.every((m) => matcherMatches(m, labels));

/**
 * The first inhibition rule under which a firing `source` mutes `target`, computed from the
 * config alone, the way Alertmanager 0.25's inhibitor decides (inhibit/inhibit.go, Mutes and
 * hasEqual): the target matches the rule's target side, the source its source side, every
 * `equal` label has the same value on both (a label missing on both counts as equal, as in
 * Go's map lookup), and a source that also matches the target side is ignored when the target
 * also matches the source side, so two alerts never mute each other. amtool cannot answer
 * this (alertmanager#4822); the routing tests prove the same cases on a running Alertmanager.
 * Regexes run as JavaScript, not RE2: they agree on the plain alternations used here.
 */
export function inhibitingRule(rules: readonly InhibitEntry[], source: Labels, target: Labels): InhibitEntry | undefined {
  return inhibitingRules(rules, source, target)[0];
}

/**
 * Every rule under which `source` mutes `target`: each of them alone would mute it. Alertmanager
 * stops at the first (inhibit.go, Mutes), but the coverage report credits an observed muting to
 * all of them, so a rule that overlaps an earlier one on purpose (DatabaseDown's rule 3 holds
 * whatever severity the pool alerts get, which rule 1 would not) counts as exercised.
 */
export function inhibitingRules(rules: readonly InhibitEntry[], source: Labels, target: Labels): InhibitEntry[] {
  return rules.filter((rule) => {
    if (!all(rule.target, target) || !all(rule.source, source)) return false;
    if (!rule.equal.every((name) => (source[name] ?? '') === (target[name] ?? ''))) return false;
    const twoSided = all(rule.source, target) && all(rule.target, source);
    return !twoSided;
  });
}
