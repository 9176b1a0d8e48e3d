import { exec } from '@vscode/sudo-prompt';
import type { SudoExec } from './elevated-writer';

/** The real `@vscode/sudo-prompt` exec as a promise (UAC prompt on Windows). */
export const sudoPromptExec: SudoExec = (command, options) =>
  new Promise((resolve, reject) => {
    exec(command, { name: options.name }, (error, stdout, stderr) => {
      if (error) reject(error);
      else resolve({ stdout, stderr });
    });
  });
