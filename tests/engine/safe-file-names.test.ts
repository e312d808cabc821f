// File names from documents cannot write outside the folder the user chose, nor replace a file.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { documentQueries } from '../../electron/engine/documents/queries';
import { pathInside, safeFileName } from '../../electron/security/safe-file-name';
import { cleanup, clientWithCase, fails, ok, tempDir, tempEngine } from './helpers';

afterEach(cleanup);

describe('safe file names', () => {
  it('keeps only a plain name: no folders, no traversal, no reserved names or characters', () => {
    expect(safeFileName('../../.bashrc')).toBe('bashrc');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Windows\\System32\\evil.dll')).toBe('evil.dll');
    expect(safeFileName('..')).toBe('document');
    expect(safeFileName('CON.docx')).toBe('_CON.docx');
    expect(safeFileName('a\u0000b<c>d:e"f|g?h*.docx')).toBe('a_b_c_d_e_f_g_h_.docx');
    expect(safeFileName('trailing dots... ')).toBe('trailing dots');
    const long = safeFileName(`${'x'.repeat(400)}.docx`);
    expect(long.length).toBe(180);
    expect(long.endsWith('.docx')).toBe(true);
    expect(() => pathInside('/safe/folder', '../../x')).not.toThrow();
    expect(pathInside('/safe/folder', '../../x')).toBe('/safe/folder/x');
  });
});

describe('saving a case’s originals to a folder', () => {
  it('writes every document inside the folder, under safe names, replacing nothing', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const names = ['../../escape.docx', '/tmp/absolute.docx', 'same.docx', 'same.docx', '..'];
    engine.db.transaction(() => {
      names.forEach((fileName, i) =>
        documentQueries(engine.db).add({
          caseId: kase.id,
          fileName,
          mediaType: 'application/octet-stream',
          origin: 'imported',
          text: null,
          note: null,
          bytes: Buffer.from(`document ${i}`),
        }),
      );
    })();
    const parent = tempDir();
    const folder = join(parent, 'chosen');
    // Someone planted a link where a document's name would land, and a file already there.
    const outside = join(parent, 'outside.txt');
    writeFileSync(outside, 'untouched');
    mkdirSync(folder);
    symlinkSync(outside, join(folder, 'escape.docx'));
    writeFileSync(join(folder, 'absolute.docx'), 'the user’s own file');

    const saved = await ok(engine, 'documents.saveOriginals', { caseId: kase.id, folder });
    expect(saved.files).toHaveLength(5);
    for (const f of saved.files) expect(f.startsWith(folder + '/')).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(
      [
        'absolute (2).docx',
        'absolute.docx',
        'document',
        'escape (2).docx',
        'escape.docx',
        'same (2).docx',
        'same.docx',
      ].sort(),
    );
    expect(readFileSync(outside, 'utf8')).toBe('untouched');
    expect(readFileSync(join(folder, 'absolute.docx'), 'utf8')).toBe('the user’s own file');
    expect(readFileSync(join(folder, 'escape (2).docx'), 'utf8')).toBe('document 0');
    expect(existsSync(join(parent, 'escape.docx'))).toBe(false);
    expect((await fails(engine, 'documents.saveOriginals', { caseId: 999, folder })).code).toBe(
      'not-found',
    );
  });
});
