import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs } from '../../electron/contract/api';
import type { Engine } from '../../electron/engine';
import { documentQueries } from '../../electron/engine/documents/queries';
import {
  cleanup,
  clientWithCase,
  fails,
  ok,
  sampleCase,
  sampleClient,
  tempEngine,
  versionOf,
} from './helpers';

afterEach(cleanup);

/** Two clients with a case each, different in every searchable detail. */
async function library(engine: Engine) {
  const maria = await clientWithCase(
    engine,
    { firstName: 'Maria', lastName: 'Okonkwo' },
    { requestedTreatment: 'IV ketamine infusion', memberId: 'XQZ123456789' },
  );
  const tom = await clientWithCase(
    engine,
    { firstName: 'Tom', lastName: 'Brennan', email: 'tom@example.org', city: 'Dayton' },
    {
      requestedTreatment: 'Transcranial magnetic stimulation',
      memberId: 'ABC987654321',
      insurerName: 'Buckeye Mutual',
      notes: null,
    },
  );
  await ok(engine, 'diagnoses.create', { caseId: maria.case.id, values: { icd10Code: 'F33.2' } });
  await ok(engine, 'diagnoses.create', { caseId: tom.case.id, values: { icd10Code: 'F41.1' } });
  await ok(engine, 'communications.create', {
    caseId: tom.case.id,
    values: {
      occurredOn: '2024-03-04',
      channel: 'phone',
      person: 'Janet in utilization review',
      referenceNumber: 'REF-77812',
      summary: 'Reviewer promised a peer-to-peer callback within 72 hours',
    },
  });
  return { maria: maria.case.id, tom: tom.case.id };
}

async function searchIds(engine: Engine, query: string): Promise<number[]> {
  return (await ok(engine, 'search', { query })).map((c) => c.id);
}

