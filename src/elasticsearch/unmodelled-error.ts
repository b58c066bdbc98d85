/**
 * Something in a template, a setting or a document that this model of Elasticsearch 8.17 does
 * not reproduce. It is thrown instead of guessing, so an unmodelled input can never pass as
 * "accepted": the caller sees what is missing and where it was met.
 */
export class UnmodelledError extends Error {
  constructor(
    /** What is not modelled, e.g. `mapping parameter [normalizer] of type [keyword]`. */
    readonly what: string,
    /** Where it was met: a field path, a settings key or `template.json`. */
    readonly where: string,
    readonly hint = 'model it in src/elasticsearch/ (from the Elasticsearch 8.17 source) or remove it',
  ) {
    super(`not modelled: ${what} (at ${where}); ${hint}`);
    this.name = 'UnmodelledError';
  }
}
