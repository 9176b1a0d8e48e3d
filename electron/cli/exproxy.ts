import { createInterface } from 'node:readline/promises';
import { runCommands } from '../services/commands/run-commands';

async function ask(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

void runCommands(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  ask: process.stdin.isTTY ? ask : null,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
