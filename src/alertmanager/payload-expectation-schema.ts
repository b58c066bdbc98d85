/**
 * JSON Schemas of what a test expects in a delivered notification: Slack message fields,
 * PagerDuty Events v2 fields and webhook (heartbeat) message fields. Shared by the routing cases (fixtures/routing) and the incidents
 * (fixtures/incidents), which assert the same payloads. Closed objects: a misspelt field is an
 * error naming the nearest one, not an expectation silently never checked.
 */
const text = { type: 'string' } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

export const slackExpectationSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { channel: text, username: text, color: text, title: text, title_link: text, text, fallback: text, footer: text },
} as const;

export const pagerdutyExpectationSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    severity: { enum: ['critical', 'error', 'warning', 'info'] },
    summary: text,
    source: text,
    component: text,
    group: text,
    class: text,
    client: text,
    // Alertmanager 0.30+ parses each rendered value as YAML (prometheus/alertmanager#3944):
    // `num_firing` arrives as a number.
    details: { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] } },
    links: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['href', 'text'], properties: { href: text, text } } },
  },
} as const;

export const webhookExpectationSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    status: { enum: ['firing', 'resolved'] },
    receiver: text,
    groupLabels: stringMap,
    commonLabels: stringMap,
    commonAnnotations: stringMap,
  },
} as const;
