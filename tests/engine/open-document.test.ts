// "Open in Word": the copy handed to the opener lives in a private folder of the user's own, is
// never written through a link or over a file already there, and does not outlive its use; the
// opener gets the path as data, never as something a shell could run.
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import {
  OPENER_GRACE_MS,
  openCopiesFolder,
  tidyOpenedCopies,
} from '../../electron/engine/documents/open-document';
import {
  OPEN_PATH_VARIABLE,
  openerCommand,
  systemOpener,
} from '../../electron/engine/documents/system-opener';
import { cleanup, clientWithCase, fails, ok, tempDir } from './helpers';

const posix = process.platform !== 'win32';
const uid = typeof process.getuid === 'function' ? process.getuid() : -1;
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

let temp = '';
let savedTmp: string | undefined;
beforeEach(() => {
  // The system temp folder for this test: os.tmpdir() reads TMPDIR.
  savedTmp = process.env.TMPDIR;
  temp = tempDir();
  process.env.TMPDIR = temp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  cleanup();
});

/** An engine whose opener records what it was given, with one imported-looking document. */
async function withDocument(fileName = 'denial letter.docx') {
  const opened: string[] = [];
  const engine = openEngine({
    databasePath: join(tempDir(), 'case-library.sqlite'),
    openFile: async (path) => {
      opened.push(path);
    },
  });
  const { case: kase } = await clientWithCase(engine);
  const letter = await ok(engine, 'letters.generate', { caseId: kase.id, kind: 'appeal' });
  engine.db
    .prepare('UPDATE documents SET file_name = ? WHERE id = ?')
    .run(fileName, letter.documentId);
  return { engine, opened, id: letter.documentId };
}

describe.runIf(posix)('the folder opened copies go in', () => {
  it('is made 0700 for this user, and each copy is 0600 in a fresh folder of its own', async () => {
    const { engine, opened, id } = await withDocument();
    try {
      const first = await ok(engine, 'documents.open', { id });
      const second = await ok(engine, 'documents.open', { id });
      expect(opened).toEqual([first.path, second.path]);
      // Never the same file twice: an earlier copy (maybe open in Word) is not overwritten.
      expect(first.path).not.toBe(second.path);
      const folder = dirname(dirname(first.path));
      expect(folder).toBe(join(temp, `advocate-desk-open-${uid}`));
      expect(modeOf(folder)).toBe('700');
      expect(modeOf(dirname(first.path))).toBe('700');
      expect(modeOf(first.path)).toBe('600');
      expect(first.path.endsWith('denial letter.docx')).toBe(true);
      expect(readFileSync(first.path).subarray(0, 2).toString()).toBe('PK');
    } finally {
      engine.close();
    }
  });

  it('refuses a link another user planted in its place, and writes nothing through it', async () => {
    const victim = tempDir();
    for (const name of [`advocate-desk-open-${uid}`, 'advocate-desk-open']) {
      symlinkSync(victim, join(temp, name));
    }
    const { engine, opened, id } = await withDocument();
    try {
      const error = await fails(engine, 'documents.open', { id });
      expect(error.message).toMatch(/is not a folder/);
      expect(opened).toEqual([]);
      expect(readdirSync(victim)).toEqual([]);
    } finally {
      engine.close();
    }
  });

  it.runIf(uid === 0)(
    "refuses a folder that belongs to another user, even if it's open to all",
    async () => {
      for (const name of [`advocate-desk-open-${uid}`, 'advocate-desk-open']) {
        const planted = join(temp, name);
        mkdirSync(planted);
        chmodSync(planted, 0o777);
        chownSync(planted, 65534, 65534);
      }
      const { engine, opened, id } = await withDocument();
      try {
        const error = await fails(engine, 'documents.open', { id });
        expect(error.message).toMatch(/belongs to another user/);
        expect(opened).toEqual([]);
      } finally {
        engine.close();
      }
    },
  );

  it('refuses a folder that is not the given user’s (any user, not only as root)', () => {
    mkdirSync(join(temp, `advocate-desk-open-${uid + 1}`));
    expect(() => openCopiesFolder(temp, uid + 1)).toThrow(/belongs to another user/);
  });

  it('never writes into a file planted under the name a copy used to get', async () => {
    const { engine, id } = await withDocument();
    try {
      // Earlier versions wrote <tmp>/advocate-desk-open/<id>-<name>; a file planted there, open
      // to everyone, stays as it was.
      const old = join(temp, 'advocate-desk-open');
      mkdirSync(old, { mode: 0o777 });
      const planted = join(old, `${id}-denial letter.docx`);
      writeFileSync(planted, 'planted', { mode: 0o666 });
      const { path } = await ok(engine, 'documents.open', { id });
      expect(path).not.toBe(planted);
      expect(readFileSync(planted, 'utf8')).toBe('planted');
    } finally {
      engine.close();
    }
  });
});

