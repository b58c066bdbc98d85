import { randomBytes } from 'node:crypto';
import { CaptureClient } from '../capture/capture-client.js';
import type { AlertingStackInfo } from '../stacks/alerting-stack.js';
import { pollUntil } from '../waiting/poll-until.js';
import { AlertmanagerApi, type GettableAlert, type PostableAlert } from './alertmanager-api.js';
import type { AlertmanagerConfig } from './alertmanager-config.js';
import { DeliveryReader, type Delivery } from './deliveries.js';

/** An alert before a test gives it its cluster. */
export type AlertTemplate = Pick<PostableAlert, 'labels' | 'annotations' | 'generatorURL'>;

/**
 * What a routing test does against the shared test Alertmanager, in its own cluster: post and
 * resolve alerts, read Alertmanager's view of them, and wait for what the receivers got.
 * Every alert a probe posts carries `cluster="<unique>"`; group_by includes cluster, so no
 * other test's alert can join its groups, and every message names it.
 */
export class RoutingProbe {
  readonly api: AlertmanagerApi;
  readonly deliveries: DeliveryReader;
  /**
   * How long to wait for a notification: two rounds of the slowest route's group_wait plus
   * group_interval at the stack's speed, plus time for the engine and the capture server.
   */
  readonly patienceMs: number;

  constructor(
    readonly stack: AlertingStackInfo,
    config: AlertmanagerConfig,
  ) {
    this.api = new AlertmanagerApi(stack.alertmanagerUrl);
    this.deliveries = new DeliveryReader(new CaptureClient(stack.captureUrl), stack, config.receivers);
    const slowest = Math.max(...config.routes.map((r) => r.groupWaitMs + r.groupIntervalMs));
    this.patienceMs = (2 * slowest) / stack.timeFactor + 10_000;
  }

  /** A cluster name no other test uses: readable prefix, random suffix. */
  cluster(hint: string): string {
    const slug = hint
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24);
    return `${slug}-${randomBytes(3).toString('hex')}`;
  }

  inCluster(alerts: readonly AlertTemplate[], cluster: string): PostableAlert[] {
    return alerts.map((a) => ({ ...a, labels: { ...a.labels, cluster } }));
  }

  async fire(alerts: readonly AlertTemplate[], cluster: string): Promise<void> {
    await this.api.post(this.inCluster(alerts, cluster));
  }

  async resolve(alerts: readonly AlertTemplate[], cluster: string): Promise<void> {
    await this.api.resolve(this.inCluster(alerts, cluster));
  }

  /** Alertmanager's own view of the cluster's alerts: receivers, and suppressed/inhibitedBy. */
  alerts(cluster: string): Promise<GettableAlert[]> {
    return this.api.alerts([`cluster="${cluster}"`]);
  }

  /** Waits until Alertmanager lists `count` alerts of the cluster (it has taken them in). */
  async accepted(cluster: string, count: number): Promise<GettableAlert[]> {
    let seen: GettableAlert[] = [];
    return pollUntil(
      async () => {
        seen = await this.alerts(cluster);
        return seen.length >= count ? seen : undefined;
      },
      { timeoutMs: 10_000, what: `Alertmanager to list ${count} alerts of cluster ${cluster}` },
      () => seen,
    );
  }

  delivery(cluster: string, match: (d: Delivery) => boolean, what: string, after?: number): Promise<Delivery> {
    return this.deliveries.waitFor(cluster, match, { what, after, timeoutMs: this.patienceMs });
  }

  /** Everything the receivers got for the cluster so far. */
  delivered(cluster: string): Promise<Delivery[]> {
    return this.deliveries.list(cluster);
  }

  /** Replaces `{cluster}` and `{external_url}` in an expected text. */
  fill(text: string, cluster: string): string {
    return text.replaceAll('{cluster}', cluster).replaceAll('{external_url}', this.stack.externalUrl);
  }
}
