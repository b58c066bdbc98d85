import type { Loc } from './json-node.js';

/**
 * A JSON syntax error as Jackson would raise it. The message follows Jackson's wording where
 * it matters little and is marked approximate by the caller: Jackson appends
 * " at [Source: ...; line: L, column: C]", quoting the document, which is not reproduced.
 */
export class JsonSyntaxError extends Error {
  constructor(
    readonly loc: Loc,
    message: string,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}
