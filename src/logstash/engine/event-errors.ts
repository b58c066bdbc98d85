/**
 * The exceptions logstash-core's Event throws, with its messages, so plugins (and tests) can
 * tell them apart and Logstash's log lines can quote them exactly.
 */

/** FieldReference.IllegalSyntaxException (logstash-core v8.17.4 FieldReference.java:372). */
export class FieldReferenceError extends Error {
  constructor(readonly reference: string) {
    super(`Invalid FieldReference: \`${reference}\``);
    this.name = 'FieldReferenceError';
  }
}

/**
 * Accessors.InvalidFieldSetException (Accessors.java:118-128): setting a child of something
 * that is neither a hash nor an array. `target` and `value` are Java's toString of the parent
 * and of the new value (the engine renders them as Java does); the missing spaces are Logstash's own.
 */
export class InvalidFieldSetError extends Error {
  constructor(
    readonly key: string,
    readonly target: string,
    readonly value: string,
  ) {
    super(
      `Could not set field '${key}' on object '${target}' to value '${value}'.` +
        'This is probably due to trying to set a field like [foo][bar] = someValue' +
        'when [foo] is not either a map or a string',
    );
    this.name = 'InvalidFieldSetError';
  }
}
