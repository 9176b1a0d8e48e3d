/** A failed call, the same shape for both transports: `kind` is stable, `message` is for people. */
export class ApiError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('unexpected', e instanceof Error ? e.message : String(e));
}
