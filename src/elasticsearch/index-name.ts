import { esError, EsFailure } from './es-failure.js';

/** MetadataCreateIndexService.MAX_INDEX_NAME_BYTES. */
const MAX_INDEX_NAME_BYTES = 255;
/** Strings.INVALID_FILENAME_CHARS (a Set.of, printed in an order that varies per JVM). */
const INVALID_FILENAME_CHARS = ['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ','];

/**
 * MetadataCreateIndexService#validateIndexName / #validateIndexOrAliasName (8.x), for an index an
 * index request would auto-create: InvalidIndexNameException, "Invalid index name [..], <why>".
 */
export function validateIndexName(index: string): void {
  const fail = (why: string, approximate = false): never => {
    throw new EsFailure(esError('invalid_index_name_exception', `Invalid index name [${index}], ${why}`, undefined, approximate));
  };
  if (INVALID_FILENAME_CHARS.some((c) => index.includes(c))) fail(`must not contain the following characters [${INVALID_FILENAME_CHARS.join(', ')}]`, true);
  if (index.includes('#')) fail("must not contain '#'");
  if (index.includes(':')) fail("must not contain ':'");
  if (index.startsWith('_') || index.startsWith('-') || index.startsWith('+')) fail("must not start with '_', '-', or '+'");
  const bytes = Buffer.byteLength(index, 'utf8');
  if (bytes > MAX_INDEX_NAME_BYTES) fail(`index name is too long, (${bytes} > ${MAX_INDEX_NAME_BYTES})`);
  if (index === '.' || index === '..') fail("must not be '.' or '..'");
  if (index.toLowerCase() !== index) fail('must be lowercase');
}
