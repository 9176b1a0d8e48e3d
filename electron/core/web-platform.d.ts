/**
 * The few Web platform APIs the core uses, present alike in Node, Electron and the browser.
 * The core's own tsconfig has no DOM and no Node types, so anything else it reaches for is a
 * compile error there (`tsc -p electron/core/tsconfig.json`, run by `npm test`).
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class URL {
  constructor(url: string, base?: string);
  readonly hostname: string;
  readonly host: string;
  readonly href: string;
}
interface AbortSignal {
  readonly aborted: boolean;
}
declare function structuredClone<T>(value: T): T;
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T;
  readonly subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
};
