import { hostFromEngines } from '../engines/engine.js';
import { startSyntheticTarget } from './synthetic-target.js';
import { alertmanagerSpec } from './alertmanager-spec.js';
import { prometheusSpec } from './prometheus-spec.js';
import type { StackDefinition } from './stack.js';

export interface SmokeStackInfo {
  prometheusUrl: string;
  alertmanagerUrl: string;
  targetUrl: string;
  captureUrl: string;
}

/** The rule the smoke test drives: a gauge above zero, no `for`, so it fires at once. */
export const smokeRules = `groups:
  - name: smoke
    rules:
      - alert: SmokeValueHigh
        expr: smoke_value > 0
        labels:
          severity: warning
        annotations:
          summary: "smoke_value is {{ $value }}"
`;

/**
 * The smallest whole path: Prometheus scrapes a synthetic target on the host, a rule fires,
 * Alertmanager delivers it to the capture server. Fast intervals keep it to seconds.
 */
export const smokeStack: StackDefinition<SmokeStackInfo> = {
  key: 'smoke',
  async start({ network, capture, captureFromEngines }) {
    const target = await startSyntheticTarget('smoke_value 0\n');
    try {
      const alertmanager = await network.start(
        alertmanagerSpec({
          name: 'smoke-alertmanager',
          config: `route:
  receiver: capture
  group_by: [alertname]
  group_wait: 0s
  group_interval: 100ms
  repeat_interval: 1h
receivers:
  - name: capture
    webhook_configs:
      - url: ${captureFromEngines}/webhook/smoke
        send_resolved: true
`,
        }),
      );
      const prometheus = await network.start(
        prometheusSpec({
          name: 'smoke-prometheus',
          config: `global:
  scrape_interval: 200ms
  evaluation_interval: 200ms
rule_files: [smoke-rules.yml]
alerting:
  alertmanagers:
    - static_configs:
        - targets: ['smoke-alertmanager:9093']
scrape_configs:
  - job_name: synthetic
    static_configs:
      - targets: ['${hostFromEngines}:${target.port}']
`,
          files: { 'smoke-rules.yml': smokeRules },
          flags: ['--rules.alert.resend-delay=200ms'],
        }),
      );
      return {
        info: { prometheusUrl: prometheus.url(9090), alertmanagerUrl: alertmanager.url(9093), targetUrl: target.url, captureUrl: capture.url },
        stop: () => target.stop(),
      };
    } catch (error) {
      await target.stop();
      throw error;
    }
  },
};
