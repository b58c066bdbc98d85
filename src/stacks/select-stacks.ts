import type { StackDefinition, StackStatus } from './stack.js';

/**
 * The stacks a run starts: all of them, or only those named in HARNESS_STACKS (comma-separated
 * keys, e.g. `e2e-alertmanager,e2e-live`), so a developer running one file on a shared 2-core
 * machine does not start fifteen engines it does not need. Tests of a stack left out skip,
 * naming the variable; an unknown key is an error listing the valid ones.
 */
export function selectStacks(
  definitions: readonly StackDefinition<unknown>[],
  selection = process.env.HARNESS_STACKS,
): { start: readonly StackDefinition<unknown>[]; skipped: Record<string, StackStatus> } {
  if (!selection?.trim()) return { start: definitions, skipped: {} };
  const wanted = selection
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const known = definitions.map((d) => d.key);
  const unknown = wanted.filter((key) => !known.includes(key));
  if (unknown.length) throw new Error(`HARNESS_STACKS names unknown stacks: ${unknown.join(', ')}; the stacks are: ${known.join(', ')}`);
  const skipped: Record<string, StackStatus> = {};
  for (const key of known.filter((k) => !wanted.includes(k)))
    skipped[key] = { state: 'unavailable', reason: `stack "${key}" not started: HARNESS_STACKS=${selection} leaves it out (unset it to start every stack)` };
  return { start: definitions.filter((d) => wanted.includes(d.key)), skipped };
}
