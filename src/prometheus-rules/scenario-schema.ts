/**
 * JSON Schema of a scenario file. Every object is closed (`additionalProperties: false`) so a
 * misspelt key is an error that names the nearest valid key, never silently ignored.
 */
const duration = { type: 'string', description: 'a Prometheus duration such as 15s, 5m, 1h30m', pattern: '^(0|(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?)$', minLength: 1 } as const;
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;

const alertInstance = {
  type: 'object',
  additionalProperties: false,
  required: ['labels', 'annotations'],
  properties: { labels: stringMap, annotations: stringMap },
} as const;

const sample = {
  type: 'object',
  additionalProperties: false,
  required: ['labels', 'value'],
  properties: {
    labels: stringMap,
    value: { anyOf: [{ type: 'number' }, { type: 'string', enum: ['NaN', '+Inf', '-Inf', 'Inf'] }] },
  },
} as const;

const expectation = {
  type: 'object',
  additionalProperties: false,
  required: ['at'],
  properties: {
    at: duration,
    alert: { type: 'string', minLength: 1 },
    firing: { type: 'boolean' },
    alerts: { type: 'array', items: alertInstance },
    query: { type: 'string', minLength: 1 },
    samples: { type: 'array', items: sample },
    precision: { type: 'number', exclusiveMinimum: 0 },
    // Only where behaviour differs between majors (left-open range selectors from 3.0, ...):
    // the expectation holds on that major only; fixtures/rules/README.md lists each one.
    prometheus: { type: 'integer', enum: [2, 3], description: 'the Prometheus major version this expectation holds on; leave out when it holds on both' },
  },
} as const;

const scenarioCase = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'series', 'expect'],
  properties: {
    name: { type: 'string', minLength: 1 },
    interval: duration,
    evaluation_interval: duration,
    series: { type: 'object', minProperties: 1, additionalProperties: { type: 'string', minLength: 1 } },
    expect: { type: 'array', minItems: 1, items: expectation },
  },
} as const;

export const scenarioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    alert: { type: 'string', minLength: 1 },
    record: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    firing: alertInstance,
    cases: { type: 'array', minItems: 1, items: scenarioCase },
  },
} as const;
