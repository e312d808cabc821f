// Hostile files: zip bombs whose headers lie about their sizes, and paths that are not files at
// all (devices, named pipes, sockets, links to them). Each is refused with a message naming the
// file and the problem, within bounded memory, and writes nothing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempDir, tempEngine } from './helpers';
import { measuredImport } from './hostile/run-measured';
import { docxBomb, lyingZip } from './hostile/zip-bombs';

afterEach(cleanup);

const CLINICAL = join(process.cwd(), '../shared/fixtures/word/clinical');
const REAL = join(CLINICAL, 'intake-form.docx');
const MB = 1024 * 1024;
/** What the importing process may grow by on a bomb: the limits' worth, far below the bomb. */
const BOUNDED_GROWTH_MB = 300;

describe('a .docx whose zip lies about its sizes', () => {
  it('is stopped while inflating, in bounded memory, and named with its problem', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'clinic-notes.docx');
    // 2 kB declared, 1 GB really inside: about 1 MB on disk, under every declared-size check.
    writeFileSync(bomb, docxBomb(1024 * MB));
    const m = await measuredImport('docx', join(dir, 'lib.sqlite'), bomb, REAL);
    console.info(
      `docx bomb (1 GB in 1 MB): RSS ${m.baseMb} → ${m.peakMb} MB (+${m.growthMb} MB), ${m.ms} ms`,
    );
    expect(m.reply.ok).toBe(true);
    const value = m.reply.ok
      ? (m.reply.value as { imported: unknown[]; refused: unknown[] })
      : null;
    expect(value?.imported).toEqual([]);
    expect(value?.refused).toEqual([
      {
        path: bomb,
        problem: expect.stringMatching(/word\/document\.xml unpacks to more than.*zip bomb/),
      },
    ]);
    expect(m.growthMb).toBeLessThan(BOUNDED_GROWTH_MB);
  }, 120_000);

  it('is stopped at the total limit when many parts each stay under their own', async () => {
    const dir = tempDir();
    const bomb = join(dir, 'many-parts.docx');
    // Twelve parts of 40 MB, each honest about nothing: together past the 250 MB total.
    writeFileSync(
      bomb,
      lyingZip([
        { name: 'word/document.xml', content: Buffer.from('<w:document/>') },
        ...Array.from({ length: 12 }, (_, i) => ({
          name: `word/media/image${i}.png`,
          content: 40 * MB,
          declares: 1000,
        })),
      ]),
    );
    const m = await measuredImport('docx', join(dir, 'lib.sqlite'), bomb, REAL);
    console.info(`docx bomb (12 × 40 MB): RSS +${m.growthMb} MB, ${m.ms} ms`);
    const value = m.reply.ok ? (m.reply.value as { refused: { problem: string }[] }) : null;
    expect(value?.refused[0]?.problem).toMatch(/zip bomb/);
    expect(m.growthMb).toBeLessThan(BOUNDED_GROWTH_MB);
  }, 120_000);

  it('refuses a .docx holding two parts of the same name, and a lying letterhead', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const dir = tempDir();
    const twice = join(dir, 'twice.docx');
    writeFileSync(
      twice,
      lyingZip([
        { name: 'word/document.xml', content: Buffer.from('<w:document/>') },
        { name: 'word/document.xml', content: Buffer.from('<w:document>other</w:document>') },
      ]),
    );
    const before = rowCounts(engine);
    const summary = await ok(engine, 'documents.import', { caseId: kase.id, paths: [twice] });
    expect(summary.refused[0]?.problem).toMatch(/two parts named word\/document\.xml/);
    const error = await fails(engine, 'letterhead.set', {
      fileName: 'paper.docx',
      contentBase64: docxBomb(64 * MB).toString('base64'),
    });
    expect(error.message).toMatch(/^paper\.docx cannot be used: .*zip bomb/);
    expect(rowCounts(engine)).toEqual(before);
  });
});

/** A path of each kind that is not a file, and a link to /dev/zero that looks like a .docx. */
async function notFiles(dir: string) {
  const paths = {
    zeroLink: join(dir, 'zero.docx'),
    fifo: join(dir, 'pipe.docx'),
    socket: join(dir, 'sock.docx'),
  };
  symlinkSync('/dev/zero', paths.zeroLink);
  execFileSync('mkfifo', [paths.fifo]);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(paths.socket, resolve));
  return { paths, server: server as Server };
}

describe('paths that are not files', () => {
  it('are refused by Word import before anything reads them', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const dir = tempDir();
    const { paths, server } = await notFiles(dir);
    try {
      const before = rowCounts(engine);
      const summary = await ok(engine, 'documents.import', {
        caseId: kase.id,
        paths: [paths.zeroLink, paths.fifo, paths.socket, REAL],
      });
      expect(summary.imported.map((d) => d.fileName)).toEqual(['intake-form.docx']);
      const reason = (p: string) => summary.refused.find((r) => r.path === p)?.problem;
      expect(reason(paths.zeroLink)).toMatch(/a device, not a file; it was not opened/);
      expect(reason(paths.fifo)).toMatch(/a named pipe \(FIFO\), not a file/);
      expect(reason(paths.socket)).toMatch(/a socket, not a file/);
      expect(rowCounts(engine).documents).toBe(before.documents! + 1);
    } finally {
      server.close();
    }
  }, 30_000);

  it('are refused by archive import and by restore, naming the file', async () => {
    const engine = tempEngine();
    const dir = tempDir();
    const { paths, server } = await notFiles(dir);
    try {
      const before = rowCounts(engine);
      for (const path of Object.values(paths)) {
        const archive = await fails(engine, 'archive.import', { file: path });
        expect(archive.message).toMatch(new RegExp(`^${path}.*not a file`));
        const restore = await fails(engine, 'backups.restore', { file: path });
        expect(restore.message).toMatch(new RegExp(`^${path}.*not a file`));
        const preview = await fails(engine, 'backups.preview', { file: path });
        expect(preview.code).toBe('backup-unusable');
      }
      expect(rowCounts(engine)).toEqual(before);
      // Still answering.
      await ok(engine, 'cases.list', {});
    } finally {
      server.close();
    }
  }, 30_000);

  it('a folder named for import still reads only the Word and PDF files inside', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const dir = tempDir();
    mkdirSync(join(dir, 'inbox'));
    symlinkSync('/dev/zero', join(dir, 'inbox', 'zero.docx'));
    execFileSync('mkfifo', [join(dir, 'inbox', 'pipe.docx')]);
    const summary = await ok(engine, 'documents.import', {
      caseId: kase.id,
      paths: [join(dir, 'inbox')],
    });
    expect(summary.imported).toEqual([]);
    expect(summary.refused).toEqual([
      {
        path: join(dir, 'inbox'),
        problem: 'this folder holds no Word, PDF or scanned image files.',
      },
    ]);
  });
});
