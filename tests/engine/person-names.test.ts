// People named the way letters need: first, middle and last name (with suffix, preferred name
// and title), how letters refer to them, and names written in documents split right.
import BetterSqlite3 from 'better-sqlite3';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { referenceName, splitPersonName } from '../../electron/contract/person-name';
import { migrations } from '../../electron/engine/db/migrations';
import { nameParts } from '../../electron/engine/facts/match';
import { proposeFacts } from '../../electron/engine/facts/extract';
import { cleanup, fails, ok, openTracked, tempDir, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';
import { letterText } from './letter-text';

afterEach(cleanup);

describe('splitting a written name', () => {
  it.each([
    ['Jordan A. Rivera', { firstName: 'Jordan', middleName: 'A.', lastName: 'Rivera' }],
    ['Jordan A Rivera', { firstName: 'Jordan', middleName: 'A.', lastName: 'Rivera' }],
    ['Rivera, Jordan A.', { firstName: 'Jordan', middleName: 'A.', lastName: 'Rivera' }],
    ['Jordan Alexis Rivera Jr.', { middleName: 'Alexis', lastName: 'Rivera', suffix: 'Jr.' }],
    ['Jordan Rivera, III', { firstName: 'Jordan', lastName: 'Rivera', suffix: 'III' }],
    ['Mr. Jordan Rivera', { firstName: 'Jordan', lastName: 'Rivera', courtesyTitle: 'Mr.' }],
    ['Ana María de la Cruz', { firstName: 'Ana', middleName: 'María', lastName: 'de la Cruz' }],
    ['Jordan "JJ" Rivera', { firstName: 'Jordan', lastName: 'Rivera', preferredName: 'JJ' }],
    ['JORDAN A RIVERA', { firstName: 'Jordan', middleName: 'A.', lastName: 'Rivera' }],
    ["Siobhan O'Neill-Park", { firstName: 'Siobhan', lastName: "O'Neill-Park", middleName: null }],
  ])('%s', (written, parts) => {
    expect(splitPersonName(written)).toMatchObject(parts);
  });

  it('needs a first and a last name', () => {
    expect(splitPersonName('Rivera')).toBeNull();
    expect(splitPersonName('  ')).toBeNull();
  });

  it('reads "Name: Jordan A. Rivera" from a document as first Jordan, middle A., last Rivera', () => {
    const facts = proposeFacts('INTAKE FORM\nName: Jordan A. Rivera\nDOB: 04/12/1988\n');
    const proposed = facts.find((f) => f.kind === 'client' && f.values.name);
    expect(nameParts(proposed!.values)).toMatchObject({
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
    });
  });
});

describe('how letters refer to a client', () => {
  it('"Mr. Rivera", "Jordan Rivera" or "Jordan" (the preferred name when there is one)', () => {
    const p = {
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      courtesyTitle: 'Mr.' as const,
    };
    expect(referenceName({ ...p, referAs: 'title-last' })).toBe('Mr. Rivera');
    expect(referenceName({ ...p, referAs: 'first-last' })).toBe('Jordan Rivera');
    expect(referenceName({ ...p, referAs: 'first' })).toBe('Jordan');
    expect(referenceName({ ...p, referAs: 'first', preferredName: 'JJ' })).toBe('JJ');
  });

  it('refuses "title and last name" without a title, naming the field', async () => {
    const engine = tempEngine();
    const error = await fails(engine, 'clients.create', {
      firstName: 'Jordan',
      lastName: 'Rivera',
      referAs: 'title-last',
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'courtesyTitle' });
    expect(error.message).toMatch(/^Title must be chosen/);
  });

  it('prints the full name in the reference lines and the chosen form in the prose', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const { client } = await ok(engine, 'cases.get', { id: caseId });
    await ok(engine, 'clients.update', {
      id: client.id,
      version: client.version,
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      suffix: 'Jr.',
      courtesyTitle: 'Mr.',
      referAs: 'title-last',
    });
    const appeal = await ok(engine, 'letters.generate', { caseId, kind: 'appeal', recipientId });
    const text = await letterText(engine, appeal.documentId);
    expect(text).toContain('Member: Jordan A. Rivera Jr., date of birth');
    expect(text).toContain("Mr. Rivera's history in brief");
    expect(text).not.toMatch(/Jordan A\.'s|Jordan's/);

    const now = (await ok(engine, 'cases.get', { id: caseId })).client;
    await ok(engine, 'clients.update', {
      id: now.id,
      version: now.version,
      referAs: 'first',
      preferredName: 'JJ',
    });
    const lmn = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'medical-necessity',
      recipientId,
    });
    const lmnText = await letterText(engine, lmn.documentId);
    expect(lmnText).toContain('Patient: Jordan A. Rivera Jr.');
    expect(lmnText).toContain('JJ is diagnosed with');
  });
});

