import type { Locale } from '../core/locale';
import type { Delivery } from '../shared/ipc-contract';

/** A file the wizard hands to the person (collect.cmd, a fix kit's .zip). */
export interface DeliveredFile {
  /** A plain file name, suggested in the save dialog or given to the download. */
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly mime: string;
  /** The language of the save dialog. */
  readonly locale: Locale;
}

/**
 * How the host hands a file over: Electron asks where to save it in its own dialog and
 * writes it there; the browser host returns the bytes for the page to download.
 */
export type FileDelivery = (file: DeliveredFile) => Promise<Delivery>;

/** The browser host's delivery: the bytes go back to the page, which downloads them. */
export const downloadDelivery: FileDelivery = async (file) => ({
  kind: 'download',
  name: file.name,
  mime: file.mime,
  base64: Buffer.from(file.bytes).toString('base64'),
});
