import { UnmodelledError } from '../unmodelled-error.js';

export interface MetadataField {
  readonly kind: 'metadata';
  readonly name: string;
}

/**
 * Metadata field mappers of a standard (non-time-series, stored-source) 8.x index whose
 * parseCreateField refuses any value in the document body ("Field [_routing] is a metadata
 * field and cannot be added inside a document", DocumentParserTests#testIncludeInObjectNotAllowed,
 * RoutingFieldMapperTests). RootDocumentParserContext#getMapper looks them up at the root only.
 */
const REFUSING = new Set(['_id', '_index', '_routing', '_source', '_ignored', '_field_names', '_seq_no', '_version', '_nested_path']);
/** Metadata fields with their own parsing or presence rules, not modelled. */
const UNMODELLED = new Set(['_doc_count', '_data_stream_timestamp', '_tier', '_feature', '_ignored_source', '_tsid', '_ts_routing_hash', '_primary_term']);

export function metadataField(name: string): MetadataField | undefined {
  if (REFUSING.has(name)) return { kind: 'metadata', name };
  if (UNMODELLED.has(name)) throw new UnmodelledError(`the metadata field [${name}] in a document`, name);
  return undefined;
}
