import { engineVersion, imageFor } from '../engines/image-pins.js';

/**
 * The Prometheus under test (the pinned image, a stand-in, or a matrix override), and what its
 * promtool offers. The rule tests run that version's promtool (src/tools/tool-runner.ts picks
 * it), so the scenarios compile for it: expectations of the other major are left out, and
 * floats are compared the way that promtool can.
 */
export interface PrometheusEngine {
  version: string;
  major: number;
  /** `promtool test --junit=<file>` (2.55+). */
  junit: boolean;
  /** `fuzzy_compare: true` in a test file: floats equal within one ULP (3.5+, prometheus#16395). */
  fuzzyCompare: boolean;
}

export function prometheusEngine(version?: string): PrometheusEngine {
  const choice = imageFor('prometheus');
  let v = version ?? engineVersion(choice.image);
  // A tag that names no release (latest, a digest): the pin says what it should be.
  if (!/^\d+\.\d+/.test(v)) v = engineVersion(choice.pinned);
  const [major, minor] = v.split('.').map(Number) as [number, number];
  const atLeast = (M: number, m: number) => major > M || (major === M && minor >= m);
  return { version: v, major, junit: atLeast(2, 55), fuzzyCompare: atLeast(3, 5) };
}
