import { esError, EsFailure, type EsError } from '../es-failure.js';
import { locText, type Loc } from '../json/json-node.js';

/**
 * DocumentParsingException (server/.../index/mapper/DocumentParsingException.java): the message
 * is prefixed with "[line:column] " unless the location is unknown; status 400.
 */
export function documentParsing(loc: Loc | undefined, message: string, cause?: EsError, approximate?: boolean): EsFailure {
  return new EsFailure(esError('document_parsing_exception', loc ? `[${locText(loc)}] ${message}` : message, cause, approximate));
}

/**
 * DocumentParser#wrapInDocumentParsingException: any other exception thrown while parsing
 * becomes "failed to parse: <its message>" at the parser's current token.
 */
export function failedToParse(loc: Loc, cause: EsError): EsFailure {
  return documentParsing(loc, `failed to parse: ${cause.reason}`, cause);
}
