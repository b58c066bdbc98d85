import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ConfigError } from './config-error.js';

/**
 * Parses strict JSON (no comments, no trailing commas), turning the first syntax error into a
 * ConfigError with line and column; Node's JSON.parse reports no position on Node 20.
 */
export function parseJsonFile(file: string, text: string): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const before = text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = first.offset - before.lastIndexOf('\n');
    throw new ConfigError(
      file,
      `JSON syntax error: ${describe(printParseErrorCode(first.error))}`,
      'fix the JSON at that position (a trailing comma or a missing quote are the usual causes)',
      line,
      column,
    );
  }
  return value;
}

/** `PropertyNameExpected` → `property name expected`. */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
