import fc from 'fast-check';
import { card } from './card-numbers.js';
import { email, header, jwt, keyValue, pem, secretKeys, tokenShape, urlCredentials, type Secret } from './secret-shapes.js';

/** An event with one secret planted in it, and what names it compactly in a failure. */
export interface PlantedEvent {
  data: Record<string, unknown>;
  /** e.g. `key=value "k":"v" (apiKey) in a key name at depth 3`. */
  describe: string;
  cores: string[];
  id: string;
}

const benignKeys = ['ctx', 'req', 'detail', 'meta', 'payload', 'extra', 'job', 'step'];
const leafKeys = ['note', 'info', 'line', 'detail', 'text', 'value', 'arg'];
const prose = fc.constantFrom('request failed:', 'loaded config', 'retrying after', 'user 123e4567-e89b-12d3-a456-426614174000 said', 'GET /api/week?n=3 ->', 'job 9fceb02 done;', '');

const secret = fc.oneof(
  { arbitrary: keyValue, weight: 6 },
  { arbitrary: header, weight: 2 },
  { arbitrary: urlCredentials, weight: 1 },
  { arbitrary: jwt, weight: 1 },
  { arbitrary: pem, weight: 1 },
  { arbitrary: tokenShape, weight: 3 },
  { arbitrary: card, weight: 2 },
  { arbitrary: email, weight: 1 },
);

type Place = 'message' | 'value' | 'array' | 'event.original' | 'key name' | 'key name with brackets' | 'under its key' | 'tags';
const places: Place[] = ['message', 'value', 'array', 'event.original', 'key name', 'key name with brackets', 'under its key', 'tags'];

/** Wraps `leaf` in `depth` objects with benign keys. */
function nest(leaf: unknown, path: string[]): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);
}

function plant(s: Secret, place: Place, path: string[], leafKey: string, before: string, id: string): Record<string, unknown> {
  const text = `${before} ${s.text} ok`.trim();
  const data: Record<string, unknown> = { message: `${id} ${place === 'message' ? text : before}`.trim(), service: { name: 'api' } };
  const top = path[0] ?? leafKey;
  const at = (leaf: unknown) => (path.length ? { [top]: nest(leaf, path.slice(1)) } : { [leafKey]: leaf });
  const value = s.number ?? text;
  switch (place) {
    case 'message':
      return s.number === undefined ? data : { ...data, ...at({ [leafKey]: s.number }) };
    case 'value':
      return { ...data, ...at({ [leafKey]: value }) };
    case 'array':
      return { ...data, ...at({ [leafKey]: ['first', value, 3] }) };
    case 'event.original':
      return { ...data, event: { original: `{"message":"${id}","detail":${JSON.stringify(s.text)}}` } };
    case 'key name':
      return { ...data, ...at({ [s.text]: 1 }) };
    case 'key name with brackets':
      return { ...data, [`x[${s.text}]`]: { [leafKey]: 'v' } };
    case 'under its key': {
      const key = s.form.match(/\(([^)]+)\)$/)?.[1] ?? secretKeys[0]!;
      return { ...data, ...at({ [key]: s.number ?? s.text }) };
    }
    case 'tags':
      return { ...data, tags: ['web', text] };
  }
}

/** A generated event: a secret of any class and form, at any place and depth. */
export const plantedEvent = (index: number): fc.Arbitrary<PlantedEvent> =>
  fc.tuple(secret, fc.constantFrom(...places), fc.array(fc.constantFrom(...benignKeys), { maxLength: 5 }), fc.constantFrom(...leafKeys), prose).map(([s, place, path, leafKey, before]) => {
    const id = `pbt${index}x`;
    const where = s.number !== undefined && place !== 'array' && place !== 'under its key' ? 'value' : place;
    return { data: plant(s, where, path, leafKey, before, id), describe: `${s.kind} ${s.form} in ${where} at depth ${path.length}`, cores: s.cores, id };
  });
