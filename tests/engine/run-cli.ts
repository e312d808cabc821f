// Runs the advocate CLI in-process and collects what it prints, for the CLI tests.
import { runCli } from '../../electron/cli/program';

export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}
