import type { ServerEvent } from './system-port';

/** Recent Application-log events (wevtutil on Windows; machine.json on a simulated machine). */
export interface ServerEventsPort {
  /** Events matching an XPath filter over the Application log, newest first. */
  query(xpath: string): Promise<ServerEvent[]>;
}
