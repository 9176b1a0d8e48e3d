/** What the CLI touches of its process, injectable for tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Reads one line of input; null when there is no interactive input. */
  readonly ask: ((prompt: string) => Promise<string>) | null;
  readonly env: NodeJS.ProcessEnv;
}
