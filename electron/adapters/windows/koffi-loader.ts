/**
 * koffi (the FFI library the credential store and the domain check call Windows through) is
 * loaded only on Windows and only when first needed: it is a native module, and nothing else in
 * the app or the CLI should pay for it or fail for it. The bundles keep it external
 * (scripts/build.mjs), so the packaged app loads it from node_modules, its prebuilt
 * `@koromix/koffi-win32-x64` unpacked beside app.asar.
 */
import { createRequire } from 'node:module';
import { ExproxyError } from '../../core/errors';
import type { KoffiLike } from './credential-store';

let loaded: Promise<KoffiLike> | null = null;

export function loadKoffi(): Promise<KoffiLike> {
  if (process.platform !== 'win32')
    return Promise.reject(
      new ExproxyError('unexpected', 'The Windows credential API exists only on Windows.'),
    );
  // require, not import(): koffi's CommonJS entry loads its native module with require, which
  // Electron redirects from app.asar to app.asar.unpacked (its ESM loader is not needed here).
  loaded ??= Promise.resolve().then(() => createRequire(__filename)('koffi') as KoffiLike);
  return loaded;
}