describe('copies do not outlive their use', () => {
  it('removes an hour-old copy when a door next starts, and its own copies when it closes', async () => {
    const { engine, id } = await withDocument();
    const { path: old } = await ok(engine, 'documents.open', { id });
    const { path: recent } = await ok(engine, 'documents.open', { id });
    engine.close();
    // Closing straight after opening leaves the opener time to read the copy.
    expect(existsSync(recent)).toBe(true);
    tidyOpenedCopies('close', Date.now() + OPENER_GRACE_MS + 1000);
    expect(existsSync(recent)).toBe(false);

    // A copy another door made (not this process's) is left at close, and removed at the next
    // start once it is an hour old.
    const folder = dirname(dirname(old));
    const other = join(folder, '99-abcdef');
    mkdirSync(other);
    writeFileSync(join(other, 'x.docx'), 'x');
    tidyOpenedCopies('close', Date.now() + OPENER_GRACE_MS + 1000);
    expect(existsSync(other)).toBe(true);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(other, 'x.docx'), twoHoursAgo, twoHoursAgo);
    utimesSync(other, twoHoursAgo, twoHoursAgo);
    const next: Engine = openEngine({ databasePath: join(tempDir(), 'case-library.sqlite') });
    next.close();
    expect(existsSync(other)).toBe(false);
  });
});

describe('the system opener gets the path as data', () => {
  const hostile = ['a&calc.docx', '%COMSPEC%.docx', '"quoted".docx', 'with spaces & more.docx'];

  it.each(hostile)(
    'Windows: %s reaches PowerShell only as a literal, never on a command line',
    (name) => {
      const path = `C:\\Users\\Ana\\AppData\\Local\\Temp\\advocate-desk-open\\7-x\\${name}`;
      const { command, args, env } = openerCommand(path, 'win32', { SystemRoot: 'C:\\Windows' });
      expect(command).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
      expect(args.join(' ')).not.toContain(name);
      expect(args).toEqual([
        '-NoProfile',
        '-NonInteractive',
        '-Command',
        `Invoke-Item -LiteralPath $env:${OPEN_PATH_VARIABLE}`,
      ]);
      expect(env).toEqual({ [OPEN_PATH_VARIABLE]: path });
    },
  );

  it.each(hostile)('macOS and Linux: %s is one argument, unchanged', (name) => {
    const path = `/tmp/advocate-desk-open-501/7-x/${name}`;
    expect(openerCommand(path, 'darwin', {})).toEqual({
      command: '/usr/bin/open',
      args: [path],
      env: {},
    });
    expect(openerCommand(path, 'linux', {})).toEqual({
      command: 'xdg-open',
      args: [path],
      env: {},
    });
  });

  it('refuses a relative path, which an opener could read as an option', () => {
    expect(() => openerCommand('-a Calculator', 'darwin', {})).toThrow(/not an absolute path/);
    expect(() => openerCommand('a&calc.docx', 'win32', {})).toThrow(/not an absolute path/);
  });

  it.runIf(posix)('runs the opener without a shell: a hostile name runs nothing', async () => {
    const dir = tempDir();
    const log = join(dir, 'argv.json');
    const opener = join(dir, 'opener.js');
    writeFileSync(
      opener,
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)));\n`,
    );
    chmodSync(opener, 0o755);
    // Run by a shell, this would write "pwned" files into the working folder.
    const file = join(dir, 'a&echo x>pwned;$(echo x>pwned2) %COMSPEC% "q".docx');
    writeFileSync(file, 'x');
    const saved = process.env.ADVOCATE_DESK_OPENER;
    process.env.ADVOCATE_DESK_OPENER = opener;
    try {
      await systemOpener(file);
    } finally {
      if (saved === undefined) delete process.env.ADVOCATE_DESK_OPENER;
      else process.env.ADVOCATE_DESK_OPENER = saved;
    }
    await expect.poll(() => existsSync(log)).toBe(true);
    expect(JSON.parse(readFileSync(log, 'utf8'))).toEqual([file]);
    for (const where of [dir, process.cwd()]) {
      expect(existsSync(join(where, 'pwned'))).toBe(false);
      expect(existsSync(join(where, 'pwned2'))).toBe(false);
    }
  });
});
