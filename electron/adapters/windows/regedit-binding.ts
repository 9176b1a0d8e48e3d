import type { RegeditApi, RegeditArch, RegeditItem, RegeditValue } from './regedit-registry';

/** A readable object stream, as regedit's streaming `list` returns it. */
interface ObjectStream {
  on(event: 'data', listener: (entry: { key: string; data: RegeditItem }) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  on(event: 'end', listener: () => void): this;
}

/** The members of the npm `regedit` module (5.x) the binding calls. */
export interface RegeditModule {
  /** Without a callback, `list` returns a stream and sends the keys on cscript's stdin. */
  list(keys: string[], architecture: string): unknown;
  promisified: {
    putValue(map: Record<string, Record<string, RegeditValue>>, architecture: string): Promise<void>;
    deleteValue(keys: string[], architecture: string): Promise<void>;
  };
  setExternalVBSLocation(location: string): string;
}

/**
 * Binds the real `regedit` module to RegeditApi.
 *
 * `list` uses regedit's streaming form rather than `promisified.list`: the promisified form
 * puts every key on cscript's command line, which Windows caps at 32,767 characters (about
 * 200 profile keys) and which cscript's own argument parsing trims and splits at quotes.
 * The streaming form sends the keys on stdin (URL-escaped), one process for any number.
 * (Also: regedit.d.ts declares `promisified.arch.*`, which does not exist at run time; the
 * architecture is passed as an argument instead.)
 */
export function regeditApi(regedit: RegeditModule): RegeditApi {
  return {
    list(keys: readonly string[], arch: RegeditArch): Promise<Record<string, RegeditItem>> {
      if (keys.length === 0) return Promise.resolve({});
      return new Promise((resolve, reject) => {
        const items: RegeditItem[] = [];
        let settled = false;
        const fail = (error: Error): void => {
          if (settled) return;
          settled = true;
          reject(
            items.length === 0
              ? Object.assign(new Error(`Windows Script Host produced no output: ${error.message}`), {
                  code: (error as { code?: unknown }).code,
                })
              : error,
          );
        };
        // regedit writes the array to stdin from its end (Array.pop) and empties it:
        // hand it a reversed copy so the answers come back in our order.
        const stream = regedit.list([...keys].reverse(), arch) as ObjectStream;
        stream.on('data', (entry) => items.push(entry.data));
        stream.on('error', fail);
        stream.on('end', () => {
          if (items.length === keys.length) {
            if (settled) return;
            settled = true;
            resolve(Object.fromEntries(keys.map((k, i) => [k, items[i]!])));
          } else {
            // The exit code arrives after the output ends; give it a moment to explain.
            setTimeout(() => fail(new Error(`cscript listed ${items.length} of ${keys.length} keys`)), 1000);
          }
        });
      });
    },
    putValue: (map, arch) => regedit.promisified.putValue(map, arch),
    deleteValue: (keys, arch) => regedit.promisified.deleteValue([...keys], arch),
  };
}
