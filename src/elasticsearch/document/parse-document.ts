import { esError, EsFailure } from '../es-failure.js';
import { JsonSyntaxError, parseJackson, type ParsedJson } from '../json/jackson-json-parser.js';
import { locText } from '../json/json-node.js';
import type { IndexSettings } from '../mapping/index-settings.js';
import { checkMappingLimits } from '../mapping/mapping-limits.js';
import { rootFieldsCount, type RootMapping } from '../mapping/mapping-types.js';
import { UnmodelledError } from '../unmodelled-error.js';
import { parseEntries } from './document-parser.js';
import { buildDynamicUpdate, mergeIntoRoot } from './dynamic-update.js';
import { documentParsing } from './parse-errors.js';
import { ParseState } from './parse-state.js';

export interface ParsedDocument {
  /** The mapping after this document's dynamic update (the same object if nothing was added). */
  readonly mapping: RootMapping;
  /** `_ignored`: fields dropped by ignore_above, ignore_malformed or ignore_dynamic_beyond_limit, sorted. */
  readonly ignored: string[];
}

/**
 * DocumentParser#parseDocument (8.16) followed by what TransportShardBulkAction does with the
 * result: the dynamic mapping update is merged into the index mapping (MapperService#merge,
 * MAPPING_AUTO_UPDATE_PREFLIGHT) and the limits are checked again. Throws EsFailure for a
 * refused document.
 *
 * The JSON is parsed whole before the walk, so a syntax error is reported even when an earlier
 * field would already have failed the document (Elasticsearch streams and stops at the first).
 */
export function parseDocument(text: string, root: RootMapping, settings: IndexSettings, id: string): ParsedDocument {
  if (text.length === 0) throw documentParsing({ line: 0, column: 0 }, 'failed to parse, document is empty');
  if (text.trim() === '') throw documentParsing(undefined, 'Malformed content, must start with an object');
  let parsed: ParsedJson;
  try {
    parsed = parseJackson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    const at = locText(e.loc);
    throw new EsFailure(esError('document_parsing_exception', `[${at}] failed to parse: [${at}] ${e.message}`, esError('x_content_parse_exception', `[${at}] ${e.message}`, undefined, true), true));
  }
  if (parsed.root.kind !== 'object') throw documentParsing(undefined, 'Malformed content, must start with an object');
  const state = new ParseState(root, settings, id);
  parseEntries({ state, parent: root, dynamic: root.dynamic ?? 'true', atRoot: true }, parsed.root.entries);
  if (parsed.trailingError) {
    const at = locText(parsed.trailingError.loc);
    throw new EsFailure(esError('document_parsing_exception', `[${at}] [${at}] ${parsed.trailingError.message}`, undefined, true));
  }
  // DocumentParser#validateEnd throws an IllegalArgumentException outside the parse try/catch
  if (parsed.trailing) throw new EsFailure(esError('illegal_argument_exception', `Malformed content, found extra data after parsing: ${parsed.trailing}`));
  const update = buildDynamicUpdate(state);
  let mapping = root;
  if (update) {
    mapping = mergeIntoRoot(root, update);
    if (settings.ignoreDynamicBeyondLimit && rootFieldsCount(mapping) > settings.totalFieldsLimit) {
      // MapperMergeContext's field budget then drops fields from the update instead of failing
      throw new UnmodelledError('a dynamic update beyond the field limit under ignore_dynamic_beyond_limit (the merge truncates it)', id);
    }
    checkMappingLimits(mapping, settings);
  }
  return { mapping, ignored: [...state.ignored].sort() };
}
