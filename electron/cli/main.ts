// Entry point of the `advocate` command (bin/advocate.js loads it): runs one command line.
import { runCli } from './program';

/** Runs the command line `argv`; resolves with the process's exit code. */
export function main(argv: string[], version: string): Promise<number> {
  // `advocate search x | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return runCli(
    argv,
    {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
    version,
  );
}
