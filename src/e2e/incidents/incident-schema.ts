import type { FromSchema } from 'json-schema-to-ts';
import { pagerdutyExpectationSchema as pagerduty, slackExpectationSchema as slack, webhookExpectationSchema as webhook } from '../../alertmanager/payload-expectation-schema.js';
/**
 * JSON Schema of an incident file (fixtures/incidents/README.md). Every object is closed, so a
 * misspelt key is an error naming its line and the nearest valid key. What a schema cannot say
 * (offsets, notation, known metrics, alerts and receivers) load-incidents.ts checks.
 */
const text = { type: 'string', minLength: 1 } as const;
const textOrNumber = { anyOf: [text, { type: 'number' }] } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const segment = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to', 'step', 'values'],
  properties: { from: textOrNumber, to: textOrNumber, step: text, values: textOrNumber },
} as const;

const series = {
  type: 'object',
  additionalProperties: false,
  required: ['series', 'segments'],
  properties: { series: text, segments: { type: 'array', minItems: 1, items: segment } },
} as const;

const firing = {
  type: 'object',
  additionalProperties: false,
  required: ['alert', 'receiver'],
  properties: { alert: text, receiver: text, labels: stringMap, slack, pagerduty, webhook },
} as const;

const inhibited = {
  type: 'object',
  additionalProperties: false,
  required: ['alert', 'by'],
  properties: { alert: text, by: { anyOf: [text, { type: 'array', minItems: 1, items: text }] } },
} as const;

export const incidentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['description', 'history', 'fires'],
  properties: {
    description: text,
    history: { type: 'array', minItems: 1, items: series },
    fires: { type: 'array', minItems: 1, items: firing },
    inhibited: { type: 'array', items: inhibited },
  },
} as const;

/** An incident file as written, typed from its schema: one definition of the format. */
export type RawIncident = FromSchema<typeof incidentSchema>;
export type RawSeries = RawIncident['history'][number];
