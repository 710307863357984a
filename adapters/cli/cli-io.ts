/**
 * What every `nhsai` command is given: where to write and the environment to read. In a module of
 * its own, so the commands need not import the dispatcher (run-cli.ts) that imports them.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}
