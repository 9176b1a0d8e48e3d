/**
 * Windows `.reg` file codec: reads what `reg export` and regedit write (and hand-edited, joined
 * or partly damaged variants) and writes the same layout back byte for byte. The pieces:
 * reg-decode.ts (bytes <-> text), reg-parser.ts (text -> keys and values, with warnings),
 * reg-writer.ts (keys and values -> text) and reg-document.ts (patching a file in place).
 */
import { asciiLower } from './ascii-case';
import { splitKeyPath } from './key-path';
import { productMayWrite } from './reg-damage-policy';
import { decodeRegBytes } from './reg-decode';
import { asUnreadable } from './reg-errors';
import {
  REGEDIT5_FORMAT,
  type RegFile,
  type RegFileFormat,
  type RegKeyEntry,
  type RegValueEntry,
} from './reg-format';
import { parseRegTextDetailed, type ParseOptions } from './reg-parser';
import type { RegTree } from './reg-tree';

export {
  REGEDIT5_FORMAT,
  type RegFile,
  type RegFileEncoding,
  type RegFileFormat,
  type RegFileHeader,
  type RegFileWarning,
  type RegKeyEntry,
  type RegValueEntry,
} from './reg-format';
export { writeRegFile } from './reg-writer';

export interface RegParseOptions {
  /**
   * Values whose damage refuses the file instead of being skipped with a warning; default:
   * the values the product may write (reg-damage-policy.ts).
   */
  readonly mustRead?: ParseOptions['mustRead'];
}

/**
 * Parses `.reg` file bytes. Encoding: FF FE = UTF-16LE, EF BB BF = UTF-8, otherwise UTF-8 if
 * the bytes are valid UTF-8, else ANSI (Windows-1252). Throws only UnreadableInputError;
 * damaged values it skipped are in `warnings`.
 */
export function parseRegFile(bytes: Uint8Array, fileName?: string, options: RegParseOptions = {}): RegFile {
  const { text, encoding, bom } = decodeRegBytes(bytes, fileName);
  return parseRegText(
    text,
    { header: REGEDIT5_FORMAT.header, encoding, bom, eol: '\r\n' },
    fileName,
    options,
  );
}

/**
 * Parses decoded `.reg` text. The header and line ending are read from the text; `format`
 * supplies the encoding and BOM to record (and the line ending if the text has no line break).
 */
function parseRegText(
  text: string,
  format: RegFileFormat,
  fileName?: string,
  options: RegParseOptions = {},
): RegFile {
  try {
    const parsed = parseRegTextDetailed(text, { fileName, mustRead: options.mustRead ?? productMayWrite });
    return {
      format: {
        header: parsed.header,
        encoding: format.encoding,
        bom: format.bom,
        eol: parsed.eol ?? format.eol,
      },
      keys: parsed.keys,
      warnings: parsed.warnings,
    };
  } catch (e) {
    throw asUnreadable(e, fileName);
  }
}

// ---------------------------------------------------------------------------------------------
// Trees

/** The path of an existing key with the case stored in the tree, or undefined. */
function storedPath(tree: RegTree, path: string): string | undefined {
  const { hive, parts } = splitKeyPath(path);
  let node = tree.getKey(hive);
  if (!node) return undefined;
  // The hive's own name: a linked hive's key is named after what it links to.
  const names: string[] = [hive];
  for (const p of parts) {
    node = node.subkey(p);
    if (!node) return undefined;
    names.push(node.name);
  }
  return names.join('\\');
}

/** Every key under `roots` (default: the whole tree), parents first, in insertion order. */
export function regFileFromTree(
  tree: RegTree,
  format: RegFileFormat = REGEDIT5_FORMAT,
  roots?: readonly string[],
): RegFile {
  const keys: RegKeyEntry[] = [];
  const seen = new Set<string>();
  const starts: (string | undefined)[] = roots
    ? roots.map((r) => storedPath(tree, r)).filter((r) => r !== undefined)
    : [undefined];
  for (const start of starts) {
    for (const { path, key } of tree.walk(start)) {
      const id = asciiLower(path);
      if (seen.has(id)) continue;
      seen.add(id);
      const values: RegValueEntry[] = [];
      for (const { name, value } of key.values.values()) values.push({ name, value, line: 0 });
      keys.push({ path, deleteKey: false, line: 0, values });
    }
  }
  return { format, keys };
}

/** Applies the file like `reg import`: creates keys, sets and deletes values, `[-key]` removes a subtree. */
export function applyRegFileToTree(file: RegFile, tree: RegTree): void {
  for (const key of file.keys) {
    if (key.deleteKey) {
      tree.deleteKey(key.path);
      continue;
    }
    tree.ensureKey(key.path);
    for (const v of key.values) {
      if (v.value === null) tree.deleteValue(key.path, v.name);
      else tree.setValue(key.path, v.name, v.value);
    }
  }
}
