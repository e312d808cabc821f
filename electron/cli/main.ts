// Entry point of the `advocate` command (bin/advocate.js loads it): runs one command line.
import { warmConvertPool } from '../engine/imports/convert-pool';

/** `advocate import …` (files into a case), not `case import` or `archive import`. */
const importsFiles = (argv: string[]) =>
  argv.some((arg, i) => arg === 'import' && !['case', 'archive'].includes(argv[i - 1] ?? ''));

/** Runs the command line `argv`; resolves with the process's exit code. */
export async function main(argv: string[], version: string): Promise<number> {
  // Most of a file import's time is the import workers starting and loading their readers:
  // start them now, while the rest of the CLI and the engine load on this thread.
  if (importsFiles(argv)) warmConvertPool(['docx']);
  const { runCli } = await import('./program');
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
