import { JournalFileStore } from '../../adapters/node';
import { stateFolderGuard } from '../state-folders';
import type { CommandContext } from './command-context';
import { EXIT } from './exit-codes';

/** `exproxy history`: every change in the journal, newest first, and what could not be read. */
export async function historyCommand(c: CommandContext): Promise<number> {
  const stateDir = c.stateDir();
  await stateFolderGuard().prepare(stateDir, c.stateScope());
  const { records, damaged } = await new JournalFileStore(stateDir).inspect();
  if (c.v.json) c.json(records);
  else {
    c.io.out(c.t('stateDir', { dir: stateDir }));
    for (const r of records) {
      const removed = (r.removals ?? []).filter((x) => x.removed).length;
      const note = removed > 0 ? c.t('causes.historyRemoved', { count: removed }) : '';
      c.io.out(`${r.id}  ${r.createdAt}  ${r.state.padEnd(18)} ${r.fixes.join(' ')}${note}`);
    }
  }
  for (const d of damaged) c.io.err(c.t('damagedRecord', { file: d.file, reason: d.reason }));
  return EXIT.ok;
}
