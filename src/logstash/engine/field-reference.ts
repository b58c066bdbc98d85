import { FieldReferenceError } from './event-errors.js';

/**
 * A parsed field reference, as org.logstash.FieldReference (logstash-core v8.17.4) parses it:
 * `message`, `[log][level]`, `[@metadata][input]`. `path` holds the hashes on the way, `key`
 * the last element; references under `[@metadata]` are looked up in the metadata map.
 */
export interface FieldReference {
  readonly path: readonly string[];
  readonly key: string;
  /** FieldReference.java:62-74: META_PARENT (`[@metadata]` itself), META_CHILD, DATA_CHILD. */
  readonly type: 'meta-parent' | 'meta-child' | 'data';
}

const cache = new Map<string, FieldReference>();
// FieldReference.java:148-156: at most 10 000 references are cached; the rest are parsed each time.
const cacheLimit = 10_000;

/** Parses (cached) or throws FieldReferenceError with Logstash's message. */
export function fieldReference(reference: string): FieldReference {
  const cached = cache.get(reference);
  if (cached) return cached;
  const parsed = fromTokens(tokenize(reference));
  if (cache.size < cacheLimit) cache.set(reference, parsed);
  return parsed;
}

export function isValidFieldReference(reference: string): boolean {
  try {
    fieldReference(reference);
    return true;
  } catch (error) {
    if (error instanceof FieldReferenceError) return false;
    throw error;
  }
}

/** `[a][b]`: the canonical form of a reference, as InvalidTagsTypeException prints it (Event.java). */
export function canonical(ref: FieldReference): string {
  const path = ref.type === 'data' ? [...ref.path, ref.key] : ref.type === 'meta-parent' ? ['@metadata'] : ['@metadata', ...ref.path, ref.key];
  return path.map((p) => `[${p}]`).join('');
}

// FieldReference.java:263-276.
function fromTokens(tokens: string[]): FieldReference {
  const key = tokens.pop()!;
  if (tokens.length === 0 && key === '@metadata') return { path: [], key, type: 'meta-parent' };
  if (tokens.length > 0 && tokens[0] === '@metadata') return { path: tokens.slice(1), key, type: 'meta-child' };
  return { path: tokens, key, type: 'data' };
}

/**
 * StrictTokenizer (FieldReference.java:282-375): a reference without brackets is one top-level
 * name, whatever it holds (`a.b`, `` and ` x ` are names); with brackets, every element must be
 * `[...]` and non-empty; embedded references (`[[a]]`) flatten. Anything else is illegal.
 */
function tokenize(reference: string): string[] {
  const path: string[] = [];
  let ambiguous = false;
  let seenBracket = false;
  let depth = 0;
  let splitPoint = 0;
  let current = '';
  let previous = '';
  for (let i = 0; i < reference.length; i++) {
    previous = current;
    current = reference[i]!;
    if (current === '[') {
      seenBracket = true;
      if (splitPoint !== i) {
        ambiguous = true;
        break;
      }
      depth++;
      splitPoint = i + 1;
    } else if (current === ']') {
      seenBracket = true;
      if (depth <= 0 || (splitPoint === i && previous !== ']')) {
        ambiguous = true;
        break;
      }
      if (splitPoint < i) path.push(reference.slice(splitPoint, i));
      depth--;
      splitPoint = i + 1;
    } else if (seenBracket && previous === ']') {
      ambiguous = true;
      break;
    }
  }
  if (!seenBracket) return [reference];
  if (depth > 0) ambiguous = true;
  // FieldReference.java:371-373; a reference such as `[]]` leaves no element at all, which
  // Java reports as an index error from path.remove(-1): treat it as illegal too.
  if (ambiguous || path.length === 0) throw new FieldReferenceError(reference);
  return path;
}
