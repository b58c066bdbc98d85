/** JSON schemas of fixtures/logs/*.yaml: every key is known, so a typo fails on load. */

export const logInputs = ['tcp', 'syslog-tcp', 'syslog-udp', 'file'] as const;
export type LogInput = (typeof logInputs)[number];

const dottedPaths = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

export const pipelineCasesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    cases: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'input', 'lines', 'expect'],
        properties: {
          name: { type: 'string', minLength: 1 },
          input: { enum: logInputs },
          lines: { type: 'array', minItems: 1, items: { type: 'string' } },
          expect: {
            type: 'object',
            additionalProperties: false,
            required: ['indices'],
            properties: {
              count: { type: 'integer', minimum: 1 },
              timestamp: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' },
              indices: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['logs', 'errors'] } },
              fields: { type: 'object' },
              present: dottedPaths,
              absent: dottedPaths,
              tags: dottedPaths,
              notTags: dottedPaths,
              mustNotContain: dottedPaths,
              document: { type: 'object' },
            },
          },
          ignore: dottedPaths,
        },
      },
    },
  },
} as const;

export const canaryKinds = ['password', 'token', 'api_key', 'authorization', 'cookie', 'card', 'email', 'jwt', 'private_key', 'vendor_token', 'cloud_key', 'signature'] as const;
export const canaryPlaces = ['message', 'parsed_field', 'nested_object', 'array', 'event_original', 'malformed', 'field_name'] as const;

export const canariesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['canaries'],
  properties: {
    canaries: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'kind', 'where', 'input', 'secret', 'line'],
        properties: {
          name: { type: 'string', minLength: 1 },
          kind: { enum: canaryKinds },
          where: { type: 'array', minItems: 1, items: { enum: canaryPlaces } },
          input: { enum: logInputs },
          secret: { type: 'string', minLength: 6 },
          alsoAs: { type: 'array', items: { type: 'string', minLength: 6 } },
          line: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;
