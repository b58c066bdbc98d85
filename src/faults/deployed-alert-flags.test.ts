import { describe, expect, it } from 'vitest';
import { canonicalRules } from '../prometheus-rules/canonical-rules.js';
import { parseDuration } from '../prometheus-rules/duration.js';
import { compressedRestoreFlags, deployedAlertRestartFlags } from './deployed-alert-flags.js';

describe('the --rules.alert.* flags compose and k8s give Prometheus', () => {
  it('restore every alert rule at a restart: no `for` is shorter than the grace period (Prometheus 3.5 rules/group.go:767-774 skips those)', () => {
    const { forGracePeriodMs } = deployedAlertRestartFlags();
    const skipped = canonicalRules()
      .alerts()
      .filter((r) => r.for !== undefined && (parseDuration(r.for) ?? 0) > 0 && (parseDuration(r.for) ?? 0) < forGracePeriodMs)
      .map((r) => `${r.name} (for: ${r.for}, ${r.file}:${r.line})`);
    expect(skipped).toEqual([]);
  });

  it('scale grace period and outage tolerance like `for` for a compressed test Prometheus', () => {
    expect(compressedRestoreFlags({ forGracePeriodMs: 60_000, forOutageToleranceMs: 3_600_000, resendDelayMs: 60_000 }, 6)).toEqual([
      '--rules.alert.for-grace-period=10s',
      '--rules.alert.for-outage-tolerance=10m',
    ]);
  });
});
