/**
 * Java's IllegalArgumentException and its subclasses (NumberFormatException, Joda's
 * IllegalFieldValueException and IllegalInstantException): what DateFilter.java:111 catches to
 * try the next format. Anything else thrown while parsing escapes the filter, as in Logstash.
 */
export class IllegalArgumentError extends Error {
  constructor(
    message: string,
    readonly javaClass = 'java.lang.IllegalArgumentException',
  ) {
    super(message);
    this.name = 'IllegalArgumentError';
  }
}

/** Joda's FormatUtils.createErrorMessage (the text of a failed parse). */
export function invalidFormat(text: string, errorPos: number): IllegalArgumentError {
  const sampleLen = errorPos + 32;
  const sample = text.length <= sampleLen + 3 ? text : `${text.slice(0, sampleLen)}...`;
  if (errorPos <= 0) return new IllegalArgumentError(`Invalid format: "${sample}"`);
  if (errorPos >= text.length) return new IllegalArgumentError(`Invalid format: "${sample}" is too short`);
  return new IllegalArgumentError(`Invalid format: "${sample}" is malformed at "${sample.slice(errorPos)}"`);
}