describe('search', () => {
  it.each([
    ['client first name', 'maria', 'maria'],
    ['client last name', 'Brennan', 'tom'],
    ['member ID', 'XQZ123456789', 'maria'],
    ['requested treatment', 'ketamine', 'maria'],
    ['ICD-10 code', 'F33.2', 'maria'],
    ['other ICD-10 code', 'F41.1', 'tom'],
    ['communication reference number', 'REF-77812', 'tom'],
    ['words of a communication summary', 'callback', 'tom'],
    ['the person spoken to', 'Janet', 'tom'],
    ['a prefix of the treatment', 'ketam', 'maria'],
    ['a prefix of the client name', 'Okon', 'maria'],
    ['different case', 'magnetic', 'tom'],
  ])('finds a case by %s (%s)', async (_what, query, who) => {
    const engine = tempEngine();
    const ids = await library(engine);
    expect(await searchIds(engine, query)).toEqual([ids[who as keyof typeof ids]]);
  });

  it('answers with the case-list row', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    const [row] = await ok(engine, 'search', { query: 'Okonkwo' });
    expect(row).toMatchObject({
      id: ids.maria,
      clientName: 'Maria Okonkwo',
      requestedTreatment: 'IV ketamine infusion',
      memberId: 'XQZ123456789',
    });
  });

  it('requires every word, even when they are in different records', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    // Client name (clients row) + treatment (cases row).
    expect(await searchIds(engine, 'Brennan magnetic')).toEqual([ids.tom]);
    // Client name + communication summary.
    expect(await searchIds(engine, 'tom callback')).toEqual([ids.tom]);
    // Client name + diagnosis code.
    expect(await searchIds(engine, 'maria F33.2')).toEqual([ids.maria]);
    // One word matches each case but not both in one.
    expect(await searchIds(engine, 'Brennan ketamine')).toEqual([]);
    expect(await searchIds(engine, 'maria REF-77812')).toEqual([]);
  });

  it('finds nothing for words that appear nowhere', async () => {
    const engine = tempEngine();
    await library(engine);
    expect(await searchIds(engine, 'zyxwvut')).toEqual([]);
  });

  it.each([
    '"',
    '"unbalanced',
    'maria"',
    '*',
    'maria*',
    '* maria',
    'NEAR',
    'NEAR(maria tom)',
    'maria NEAR tom',
    '-maria',
    'maria -tom',
    'AND OR',
    'maria AND OR NOT tom',
    'OR',
    'NOT',
    '(',
    ')',
    'body:maria',
    'entity:client',
    '^maria',
    '{body entity}: maria',
    "'; DROP TABLE cases; --",
    '\\',
    '%_',
  ])('never throws on FTS syntax typed by a person: %s', async (query) => {
    const engine = tempEngine();
    const ids = await library(engine);
    const reply = await engine.call('search', { query });
    expect(reply.ok).toBe(true);
    if (reply.ok) {
      for (const row of reply.value) expect([ids.maria, ids.tom]).toContain(row.id);
    }
    const list = await engine.call('cases.list', { query });
    expect(list.ok).toBe(true);
    const clients = await engine.call('clients.list', { query });
    expect(clients.ok).toBe(true);
    expect(await ok(engine, 'cases.list', {})).toMatchObject({ total: 2 });
  });

  it('treats operator words as plain words', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    // "NOT" would exclude tom if it reached FTS5 as an operator; as a word it matches nothing.
    expect(await searchIds(engine, 'maria NOT tom')).toEqual([]);
    expect(await searchIds(engine, '"maria"')).toEqual([ids.maria]);
  });

  it('refuses an empty query, naming the field', async () => {
    const engine = tempEngine();
    const error = await fails(engine, 'search', { query: '   ' });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'query' });
  });

  it('reflects updates and deletes', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    const detail = await ok(engine, 'cases.get', { id: ids.maria });

    await ok(engine, 'cases.update', {
      ...sampleCase(detail.client.id, { requestedTreatment: 'Electroconvulsive therapy' }),
      id: ids.maria,
      version: versionOf(engine, 'cases', ids.maria),
    });
    expect(await searchIds(engine, 'ketamine')).toEqual([]);
    expect(await searchIds(engine, 'electroconvulsive')).toEqual([ids.maria]);

    await ok(engine, 'clients.update', {
      ...sampleClient({ firstName: 'Mariana', lastName: 'Quispe' }),
      id: detail.client.id,
      version: versionOf(engine, 'clients', detail.client.id),
    });
    expect(await searchIds(engine, 'Okonkwo')).toEqual([]);
    expect(await searchIds(engine, 'Quispe')).toEqual([ids.maria]);

    const diagnosis = detail.diagnoses[0]!;
    await ok(engine, 'diagnoses.update', {
      id: diagnosis.id,
      version: diagnosis.version,
      values: { icd10Code: 'F32.9' },
    });
    expect(await searchIds(engine, 'F33.2')).toEqual([]);
    expect(await searchIds(engine, 'F32.9')).toEqual([ids.maria]);
    await ok(engine, 'diagnoses.delete', { id: diagnosis.id });
    expect(await searchIds(engine, 'F32.9')).toEqual([]);

    const log = (await ok(engine, 'cases.get', { id: ids.tom })).communications[0]!;
    await ok(engine, 'communications.delete', { id: log.id });
    expect(await searchIds(engine, 'REF-77812')).toEqual([]);

    await ok(engine, 'cases.delete', { id: ids.tom });
    expect(await searchIds(engine, 'magnetic')).toEqual([]);
    expect(await searchIds(engine, 'Brennan')).toEqual([]);
  });

  it('finds a case by the text of its documents', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    engine.db.transaction(() =>
      documentQueries(engine.db).add({
        caseId: ids.tom,
        fileName: 'denial-letter.pdf',
        mediaType: 'application/pdf',
        origin: 'imported',
        text: 'Your request is denied under policy MP-1042 step therapy requirements.',
        note: null,
        bytes: Buffer.from('%PDF-1.7 fake'),
      }),
    )();
    expect(await searchIds(engine, 'MP-1042')).toEqual([ids.tom]);
    expect(await searchIds(engine, 'denial-letter')).toEqual([ids.tom]);
  });

  it('finds a case by words of a letter written for it, until the letter is deleted', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    const own = await ok(engine, 'templates.save', {
      source:
        '---\nname: Follow-up\nkind: appeal\n---\nAs agreed with {{ client.firstName }}, we ask for a peer reviewer trained in interventional psychiatry.',
    });
    const letter = await ok(engine, 'letters.generate', { caseId: ids.tom, templateId: own.id });
    // A phrase the advocate wrote, words of it typed as they come, and its filters.
    expect(await searchIds(engine, 'interventional psychiatry')).toEqual([ids.tom]);
    expect(await searchIds(engine, 'Tom interventio')).toEqual([ids.tom]);
    const list = (args: Omit<ApiArgs<'cases.list'>, 'limit' | 'offset'>) =>
      ok(engine, 'cases.list', { limit: 50, offset: 0, ...args });
    const { status } = (await ok(engine, 'cases.get', { id: ids.tom })).case;
    expect((await list({ query: 'interventional', status })).total).toBe(1);
    const other = status === 'approved' ? 'denied' : 'approved';
    expect((await list({ query: 'interventional', status: other })).total).toBe(0);
    expect((await list({ query: 'interventional', clientId: 999 })).total).toBe(0);
    // A case found by its own words and by a letter is listed once.
    const both = await list({ query: 'Tom' });
    expect(both.items.map((c) => c.id)).toEqual([ids.tom]);
    await ok(engine, 'documents.delete', { id: letter.documentId });
    expect(await searchIds(engine, 'interventional')).toEqual([]);
  });

  it('filters cases.list by a query and a status together', async () => {
    const engine = tempEngine();
    const ids = await library(engine);
    const found = await ok(engine, 'cases.list', { query: 'F33.2' });
    expect(found.total).toBe(1);
    expect(found.items.map((c) => c.id)).toEqual([ids.maria]);
    expect(await ok(engine, 'cases.list', { query: 'F33.2', status: 'approved' })).toEqual({
      total: 0,
      capped: false,
      items: [],
    });
  });

  it('lists clients matching a query, and all clients without one', async () => {
    const engine = tempEngine();
    await library(engine);
    const names = async (query?: string) =>
      (await ok(engine, 'clients.list', query === undefined ? {} : { query })).items.map(
        (c) => c.lastName,
      );
    expect(await names()).toEqual(['Brennan', 'Okonkwo']);
    expect(await names('bren')).toEqual(['Brennan']);
    expect(await names('Dayton')).toEqual(['Brennan']);
    expect(await names('maria okon')).toEqual(['Okonkwo']);
    // Case details are not client details.
    expect(await names('ketamine')).toEqual([]);
    expect(await names('*')).toEqual([]);
    const [summary] = (await ok(engine, 'clients.list', { query: 'Brennan' })).items;
    expect(summary).toMatchObject({ firstName: 'Tom', state: 'IL', caseCount: 1 });
  });
});
