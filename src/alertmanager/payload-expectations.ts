import { engineVersion, imageFor } from '../engines/image-pins.js';
import type { Delivery } from './deliveries.js';
import type { PagerdutyExpectation, SlackExpectation, WebhookExpectation } from './routing-scenario.js';

/**
 * The fields a scenario expects next to the same fields of the delivery, ready for
 * `expect(actual).toEqual(expected)` so a mismatch prints as a diff. Only what the scenario
 * names is compared; `fill` substitutes `{cluster}` and `{external_url}`.
 */
export function comparablePayload(
  expected: { slack?: SlackExpectation; pagerduty?: PagerdutyExpectation; webhook?: WebhookExpectation },
  delivery: Delivery,
  fill: (text: string) => string,
): { expected: Record<string, unknown>; actual: Record<string, unknown> } {
  if (delivery.kind === 'slack') {
    const wanted = expected.slack ?? {};
    const observed: Record<string, string | undefined> = { channel: delivery.channel, username: delivery.username, ...delivery.attachment };
    return {
      expected: Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, fill(v)])),
      // Alertmanager leaves empty optional fields out of the JSON: compare them as ''.
      actual: Object.fromEntries(Object.keys(wanted).map((k) => [k, observed[k] ?? ''])),
    };
  }
  if (delivery.kind === 'webhook') {
    const wanted = expected.webhook ?? {};
    const message = delivery.message as unknown as Record<string, unknown>;
    const filled = (v: unknown) => (typeof v === 'string' ? fill(v) : Object.fromEntries(Object.entries(v as Record<string, string>).map(([k, x]) => [k, fill(x)])));
    return {
      expected: Object.fromEntries(Object.entries(wanted).map(([k, v]) => [k, filled(v)])),
      actual: Object.fromEntries(Object.keys(wanted).map((k) => [k, message[k] ?? ''])),
    };
  }
  const wanted = expected.pagerduty ?? {};
  const event = delivery.event;
  const observed: Record<string, unknown> = {
    ...event.payload,
    client: event.client,
    details: event.payload.custom_details ?? {},
    links: event.links ?? [],
  };
  const expectedOut: Record<string, unknown> = {};
  const actualOut: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(wanted)) {
    if (key === 'details') {
      const details = value as Record<string, string | number | boolean>;
      // Alertmanager before 0.30 sends every detail as text; 0.30+ reads each as YAML
      // (prometheus/alertmanager#3944), so `num_firing: 1` is a number there. Expectations are
      // written for the pinned 0.30+; on an older Alertmanager (the 2.x matrix) they read as text.
      const asText = (v: string | number | boolean) => (typeof v === 'string' ? fill(v) : pagerdutyDetail(v));
      expectedOut.details = Object.fromEntries(Object.entries(details).map(([k, v]) => [k, asText(v)]));
      const all = observed.details as Record<string, string>;
      actualOut.details = Object.fromEntries(Object.keys(details).map((k) => [k, all[k]]));
    } else if (key === 'links') {
      expectedOut.links = (value as { href: string; text: string }[]).map((l) => ({ href: fill(l.href), text: fill(l.text) }));
      actualOut.links = observed.links;
    } else {
      expectedOut[key] = fill(String(value));
      actualOut[key] = observed[key] ?? '';
    }
  }
  return { expected: expectedOut, actual: actualOut };
}

/** A non-text PagerDuty detail as the Alertmanager under test sends it: itself on 0.30+, as text before. */
export function pagerdutyDetail(value: number | boolean): number | boolean | string {
  return detailsAreText() ? String(value) : value;
}

/** Whether the Alertmanager under test predates YAML-typed PagerDuty details (0.30). */
function detailsAreText(): boolean {
  const [major, minor] = engineVersion(imageFor('alertmanager').image).split('.').map(Number) as [number, number];
  return major === 0 && minor < 30;
}
