import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/sample-machines';
import { NamedPipeMachineLock } from './named-pipe-lock';

// On Linux, node's net server listens on a Unix socket at the same API; the exclusive-first-
// instance behaviour and "gone with the process" are Windows pipe semantics, tested under Wine.
describe('NamedPipeMachineLock (the listen/ask protocol, on a local socket)', () => {
  it('one holder at a time; the second is told who holds it; release frees it', async () => {
    const pipe = join(tempDir(), 'lock.sock');
    const first = await new NamedPipeMachineLock(pipe).acquire('exproxy apply lmcompat-3');
    const err = await new NamedPipeMachineLock(pipe).acquire('the wizard: undo').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'locked' });
    expect((err as Error).message).toContain(`exproxy apply lmcompat-3, process ${process.pid}`);
    await first.release();
    const again = await new NamedPipeMachineLock(pipe).acquire('again');
    await again.release();
  });
});
