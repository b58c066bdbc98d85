/**
 * A request the application refuses because one field broke one rule. Throwing it (rather
 * than answering 400 by hand) lets the error recorder count it under
 * timetable_validation_errors_total{field, rule} and answer 400, in one place.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';
  /** Read by Express's final handler and by the error recorder. */
  readonly status = 400;

  constructor(
    /** The field's name, e.g. "startTime": a label, so never the offending value. */
    readonly field: string,
    /** The rule's name, e.g. "required" or "maxLength". */
    readonly rule: string,
    message = `${field}: ${rule}`,
  ) {
    super(message);
  }
}
