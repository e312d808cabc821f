// Files that finish converting together are written in one transaction; each stays all or
// nothing, and the case's search row holds every file that was kept.
import { afterEach, describe, expect, it } from 'vitest';
import { documentStore } from '../../electron/engine/imports/store-documents';
import { cleanup, clientWithCase, ok, rowCounts, tempEngine } from './helpers';

afterEach(cleanup);

const doc = (fileName: string, text: string) => ({
  fileName,
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text,
  html: `<p>${text}</p>`,
  warnings: [],
  bytes: Buffer.from(`bytes of ${fileName}`),
});

async function setup() {
  const engine = tempEngine();
  const { case: kase } = await clientWithCase(engine);
  return { engine, caseId: kase.id, store: documentStore(engine.db) };
}

describe('storing converted files together', () => {
  it('keeps the others when one is refused while being written, and indexes each kept one', async () => {
    const { engine, caseId, store } = await setup();
    await store.storeAll(caseId, [doc('earlier.docx', 'Quetiapine trial')]);
    const before = rowCounts(engine);
    const results = await store.storeAll(caseId, [
      doc('first.docx', 'Zyloprexa denial reference'),
      // The same bytes as a document the case already holds (another process stored it first).
      { ...doc('again.docx', 'Marbleton appeal'), bytes: Buffer.from('bytes of earlier.docx') },
      doc('third.docx', 'Velquintor letter'),
    ]);
    expect(results.map((r) => ('problem' in r ? r.problem : r.fileName))).toEqual([
      'first.docx',
      expect.stringContaining('already in this case'),
      'third.docx',
    ]);
    const after = rowCounts(engine);
    expect(after.documents).toBe(before.documents! + 2);
    expect(after.document_contents).toBe(before.document_contents! + 2);
    for (const word of ['Quetiapine', 'Zyloprexa', 'Velquintor']) {
      expect((await ok(engine, 'search', { query: word })).map((c) => c.id)).toEqual([caseId]);
    }
    expect(await ok(engine, 'search', { query: 'Marbleton' })).toEqual([]);
    // The hold on the index ends with the transaction: a later single insert indexes itself.
    expect(engine.db.prepare('SELECT held FROM search_held').pluck().get()).toBe(0);
  });

  it('writes nothing of the batch when the library fails beneath it, and says so', async () => {
    const { engine, caseId, store } = await setup();
    // Stands in for a failure SQLite reports mid-write (a full disk, an I/O error).
    engine.db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON document_contents
      WHEN (SELECT file_name FROM documents WHERE id = new.document_id) = 'third.docx'
      BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;`);
    const before = rowCounts(engine);
    await expect(
      store.storeAll(caseId, [doc('first.docx', 'Zyloprexa'), doc('third.docx', 'Velquintor')]),
    ).rejects.toThrow(/disk I\/O error/);
    expect(rowCounts(engine)).toEqual(before);
    expect(await ok(engine, 'search', { query: 'Zyloprexa' })).toEqual([]);
    expect(engine.db.inTransaction).toBe(false);
  });
});
