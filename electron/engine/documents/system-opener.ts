// The computer's own opener for a file ("Open in Word" from the browser host and the CLI; the
// Electron shell uses shell.openPath). No shell ever sees the path: a file name is data, and
// "a&calc.docx" or "%COMSPEC%.docx" must not run anything.
import { spawn } from 'node:child_process';
import { isAbsolute, win32 } from 'node:path';

/** Opens a file with the system's default app; the Electron shell passes shell.openPath. */
export type OpenFile = (path: string) => Promise<void>;

/** The environment variable that carries the path to PowerShell on Windows. */
export const OPEN_PATH_VARIABLE = 'ADVOCATE_DESK_OPEN_PATH';

export interface OpenerCommand {
  command: string;
  args: string[];
  /** Added to the child's environment. */
  env: Record<string, string>;
}

/**
 * The program and arguments that open `path` (absolute) on `platform`; spawned without a shell.
 * On Windows the path travels in an environment variable that PowerShell reads as a literal
 * (`Invoke-Item -LiteralPath`): it is never part of a command line that cmd, PowerShell or the
 * program's own argument parser could read meaning into. On macOS and Linux it is one argv entry.
 */
export function openerCommand(
  path: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): OpenerCommand {
  const absolute = platform === 'win32' ? win32.isAbsolute(path) : isAbsolute(path);
  // Absolute, so it can never be read as an option ("-a", "--help").
  if (!absolute) throw new Error(`${path} is not an absolute path`);
  const custom = env.ADVOCATE_DESK_OPENER;
  if (custom) return { command: custom, args: [path], env: {} };
  if (platform === 'darwin') return { command: '/usr/bin/open', args: [path], env: {} };
  if (platform === 'win32') {
    const root = env.SystemRoot || env.windir || 'C:\\Windows';
    return {
      command: win32.join(root, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe'),
      args: [
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `Invoke-Item -LiteralPath $env:${OPEN_PATH_VARIABLE}`,
      ],
      env: { [OPEN_PATH_VARIABLE]: path },
    };
  }
  return { command: 'xdg-open', args: [path], env: {} };
}

/** The system's own opener: `open` on macOS, Invoke-Item on Windows, `xdg-open` elsewhere. */
export const systemOpener: OpenFile = (path) => {
  const { command, args, env } = openerCommand(path);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: 'ignore',
      detached: true,
      shell: false,
      windowsHide: true,
      env: { ...process.env, ...env },
    });
    child.once('error', (error) => reject(new Error(`no app to open it with (${error.message})`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
};
