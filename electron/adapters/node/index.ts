/** The Node adapters' public surface: what services may use (lint forbids reaching past it). */
export { writeFileAtomic } from './atomic-file';
export { FileEventLog } from './file-event-log';
export { HttpsProbe } from './https-probe';
export { JournalFileStore } from './journal-file-store';
export { PosixStateFolder } from './posix-state-folder';
