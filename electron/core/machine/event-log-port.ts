/**
 * The product's audit trail: on Windows the Application event log under the product's own
 * source, elsewhere (and as a fallback) a log file. Security teams read it to see who changed
 * LmCompatibilityLevel and why.
 */
export type EventLevel = 'information' | 'warning' | 'error';

export interface ProductEvent {
  /** 1–1000 (eventcreate's range); see change-events.ts for the meaning of each. */
  readonly id: number;
  readonly level: EventLevel;
  readonly message: string;
}

export interface EventLogPort {
  /** Where events go, for the output ("Windows Application log", a file path). */
  readonly where: string;
  write(event: ProductEvent): Promise<void>;
}
