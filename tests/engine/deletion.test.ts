// Deleting a client, case or document leaves none of its words in the library file: not in the
// tables, not in the search index's own pages, not in the case history, not in the WAL.
import BetterSqlite3 from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { migrations } from '../../electron/engine/db/migrations';
import { cleanup, clientWithCase, ok, openTracked, tempDir, tempEngine } from './helpers';

afterEach(cleanup);

/** Words no sample, template or built-in text contains, so any hit is the deleted record's. */
const WORDS = {
  firstName: 'Zephyrina',
  lastName: 'Quillfeather',
  clientNotes: 'Xylocarpic',
  caseNotes: 'Brumbleweft',
  oldCaseNotes: 'Glimmerhusk',
  documentText: 'Thornquibble',
  communication: 'Vexmarrow',
};

async function docx(text: string): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph(text)] }] });
  return (await Packer.toBuffer(doc)).toString('base64');
}

/** How often each word appears in the library file (UTF-8 and UTF-16), after a checkpoint. */
function hits(engine: Engine, words: string[]): Record<string, number> {
  engine.db.pragma('wal_checkpoint(TRUNCATE)');
  return hitsIn(readFileSync(engine.databasePath), words);
}

function hitsIn(file: Buffer, words: string[]): Record<string, number> {
  const count = (needle: Buffer) => {
    let n = 0;
    for (let at = file.indexOf(needle); at !== -1; at = file.indexOf(needle, at + 1)) n++;
    return n;
  };
  return Object.fromEntries(
    words.map((w) => {
      // FTS5 stores tokens folded to lower case.
      const forms = [w, w.toLowerCase()].flatMap((f) => [
        Buffer.from(f, 'utf8'),
        Buffer.from(f, 'utf16le'),
      ]);
      return [w, forms.reduce((sum, f) => sum + count(f), 0)];
    }),
  );
}

const none = (words: string[]) => Object.fromEntries(words.map((w) => [w, 0]));

/** A client with a case holding notes edited once, a call, an imported document and a letter. */
async function fullClient(engine: Engine) {
  const { client, case: kase } = await clientWithCase(
    engine,
    { firstName: WORDS.firstName, lastName: WORDS.lastName, notes: `Met at ${WORDS.clientNotes}` },
    { notes: `First notes ${WORDS.oldCaseNotes}` },
  );
  // The case history records the old value of an edit.
  await ok(engine, 'cases.update', { ...kase, notes: `Second notes ${WORDS.caseNotes}` });
  await ok(engine, 'communications.create', {
    caseId: kase.id,
    values: {
      occurredOn: '2024-03-01',
      channel: 'phone',
      person: 'Reviewer',
      summary: `Called about ${WORDS.communication}`,
    },
  });
  const imported = await ok(engine, 'documents.importFile', {
    caseId: kase.id,
    fileName: 'clinic-note.docx',
    contentBase64: await docx(`The clinic note mentions ${WORDS.documentText} twice.`),
  });
  expect(imported.ok).toBe(true);
  const recipient = await ok(engine, 'contacts.create', {
    kind: 'insurer',
    name: 'Prairie Health',
  });
  await ok(engine, 'letters.generate', {
    caseId: kase.id,
    kind: 'appeal',
    recipientId: recipient.id,
  });
  return { client, kase, document: imported.ok ? imported.document : null };
}

describe('deleting leaves no words behind', () => {
  it('a deleted case and client leave none of their words in the file', async () => {
    const engine = tempEngine();
    const { client, kase } = await fullClient(engine);
    // Another client stays: the index is not simply empty.
    await clientWithCase(engine, { firstName: 'Other', lastName: 'Person' });
    const words = Object.values(WORDS);
    const before = hits(engine, words);
    for (const w of words) expect(before[w], `${w} before the delete`).toBeGreaterThan(0);

    await ok(engine, 'cases.delete', { id: kase.id });
    await ok(engine, 'clients.delete', { id: client.id });
    // Not even in the WAL, before anyone checkpoints it.
    const wal = `${engine.databasePath}-wal`;
    const onDisk = Buffer.concat([
      readFileSync(engine.databasePath),
      existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0),
    ]);
    expect(hitsIn(onDisk, words)).toEqual(none(words));
    expect(hits(engine, words)).toEqual(none(words));
    // Search still works for what is left.
    expect((await ok(engine, 'search', { query: 'Person' })).length).toBe(1);
  });

  it("a deleted document leaves none of its text, and the case's other words stay", async () => {
    const engine = tempEngine();
    const { kase, document } = await fullClient(engine);
    expect(hits(engine, [WORDS.documentText])[WORDS.documentText]).toBeGreaterThan(0);
    await ok(engine, 'documents.delete', { id: document!.id });
    expect(hits(engine, [WORDS.documentText])).toEqual(none([WORDS.documentText]));
    expect(hits(engine, [WORDS.caseNotes])[WORDS.caseNotes]).toBeGreaterThan(0);
    // The case's history says that it was deleted, and nothing more of it.
    const rows = engine.db
      .prepare(
        "SELECT action, old_value FROM case_history WHERE table_name = 'documents' AND record_id = ?",
      )
      .all(document!.id);
    expect(rows).toEqual([{ action: 'delete', old_value: 'clinic-note.docx' }]);
    const detail = await ok(engine, 'cases.get', { id: kase.id });
    expect(detail.documents.map((d) => d.fileName)).not.toContain('clinic-note.docx');
  });

  it('a deleted letter leaves none of its words, in its text or the search index', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const word = 'Frumplewick';
    const own = await ok(engine, 'templates.save', {
      source: `---\nname: Note\nkind: appeal\n---\nWe raised the ${word} question on the call.`,
    });
    const letter = await ok(engine, 'letters.generate', { caseId: kase.id, templateId: own.id });
    // The template keeps the word; the letter's own copies are what must go.
    const kept = hits(engine, [word])[word]!;
    expect((await ok(engine, 'search', { query: word })).map((c) => c.id)).toEqual([kase.id]);
    await ok(engine, 'templates.delete', { id: own.id });
    expect(hits(engine, [word])[word]).toBeLessThan(kept);
    expect(hits(engine, [word])[word]).toBeGreaterThan(0);
    await ok(engine, 'documents.delete', { id: letter.documentId });
    expect(hits(engine, [word])).toEqual(none([word]));
    expect(await ok(engine, 'search', { query: word })).toEqual([]);
  });

  it('a library made before this version loses the words its index kept of deleted clients', () => {
    const path = join(tempDir(), 'v6.sqlite');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    old.pragma('secure_delete = ON');
    for (const m of migrations.slice(0, 6)) old.exec(m.sql);
    old.pragma('user_version = 6');
    const add = old.prepare('INSERT INTO clients (first_name, last_name, notes) VALUES (?, ?, ?)');
    for (let i = 0; i < 50; i++) add.run(`Kept${i}`, 'Person', 'Stays in the library');
    add.run(WORDS.firstName, WORDS.lastName, WORDS.clientNotes);
    old.prepare('DELETE FROM clients WHERE first_name = ?').run(WORDS.firstName);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    const words = [WORDS.firstName, WORDS.lastName, WORDS.clientNotes];
    // The rows are gone, but the search index still holds their words.
    expect(hitsIn(readFileSync(path), words)[WORDS.lastName]).toBeGreaterThan(0);

    const engine = openTracked(path);
    expect(hits(engine, words)).toEqual(none(words));
    const found = engine.db
      .prepare("SELECT count(*) FROM client_search WHERE client_search MATCH 'person'")
      .pluck()
      .get();
    expect(found).toBe(50);
  });
});
