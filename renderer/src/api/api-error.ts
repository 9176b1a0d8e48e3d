/** A failed call, the same shape for both transports: `kind` is stable, `message` is for people. */
export class ApiError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Electron's contextBridge keeps only an Error's message, so the preload sends "[kind] message". */
  static fromElectron(e: unknown): ApiError {
    if (e instanceof ApiError) return e;
    const raw = e instanceof Error ? e.message : String(e);
    // Electron prefixes remote errors with "Error invoking remote method '…': ".
    const m = /\[([a-z-]+)\]\s*([\s\S]*)$/.exec(raw);
    return m ? new ApiError(m[1]!, m[2]!.trim()) : new ApiError('unexpected', raw);
  }
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError('unexpected', e instanceof Error ? e.message : String(e));
}
