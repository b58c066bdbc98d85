import { readFileSync } from 'node:fs';
import type { CompiledSuite } from '../prometheus-rules/compile-scenarios.js';
import type { ConfigSide } from './config-side.js';

/**
 * Compiled test files (by base name, `007-HighErrorRate-every-15s`) that are byte for byte the
 * same on both sides, rule subset included. promtool is deterministic, so such a file gives the
 * same result on both sides and neither needs to run it: a one-threshold edit runs only the
 * scenarios that read the changed rule.
 */
export function identicalTestFiles(base: CompiledSuite, head: CompiledSuite): Set<string> {
  const texts = (suite: CompiledSuite) => new Map(suite.files.map((f) => [f.name, f.text]));
  const [b, h] = [texts(base), texts(head)];
  const same = new Set<string>();
  for (const name of b.keys()) {
    if (!name.endsWith('.test.yml')) continue;
    const stem = name.slice(0, -'.test.yml'.length);
    const rules = `${stem}.rules.yml`;
    if (b.get(name) === h.get(name) && b.get(rules) === h.get(rules)) same.add(stem);
  }
  return same;
}

/** Whether a config file has the same bytes on both sides (both absent counts as the same). */
export function sameFile(base: ConfigSide, head: ConfigSide, rel: string): boolean {
  const read = (side: ConfigSide) => {
    try {
      return readFileSync(side.path(rel));
    } catch {
      return undefined;
    }
  };
  const [b, h] = [read(base), read(head)];
  return b === undefined || h === undefined ? b === h : b.equals(h);
}