describe('old files and libraries', () => {
  it('a version 1 exchange file with "Jordan A." as the first name arrives split', async () => {
    const engine = tempEngine();
    const { clientId } = await ok(engine, 'exchange.import', {
      format: 'advocate-desk/case-exchange',
      version: 1,
      client: { firstName: 'Jordan A.', lastName: 'Rivera' },
      cases: [{ requestedTreatment: 'TMS' }],
    });
    expect(await ok(engine, 'clients.get', { id: clientId })).toMatchObject({
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      referAs: 'first-last',
    });
  });

  it('names in parts go through the exchange format and the archive and come back whole', async () => {
    const source = tempEngine();
    const client = await ok(source, 'clients.create', {
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      suffix: 'Jr.',
      preferredName: 'JJ',
      courtesyTitle: 'Mr.',
      referAs: 'title-last',
    });
    const kase = await ok(source, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
    });
    const parts = {
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      suffix: 'Jr.',
      preferredName: 'JJ',
      courtesyTitle: 'Mr.',
      referAs: 'title-last',
    };
    const file = await ok(source, 'exchange.export', { caseId: kase.id });
    expect(file.client).toMatchObject(parts);
    const viaFile = tempEngine();
    const { clientId } = await ok(viaFile, 'exchange.import', file);
    expect(await ok(viaFile, 'clients.get', { id: clientId })).toMatchObject(parts);

    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const viaArchive = tempEngine();
    const { clientIds } = await ok(viaArchive, 'archive.import', { file: out });
    expect(await ok(viaArchive, 'clients.get', { id: clientIds[0]! })).toMatchObject(parts);
  });

  it('an archive written before names had parts still imports, the initial moved to its field', async () => {
    const source = tempEngine();
    const client = await ok(source, 'clients.create', {
      firstName: 'Jordan A.',
      lastName: 'Rivera',
      postalCode: '62701',
    });
    await ok(source, 'cases.create', { clientId: client.id, requestedTreatment: 'TMS' });
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    // Rewrite it as an earlier version wrote it: exchange version 1, no name parts, no vocabulary.
    const entries = unzipSync(readFileSync(out));
    const clientFile = JSON.parse(new TextDecoder().decode(entries['clients/000001.json']!)) as {
      version: number;
      client: Record<string, unknown>;
    };
    clientFile.version = 1;
    for (const key of ['middleName', 'suffix', 'preferredName', 'courtesyTitle', 'referAs'])
      delete clientFile.client[key];
    entries['clients/000001.json'] = strToU8(JSON.stringify(clientFile));
    const library = JSON.parse(new TextDecoder().decode(entries['library.json']!)) as Record<
      string,
      unknown
    >;
    delete library.treatmentVocabulary;
    entries['library.json'] = strToU8(JSON.stringify(library));
    const old = join(tempDir(), 'old.zip');
    writeFileSync(old, zipSync(entries));
    const target = tempEngine();
    const { clientIds } = await ok(target, 'archive.import', { file: old });
    expect(await ok(target, 'clients.get', { id: clientIds[0]! })).toMatchObject({
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
      referAs: 'first-last',
    });
  });

  it('upgrading a library moves "Jordan A." apart and keeps every other name as it was', async () => {
    const path = join(tempDir(), 'v8.sqlite');
    const before = migrations.findIndex((m) => m.name === 'names-and-doses');
    const old = new BetterSqlite3(path);
    old.function('audit_actor', () => 'test');
    for (const m of migrations.slice(0, before)) old.exec(m.sql);
    old.pragma(`user_version = ${before}`);
    old.exec(`INSERT INTO clients (first_name, last_name) VALUES ('Jordan A.', 'Rivera'),
      ('Mary Ann', 'Lee'), ('J', 'Smith'), ('Li B', 'Chen');
      INSERT INTO cases (client_id, requested_treatment) VALUES (1, 'TMS');
      INSERT INTO treatments (case_id, kind, name) VALUES (1, 'medication', 'Zoloft');`);
    old.close();
    const engine = openTracked(path);
    const names = engine.db
      .prepare('SELECT first_name, middle_name, last_name, refer_as FROM clients ORDER BY id')
      .all();
    expect(names).toEqual([
      { first_name: 'Jordan', middle_name: 'A.', last_name: 'Rivera', refer_as: 'first-last' },
      { first_name: 'Mary Ann', middle_name: null, last_name: 'Lee', refer_as: 'first-last' },
      { first_name: 'J', middle_name: null, last_name: 'Smith', refer_as: 'first-last' },
      { first_name: 'Li', middle_name: 'B.', last_name: 'Chen', refer_as: 'first-last' },
    ]);
    // A name search finds the middle name.
    const client = await ok(engine, 'clients.get', { id: 2 });
    await ok(engine, 'clients.update', {
      id: 2,
      version: client.version,
      middleName: 'Quincy',
    });
    expect((await ok(engine, 'clients.list', { query: 'quincy' })).items.map((c) => c.id)).toEqual([
      2,
    ]);
    // An edit made from before another edit of the middle name is refused by name.
    const stale = await fails(engine, 'clients.update', {
      id: 2,
      version: client.version,
      middleName: 'Rose',
    });
    expect(stale.conflict?.fields).toEqual(['middleName']);
  });
});
