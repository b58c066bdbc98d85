import type { CaptureClient } from '../capture/capture-client.js';
import type { CapturedRequest } from '../capture/captured-request.js';

/** One notification of a storm as a receiver got it, with what a size limit is measured on. */
export interface StormNotification {
  seq: number;
  receivedAt: number;
  integration: 'slack' | 'pagerduty';
  status: 'firing' | 'resolved';
  /** The group's alertname (group_by: alertname, cluster, service). */
  alertname: string;
  /** `[FIRING:n]`: how many of the group's alerts it counts as firing; 0 when resolved. */
  firing: number;
  /** The request body as sent, in bytes: what PagerDuty's 512 KB limit is about. */
  bytes: number;
  /** The list of alerts in it: the Slack attachment's text, the PagerDuty `description` detail. */
  alertList: string;
  body: Record<string, unknown>;
}

/**
 * Our subject line (monitoring/alertmanager/templates/common.tmpl "timetable.subject"), which
 * both the Slack title and the PagerDuty summary begin with: `[FIRING:500] ApplicationDown · …`.
 */
const subject = /^\[(FIRING|RESOLVED)(?::(\d+))?\] (\S+) · /;

/** The Slack and PagerDuty notifications of `token` (a unique cluster) since capture mark `after`. */
export async function stormNotifications(capture: CaptureClient, paths: { slackPath: string; pagerdutyPath: string }, token: string, after: number): Promise<StormNotification[]> {
  // The server keeps only the test's own notifications: a storm's listing stays small however much the run sends.
  const [slack, pagerduty] = await Promise.all([capture.requests({ path: paths.slackPath, after, token }), capture.requests({ path: paths.pagerdutyPath, after, token })]);
  return [...slack.requests.map((r) => [r, 'slack'] as const), ...pagerduty.requests.map((r) => [r, 'pagerduty'] as const)]
    .sort(([a], [b]) => a.seq - b.seq)
    .map(([r, integration]) => parse(r, integration));
}

function parse(r: CapturedRequest, integration: StormNotification['integration']): StormNotification {
  const body = (r.json ?? {}) as Record<string, unknown>;
  const attachment = (body.attachments as { title?: string; text?: string }[] | undefined)?.[0];
  const payload = body.payload as { summary?: string; custom_details?: { description?: unknown } } | undefined;
  const line = integration === 'slack' ? attachment?.title : payload?.summary;
  const parsed = subject.exec(line ?? '');
  if (!parsed) throw new Error(`notification #${r.seq} to ${r.path} does not begin with our subject ([FIRING:n] Alertname · …): ${(line ?? r.text).slice(0, 200)}`);
  const description = payload?.custom_details?.description;
  return {
    seq: r.seq,
    receivedAt: Date.parse(r.receivedAt),
    integration,
    status: parsed[1] === 'FIRING' ? 'firing' : 'resolved',
    alertname: parsed[3]!,
    firing: Number(parsed[2] ?? 0),
    bytes: Number(r.headers['content-length'] ?? Buffer.byteLength(r.text)),
    alertList: integration === 'slack' ? (attachment?.text ?? '') : typeof description === 'string' ? description : JSON.stringify(description ?? ''),
    body,
  };
}
