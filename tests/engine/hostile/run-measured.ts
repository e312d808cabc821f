// Runs measure-import.ts in a child process and reads back what it printed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { ApiReply } from '../../../electron/contract/errors';

const SCRIPT = join(process.cwd(), 'tests/engine/hostile/measure-import.ts');

export interface Measured {
  reply: ApiReply<unknown>;
  baseMb: number;
  peakMb: number;
  growthMb: number;
  ms: number;
}

/** Imports `file` in a child process (heap capped well below the machine) and measures it. */
export function measuredImport(
  kind: 'docx' | 'archive',
  databasePath: string,
  file: string,
  warmUp: string,
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', SCRIPT, kind, databasePath, file, warmUp],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code, signal) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as Measured);
      else reject(new Error(`measuring ${file} ended with ${signal ?? code}: ${err.slice(-2000)}`));
    });
  });
}
