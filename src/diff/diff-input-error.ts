/**
 * Input the diff cannot work with: an unknown revision, a revision without the configs, a
 * scenario that does not load, a side whose rules promtool cannot read. The CLI prints the
 * message and its hint and exits 2, so CI never mistakes "could not compare" for "no change".
 */
export class DiffInputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DiffInputError';
  }
}
