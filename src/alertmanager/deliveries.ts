import type { CaptureClient } from '../capture/capture-client.js';
import type { CapturedRequest } from '../capture/captured-request.js';
import { pollUntil } from '../waiting/poll-until.js';
import type { ReceiverEntry } from './alertmanager-config.js';

/** The one attachment Alertmanager 0.25 puts in a Slack message. */
export interface SlackAttachment {
  title?: string;
  title_link?: string;
  text: string;
  fallback: string;
  footer: string;
  color?: string;
}

/** A PagerDuty Events API v2 event as Alertmanager sends it. */
export interface PagerdutyEvent {
  routing_key: string;
  dedup_key: string;
  event_action: 'trigger' | 'resolve';
  payload: { summary: string; source: string; severity: string; class?: string; component?: string; group?: string; custom_details?: Record<string, string> };
  client?: string;
  client_url?: string;
  links?: { href: string; text: string }[];
}

/** Alertmanager's webhook message (version 4), as a heartbeat receiver gets it. */
export interface WebhookMessage {
  version: string;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  alerts: { status: string; labels: Record<string, string>; annotations: Record<string, string> }[];
}

export type Delivery =
  | { kind: 'slack'; seq: number; receiver: string; channel: string; username?: string; attachment: SlackAttachment }
  | { kind: 'pagerduty'; seq: number; receiver: string; event: PagerdutyEvent }
  | { kind: 'webhook'; seq: number; receiver: string; message: WebhookMessage };

/**
 * Reads what one Alertmanager delivered to the capture server, as Slack messages and PagerDuty
 * events, each attributed to the receiver that sent it: Slack by its channel, PagerDuty by being
 * the receiver with pagerduty_configs. `token` (a test's unique cluster) keeps a test to its own
 * notifications: every message names its group's cluster.
 */
export class DeliveryReader {
  constructor(
    private readonly capture: CaptureClient,
    private readonly paths: { slackPath: string; pagerdutyPath: string; webhookPath?: string },
    private readonly receivers: readonly ReceiverEntry[],
  ) {}

  async list(token: string, after = 0): Promise<Delivery[]> {
    // The capture server keeps to the token: the listing holds this test's deliveries, not the run's.
    const [slack, pagerduty, webhook] = await Promise.all([
      this.capture.requests({ path: this.paths.slackPath, after, token }),
      this.capture.requests({ path: this.paths.pagerdutyPath, after, token }),
      this.paths.webhookPath ? this.capture.requests({ path: this.paths.webhookPath, after, token }) : Promise.resolve({ requests: [] }),
    ]);
    return [...slack.requests, ...pagerduty.requests, ...webhook.requests].sort((a, b) => a.seq - b.seq).map((r) => this.classify(r));
  }

  /** Waits (bounded) for a delivery of `token` that satisfies `match`. */
  async waitFor(token: string, match: (d: Delivery) => boolean, options: { after?: number; timeoutMs?: number; what: string }): Promise<Delivery> {
    let seen: Delivery[] = [];
    return pollUntil(
      async () => {
        seen = await this.list(token, options.after);
        return seen.find(match);
      },
      { timeoutMs: options.timeoutMs ?? 15_000, what: options.what },
      () => (seen.length ? seen : `no delivery for ${token}`),
    );
  }

  private classify(r: CapturedRequest): Delivery {
    const body = r.json as Record<string, unknown> | undefined;
    if (!body) throw new Error(`a delivery to ${r.path} is not JSON: ${r.text.slice(0, 200)}`);
    if (this.paths.webhookPath && r.path.startsWith(this.paths.webhookPath)) {
      // The message names its receiver; it must be one of the config's webhook receivers.
      const receiver = String(body.receiver ?? '');
      if (!this.receivers.some((x) => x.webhook && x.name === receiver)) throw new Error(`webhook delivery ${r.seq} names receiver "${receiver}", which has no webhook_configs`);
      return { kind: 'webhook', seq: r.seq, receiver, message: body as unknown as WebhookMessage };
    }
    if (r.path.startsWith(this.paths.pagerdutyPath)) {
      const senders = this.receivers.filter((x) => x.pagerduty);
      if (senders.length !== 1)
        throw new Error(`cannot tell which of ${senders.length} PagerDuty receivers sent event ${r.seq}: give each its own routing key file and teach deliveries.ts to read it`);
      return { kind: 'pagerduty', seq: r.seq, receiver: senders[0]!.name, event: body as unknown as PagerdutyEvent };
    }
    const channel = String(body.channel ?? '');
    const senders = this.receivers.filter((x) => x.slackChannels.includes(channel));
    if (senders.length !== 1) throw new Error(`cannot tell which receiver posted to Slack channel "${channel}": ${senders.length} receivers use it`);
    const attachments = body.attachments as SlackAttachment[] | undefined;
    if (!attachments?.[0]) throw new Error(`Slack message ${r.seq} has no attachment: ${r.text.slice(0, 200)}`);
    return { kind: 'slack', seq: r.seq, receiver: senders[0]!.name, channel, username: body.username as string | undefined, attachment: attachments[0] };
  }
}

/** Whether a delivery is about alerts named `alertname` (as a whole word anywhere in it). */
export function deliveryMentions(delivery: Delivery, alertname: string): boolean {
  const word = new RegExp(`(^|[^\\w])${alertname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w]|$)`);
  return word.test(JSON.stringify(delivery));
}

/**
 * Whether a delivery announces resolution: PagerDuty's event_action, or for Slack the subject
 * our templates begin with (monitoring/alertmanager/templates/common.tmpl).
 */
export function isResolvedDelivery(delivery: Delivery): boolean {
  if (delivery.kind === 'webhook') return delivery.message.status === 'resolved';
  return delivery.kind === 'pagerduty' ? delivery.event.event_action === 'resolve' : (delivery.attachment.title ?? '').startsWith('[RESOLVED]');
}

/** One line per delivery, for a failure message: `#112 slack-warnings [FIRING:1] SlowQueries · ...`. */
export function summarizeDelivery(delivery: Delivery): string {
  const what =
    delivery.kind === 'slack'
      ? (delivery.attachment.title ?? delivery.attachment.fallback)
      : delivery.kind === 'pagerduty'
        ? `${delivery.event.event_action} ${delivery.event.payload.summary}`
        : `${delivery.message.status} ${delivery.message.alerts.map((a) => a.labels.alertname).join(', ')}`;
  return `#${delivery.seq} ${delivery.receiver} ${what}`;
}
