import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KitLogEntry } from '../shared/ipc-contract';

/** In the state folder, beside the journal: one JSON object per line, only ever appended to. */
export const KIT_LOG_FILE = 'kits.log';

function isEntry(v: unknown): v is KitLogEntry {
  if (!v || typeof v !== 'object') return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.createdAt === 'string' &&
    typeof e.folder === 'string' &&
    Array.isArray(e.fixes) &&
    Array.isArray(e.changes)
  );
}

/**
 * Records a kit made here for another PC. Append-only (one `write` of one line), so a crash
 * can at worst leave a torn last line, which `readKitLog` skips; nothing is ever rewritten.
 */
export function appendKitLog(stateDir: string, entry: KitLogEntry): void {
  mkdirSync(stateDir, { recursive: true });
  appendFileSync(join(stateDir, KIT_LOG_FILE), `${JSON.stringify(entry)}\n`, {
    encoding: 'utf8',
    mode: 0o600,
  });
}

/** The kits made here, newest first (as History lists the journal); unreadable lines are skipped. */
export function readKitLog(stateDir: string): KitLogEntry[] {
  let text: string;
  try {
    text = readFileSync(join(stateDir, KIT_LOG_FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: KitLogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (isEntry(v)) entries.push(v);
    } catch {
      /* a torn line from an interrupted write */
    }
  }
  return entries.reverse();
}
