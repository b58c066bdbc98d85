import { pagerdutyExpectationSchema as pagerduty, slackExpectationSchema as slack, webhookExpectationSchema as webhook } from './payload-expectation-schema.js';
/**
 * JSON Schema of a routing scenario file (fixtures/routing/*.yaml). Every object is closed, so
 * a misspelt key is an error naming the nearest valid one instead of an expectation that is
 * silently never checked.
 */
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
const text = { type: 'string' } as const;

const alert = {
  type: 'object',
  additionalProperties: false,
  required: ['labels'],
  properties: {
    // Every value non-empty: to Prometheus and Alertmanager an empty label is no label at all.
    labels: { type: 'object', required: ['alertname'], properties: { alertname: { type: 'string', minLength: 1 } }, additionalProperties: { type: 'string', minLength: 1 } },
    annotations: stringMap,
    /** The alert is not one of alert_rules.yml (e.g. Grafana's, or deliberately malformed). */
    synthetic: { type: 'boolean' },
  },
} as const;

const routeCase = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'alert', 'receiver'],
  properties: { name: { type: 'string', minLength: 1 }, alert, receiver: { type: 'string', minLength: 1 }, slack, pagerduty, webhook },
} as const;

const inhibitionCase = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'source', 'target', 'inhibited'],
  properties: {
    name: { type: 'string', minLength: 1 },
    source: alert,
    target: alert,
    /** false: the source fires in another cluster than the target. */
    same_cluster: { type: 'boolean' },
    inhibited: { type: 'boolean' },
  },
} as const;

export const routingScenarioSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    description: text,
    routes: { type: 'array', minItems: 1, items: routeCase },
    inhibitions: { type: 'array', minItems: 1, items: inhibitionCase },
  },
} as const;
