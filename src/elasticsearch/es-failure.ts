/**
 * An error as Elasticsearch reports it in a bulk item or a REST response: `type` is the
 * exception class in snake case (ElasticsearchException#getExceptionName), `reason` its
 * message, `causedBy` the cause chain. `approximate` marks reasons whose exact text this
 * model cannot reproduce (Jackson's messages, which quote the source; Java Set.of order);
 * the type and the accept/reject decision are still the engine's.
 */
export interface EsError {
  readonly type: string;
  readonly reason: string;
  readonly causedBy?: EsError;
  readonly approximate?: true;
}

/** Thrown inside the model; the cluster turns it into `{accepted: false, status, ...}`. */
export class EsFailure extends Error {
  constructor(
    readonly error: EsError,
    readonly status = 400,
  ) {
    super(`${error.type}: ${error.reason}`);
    this.name = 'EsFailure';
  }
}

export function esError(type: string, reason: string, causedBy?: EsError, approximate?: boolean): EsError {
  return {
    type,
    reason,
    ...(causedBy ? { causedBy } : {}),
    ...(approximate || causedBy?.approximate ? { approximate: true as const } : {}),
  };
}

/** IllegalArgumentException, the commonest cause in the mapper code. */
export function illegalArgument(reason: string, approximate?: boolean): EsError {
  return esError('illegal_argument_exception', reason, undefined, approximate);
}
