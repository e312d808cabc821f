// `advocate letter`: one letter to a file, a batch into a folder with progress, clear refusals.
import { docxText } from './letter-text';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { cli } from './run-cli';
import { clientWithCase } from './helpers';
import { fullLetterCase } from './letter-case';

let dir: string;
let db: string;
let ids: { caseId: number; recipientId: number; thinCaseId: number };
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'advocate-cli-letter-'));
  db = join(dir, 'library.sqlite');
  const engine = openEngine({ databasePath: db });
  const full = await fullLetterCase(engine, { paritySent: false });
  const thin = await clientWithCase(engine, { firstName: 'Lee' }, { memberId: null });
  ids = { ...full, thinCaseId: thin.case.id };
  engine.close();
});

describe('advocate letter', () => {
  it('writes one letter to the file named, and keeps it with the case', async () => {
    const out = join(dir, 'appeal.docx');
    const run = await cli(
      '--db',
      db,
      'letter',
      '--case',
      String(ids.caseId),
      '--kind',
      'appeal',
      '--to',
      String(ids.recipientId),
      '--out',
      out,
    );
    expect(run).toMatchObject({ code: 0, out: [out], err: [] });
    const value = await docxText(readFileSync(out));
    expect(value).toContain('UM-2024-55821');
    const engine = openEngine({ databasePath: db });
    expect(
      engine.db.prepare("SELECT count(*) FROM documents WHERE origin = 'generated'").pluck().get(),
    ).toBe(1);
    engine.close();
  });

  it('picks a template by name', async () => {
    const out = join(dir, 'x.docx');
    const run = await cli(
      '--db',
      db,
      'letter',
      '--case',
      String(ids.caseId),
      '--template',
      'letter to a lawmaker',
      '--to',
      String(ids.recipientId),
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    expect(await docxText(readFileSync(out))).toMatch(/constituent/i);
    const missing = await cli(
      '--db',
      db,
      'letter',
      '--case',
      String(ids.caseId),
      '--template',
      'No such',
      '--out',
      out,
    );
    expect(missing).toMatchObject({
      code: 1,
      err: ['advocate: There is no template named "No such".'],
    });
  });

  it('writes one letter per case into a folder, with progress, and names the gaps', async () => {
    const folder = join(dir, 'out');
    const mk = await cli(
      '--db',
      db,
      'letter',
      '--kind',
      'lawmaker',
      '--cases',
      'all',
      '--to',
      String(ids.recipientId),
      '--out-dir',
      folder,
    );
    // The folder does not exist yet: refused before any letter is made, in the cases or on disk.
    expect(mk.code).toBe(1);
    expect(mk.err).toEqual([
      `advocate: The folder ${folder} does not exist: create it first (no letter was written).`,
    ]);
    expect(existsSync(folder)).toBe(false);
    const before = openEngine({ databasePath: db });
    const generated = before.db
      .prepare("SELECT count(*) FROM documents WHERE origin = 'generated'")
      .pluck()
      .get();
    before.close();

    mkdirSync(folder);
    const run = await cli(
      '--db',
      db,
      'letter',
      '--kind',
      'lawmaker',
      '--cases',
      'all',
      '--to',
      String(ids.recipientId),
      '--out-dir',
      folder,
    );
    expect(run.code).toBe(0);
    expect(run.out).toEqual([`2 letters written to ${folder}, 0 failed`]);
    expect(run.err.filter((l) => /^letter \d of 2: case \d+ → /.test(l))).toHaveLength(2);
    expect(run.err.some((l) => l.startsWith(`case ${ids.thinCaseId}: `) && /gaps/.test(l))).toBe(
      true,
    );
    const files = readdirSync(folder);
    expect(files).toHaveLength(2);
    const after = openEngine({ databasePath: db });
    expect(
      after.db.prepare("SELECT count(*) FROM documents WHERE origin = 'generated'").pluck().get(),
    ).toBe((generated as number) + 2);
    after.close();
    expect(files.every((f) => f.endsWith('.docx') && existsSync(join(folder, f)))).toBe(true);
  });

  it('refuses unclear requests with a reason', async () => {
    expect((await cli('--db', db, 'letter', '--case', '1', '--out', 'x.docx')).err).toEqual([
      'advocate: Say which letter: --kind KIND or --template NAME.',
    ]);
    expect(
      (await cli('--db', db, 'letter', '--case', '1', '--kind', 'poem', '--out', 'x.docx')).err[0],
    ).toMatch(/"poem" is not a kind of letter/);
    expect((await cli('--db', db, 'letter', '--kind', 'appeal', '--cases', 'all')).err).toEqual([
      'advocate: Say which folder to write the letters to: --out-dir FOLDER.',
    ]);
    expect(
      (
        await cli(
          '--db',
          db,
          'letter',
          '--case',
          '999',
          '--kind',
          'appeal',
          '--out',
          join(dir, 'a.docx'),
        )
      ).err[0],
    ).toMatch(/No case with id 999/);
  });
});
