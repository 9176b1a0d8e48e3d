/**
 * Typed failures. Each kind maps to one CLI exit code (see cli/exit-codes.ts) and to one
 * plain-language message in the UI, so callers never parse message text.
 */
export type FailureKind =
  | 'usage'
  | 'unreadable-input'
  | 'elevation-declined'
  | 'blocked'
  | 'apply-failed'
  | 'not-allowed'
  | 'locked'
  | 'unexpected';

export class ExproxyError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ExproxyError';
  }
}

/** A file (or registry data) could not be understood; names where. */
export class UnreadableInputError extends ExproxyError {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super('unreadable-input', message, { file, line });
    this.name = 'UnreadableInputError';
  }
}
