import { LETTER_KIND } from '../../electron/contract/letter';
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/contract/errors';
import { openEngine } from '../../electron/engine';
import { migrations } from '../../electron/engine/db/migrations';
import { RECORD_META } from '../../electron/engine/records/queries';
import { cleanup, clientWithCase, fails, ok, openTracked, tempDir } from './helpers';

afterEach(cleanup);

const LATEST = migrations.length;

function openError(databasePath: string): unknown {
  try {
    openEngine({ databasePath }).close();
  } catch (error) {
    return error;
  }
  return undefined;
}

function schemaOf(db: BetterSqlite3.Database): unknown[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
}

describe('migrations', () => {
  it('migrates a new file (in a folder not yet made) to the latest version', async () => {
    const path = join(tempDir(), 'not', 'yet', 'made', 'library.sqlite');
    const engine = openTracked(path);
    expect(engine.db.pragma('user_version', { simple: true })).toBe(LATEST);
    const tables = engine.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all();
    for (const t of ['clients', 'cases', 'diagnoses', 'documents', 'contacts', 'case_search']) {
      expect(tables).toContain(t);
    }
    const info = await ok(engine, 'app.info');
    expect(info).toEqual({ version: '9.9.9-test', databasePath: path, schemaVersion: LATEST });
  });

  it('turns on WAL and foreign keys', () => {
    const path = join(tempDir(), 'library.sqlite');
    const engine = openTracked(path);
    expect(engine.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(engine.db.pragma('foreign_keys', { simple: true })).toBe(1);
    engine.close();
    // WAL is stored in the file itself, so any later reader sees it.
    const raw = new BetterSqlite3(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('re-opening a current database changes nothing and keeps the data', async () => {
    const path = join(tempDir(), 'library.sqlite');
    const first = openTracked(path);
    const { client } = await clientWithCase(first);
    const schema = schemaOf(first.db);
    first.close();

    const second = openTracked(path);
    expect(second.db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(schemaOf(second.db)).toEqual(schema);
    expect(await ok(second, 'clients.get', { id: client.id })).toEqual(client);
  });

  it('refuses a database from a newer app with database-too-new and leaves it unchanged', () => {
    const path = join(tempDir(), 'newer.sqlite');
    const raw = new BetterSqlite3(path);
    raw.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY, x TEXT)');
    raw.prepare('INSERT INTO future_things (x) VALUES (?)').run('keep me');
    raw.pragma(`user_version = ${LATEST + 5}`);
    raw.close();
    const before = readFileSync(path);

    const error = openError(path);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database-too-new');

    expect(readFileSync(path).equals(before)).toBe(true);
    const check = new BetterSqlite3(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST + 5);
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('refuses a file that is not SQLite with database-unreadable and leaves its bytes alone', () => {
    const path = join(tempDir(), 'notes.sqlite');
    const text = 'These are my notes, not a database.\n'.repeat(200);
    writeFileSync(path, text);
    const before = readFileSync(path);

    const error = openError(path);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database-unreadable');
    expect((error as AppError).message).toContain(path);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('0002 keeps documents stored by version 1 and gives them an empty preview and no warnings', () => {
    const path = join(tempDir(), 'v1.sqlite');
    const v1 = new BetterSqlite3(path);
    v1.exec(migrations[0]!.sql);
    v1.pragma('user_version = 1');
    v1.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment) VALUES (1, 'TMS');
      INSERT INTO documents (case_id, file_name, media_type, origin, sha256, size_bytes, text)
        VALUES (1, 'note.docx', 'x', 'imported', 'abc', 3, 'old note');`);
    v1.close();
    const engine = openTracked(path);
    expect(engine.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const row = engine.db.prepare('SELECT text, html, warnings FROM documents').get();
    expect(row).toEqual({ text: 'old note', html: null, warnings: '[]' });
  });

  it('0005 keeps version 4 cases, adds their letter facts empty, and seeds the built-in templates', async () => {
    const path = join(tempDir(), 'v4.sqlite');
    const v3 = new BetterSqlite3(path);
    for (const m of migrations.slice(0, 4)) v3.exec(m.sql);
    v3.pragma('user_version = 4');
    v3.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment, member_id) VALUES (1, 'TMS', 'M-1');`);
    v3.close();
    const engine = openTracked(path);
    const detail = await ok(engine, 'cases.get', { id: 1 });
    expect(detail.case).toMatchObject({ memberId: 'M-1', functionalImpact: null, prognosis: null });
    expect(engine.db.prepare('SELECT claim_number FROM denials').all()).toEqual([]);
    const kinds = (await ok(engine, 'templates.list', {})).map((t) => t.kind);
    // Every kind the app ships a template for, the forms included.
    expect(new Set(kinds).size).toBe(LETTER_KIND.values.length);
  });

  it('0006 starts an empty history for a version-5 library and logs changes from then on', async () => {
    const path = join(tempDir(), 'v5.sqlite');
    const v3 = new BetterSqlite3(path);
    for (const m of migrations.slice(0, 5)) v3.exec(m.sql);
    v3.pragma('user_version = 5');
    v3.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment, status) VALUES (1, 'TMS', 'denied');`);
    v3.close();
    const engine = openTracked(path);
    expect(
      engine.db.prepare("SELECT count(*) FROM case_history WHERE action = 'update'").pluck().get(),
    ).toBe(0);
    engine.db.prepare("UPDATE cases SET status = 'approved' WHERE id = 1").run();
    expect(engine.db.prepare('SELECT field, old_value, new_value FROM case_history').all()).toEqual(
      [{ field: 'status', old_value: 'denied', new_value: 'approved' }],
    );
  });

  it('0008 gives a version-6 library version 1 everywhere and counts edits from then on', async () => {
    const path = join(tempDir(), 'v6.sqlite');
    const v6 = new BetterSqlite3(path);
    v6.function('audit_actor', () => 'test');
    for (const m of migrations.slice(0, 6)) v6.exec(m.sql);
    v6.pragma('user_version = 6');
    v6.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment, status, member_id) VALUES (1, 'TMS', 'denied', 'M-1');`);
    v6.close();
    const engine = openTracked(path);
    const before = await ok(engine, 'cases.get', { id: 1 });
    expect([before.case.version, before.client.version]).toEqual([1, 1]);
    // Any writer moves the version on, even one that bypasses the update path.
    engine.db.prepare("UPDATE cases SET status = 'approved' WHERE id = 1").run();
    const error = await fails(engine, 'cases.update', { id: 1, version: 1, status: 'closed-won' });
    expect(error.conflict).toMatchObject({ fields: ['status'], version: 2 });
  });

  it('0009 files a version-8 library’s documents by type from their text, at version 1, without history noise', async () => {
    const path = join(tempDir(), 'v8.sqlite');
    const v8 = new BetterSqlite3(path);
    v8.function('audit_actor', () => 'test');
    for (const m of migrations.slice(0, 8)) v8.exec(m.sql);
    v8.pragma('user_version = 8');
    v8.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment) VALUES (1, 'TMS');
      INSERT INTO documents (case_id, file_name, media_type, origin, sha256, size_bytes, text) VALUES
        (1, 'note.docx', 'x', 'imported', 'a', 1, 'Psychiatric progress note. Date of visit: 01/02/2026. PHQ-9: 21. Assessment and plan: refer for TMS.'),
        (1, 'letter.docx', 'x', 'generated', 'b', 1, 'Letter of medical necessity. Sincerely, Dana Whitfield, MD'),
        (1, 'blank.pdf', 'x', 'imported', 'c', 1, NULL);
      INSERT INTO denials (case_id, denied_on, reason, service, claim_type, level, rule)
        VALUES (1, '2026-01-05', 'Experimental.', 'TMS', 'pre-service', 'initial', 'r');`);
    v8.close();
    const engine = openTracked(path);
    const documents = (await ok(engine, 'cases.get', { id: 1 })).documents;
    expect(documents.map((d) => [d.fileName, d.documentType, d.version])).toEqual([
      ['note.docx', 'clinical-note', 1],
      ['letter.docx', 'generated-letter', 1],
      ['blank.pdf', 'other', 1],
    ]);
    expect(
      engine.db.prepare("SELECT count(*) FROM case_history WHERE action = 'update'").pluck().get(),
    ).toBe(0);
    const { denials } = await ok(engine, 'workflow.get', { caseId: 1 });
    expect(denials[0]).toMatchObject({
      appealAddress: null,
      appealFax: null,
      sourceDocumentId: null,
    });
    // The recreated triggers version and log the new denial columns.
    await ok(engine, 'denials.update', {
      id: denials[0]!.id,
      version: denials[0]!.version,
      values: { appealFax: '555-0100' },
    });
    const fields = engine.db
      .prepare("SELECT field FROM case_history WHERE table_name = 'denials' AND action = 'update'")
      .pluck()
      .all();
    expect(fields).toContain('appeal_fax');
  });

  it('the evidence step gives a version-10 library the shipped citations and each denial the kind its reason reads as, without history noise', async () => {
    const path = join(tempDir(), 'v10.sqlite');
    const v10 = new BetterSqlite3(path);
    v10.function('audit_actor', () => 'test');
    for (const m of migrations.slice(0, 10)) {
      v10.exec(m.sql);
      m.run?.(v10);
    }
    v10.pragma('user_version = 10');
    v10.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Ana', 'Ruiz');
      INSERT INTO cases (client_id, requested_treatment) VALUES (1, 'TMS');
      INSERT INTO denials (case_id, denied_on, reason, service, claim_type, level, rule) VALUES
        (1, '2026-01-05', 'TMS is considered investigational.', 'TMS', 'pre-service', 'initial', 'r'),
        (1, '2026-02-05', 'Denied.', 'TMS', 'pre-service', 'initial', 'r');`);
    v10.close();
    const engine = openTracked(path);
    expect((await ok(engine, 'citations.list', {})).total).toBe(35);
    const { denials } = await ok(engine, 'workflow.get', { caseId: 1 });
    expect(denials.map((d) => [d.reason, d.category, d.version])).toEqual([
      ['Denied.', null, 1],
      ['TMS is considered investigational.', 'experimental', 1],
    ]);
    expect(
      engine.db.prepare("SELECT count(*) FROM case_history WHERE action = 'update'").pluck().get(),
    ).toBe(0);
    // The recreated triggers version and log the new denial columns.
    await ok(engine, 'denials.update', {
      id: denials[0]!.id,
      version: denials[0]!.version,
      values: { category: 'administrative' },
    });
    const fields = engine.db
      .prepare("SELECT field FROM case_history WHERE table_name = 'denials' AND action = 'update'")
      .pluck()
      .all();
    expect(fields).toContain('category');
  });

  it("reads a case's history through the case_history_case index", () => {
    const engine = openTracked(join(tempDir(), 'library.sqlite'));
    const plan = engine.db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM case_history WHERE case_id = ? ORDER BY id DESC')
      .all(1)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/INDEX case_history_case \(case_id=\?\)/);
  });

  it("lists a case's diagnoses through the diagnoses_case index", () => {
    const engine = openTracked(join(tempDir(), 'library.sqlite'));
    const sql = `SELECT * FROM diagnoses WHERE case_id = ? ORDER BY ${RECORD_META.diagnoses.orderBy}`;
    const plan = engine.db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(1)
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX diagnoses_case \(case_id=\?\)/);
    expect(plan).not.toMatch(/SCAN diagnoses(?! USING)/);
  });
});
