import type { ProviderReading } from './iis-providers';

/** What IIS on this server offers for Windows authentication on one Exchange directory. */
export interface IisAuthReading extends ProviderReading {
  /** The IIS path read, e.g. "Default Web Site/Exchange" or "W3SVC/1/ROOT/Exchange". */
  readonly site: string;
  readonly source: 'appcmd' | 'adsutil' | 'simulated';
}

/** Reads IIS authentication settings where the tools exist; an empty list elsewhere (a client PC). */
export interface IisAuthReader {
  read(): Promise<IisAuthReading[]>;
}
