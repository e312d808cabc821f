import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangeFile, ExchangeFileValues } from '../../electron/contract/exchange';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from '../../electron/contract/exchange';
import type { Engine } from '../../electron/engine';
import { documentQueries } from '../../electron/engine/documents/queries';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempEngine } from './helpers';

afterEach(cleanup);

/** Every byte value, so base64 and BLOB storage must be exact. */
const BINARY = Buffer.from(Array.from({ length: 1024 }, (_, i) => (i * 7 + 3) % 256));
const LETTER = Buffer.from(
  'Dear Reviewer,\nPlease reconsider — the patient tried 4 SSRIs.\n',
  'utf8',
);

function addDocument(
  engine: Engine,
  caseId: number,
  fileName: string,
  bytes: Buffer,
  text: string | null,
) {
  return engine.db.transaction(() =>
    documentQueries(engine.db).add({
      caseId,
      fileName,
      mediaType: fileName.endsWith('.pdf') ? 'application/pdf' : 'text/plain',
      origin: fileName.endsWith('.pdf') ? 'imported' : 'generated',
      text,
      note: text ? 'From the insurer' : null,
      bytes,
    }),
  )();
}

/** A case with every kind of record, every optional field filled, and two documents. */
async function fullCase(engine: Engine) {
  const { client, case: kase } = await clientWithCase(engine);
  const caseId = kase.id;
  await ok(engine, 'diagnoses.create', {
    caseId,
    values: {
      icd10Code: 'F33.2',
      description: 'MDD, recurrent, severe',
      diagnosedOn: '2019-04-01',
    },
  });
  await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F41.1' } });
  await ok(engine, 'treatments.create', {
    caseId,
    values: {
      kind: 'medication',
      name: 'Sertraline',
      dose: '200 mg daily',
      startedOn: '2020-01-01',
      endedOn: '2020-06-30',
      outcome: 'Partial response',
      reasonStopped: 'Side effects',
    },
  });
  await ok(engine, 'treatments.create', { caseId, values: { kind: 'therapy', name: 'CBT' } });
  await ok(engine, 'assessments.create', {
    caseId,
    values: { instrument: 'PHQ-9', score: 23, assessedOn: '2024-01-05', notes: 'Severe' },
  });
  await ok(engine, 'assessments.create', {
    caseId,
    values: { instrument: 'Local scale', score: 12.5, assessedOn: '2024-01-06' },
  });
  await ok(engine, 'communications.create', {
    caseId,
    values: {
      occurredOn: '2024-02-02',
      channel: 'phone',
      person: 'Janet',
      referenceNumber: 'REF-1',
      summary: 'Denial explained\nsecond line with "quotes" and ünïcödé',
    },
  });
  await ok(engine, 'deadlines.create', {
    caseId,
    values: {
      kind: 'deadline',
      title: 'Internal appeal due',
      dueOn: '2024-07-30',
      completedOn: '2024-07-01',
      notes: '180 days from denial',
    },
  });
  await ok(engine, 'deadlines.create', {
    caseId,
    values: { title: 'Call provider', dueOn: '2024-03-01' },
  });
  addDocument(engine, caseId, 'denial.pdf', BINARY, 'Denied: not medically necessary');
  addDocument(engine, caseId, 'appeal.txt', LETTER, null);
  return { client, caseId };
}

/** A case's stored rows without ids and timestamps, which an import gives anew. */
async function content(engine: Engine, caseId: number) {
  const detail = await ok(engine, 'cases.get', { id: caseId });
  const strip = (row: object) => {
    const {
      id: _id,
      caseId: _caseId,
      clientId: _clientId,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      ...rest
    } = row as Record<string, unknown>;
    return rest;
  };
  const bytes = engine.db
    .prepare(
      `SELECT d.file_name, c.bytes FROM documents d JOIN document_contents c ON c.document_id = d.id
       WHERE d.case_id = ? ORDER BY d.id`,
    )
    .all(caseId) as { file_name: string; bytes: Buffer }[];
  return {
    client: strip(detail.client),
    case: strip(detail.case),
    diagnoses: detail.diagnoses.map(strip),
    treatments: detail.treatments.map(strip),
    assessments: detail.assessments.map(strip),
    communications: detail.communications.map(strip),
    deadlines: detail.deadlines.map(strip),
    // Documents keep their own createdAt through an exchange.
    documents: detail.documents.map((d) => ({ ...strip(d), createdAt: d.createdAt })),
    bytes: bytes.map((b) => ({ fileName: b.file_name, bytes: b.bytes })),
  };
}

/** The exported file as it would be written to disk and read back. */
async function exportFile(engine: Engine, caseId: number): Promise<ExchangeFileValues> {
  const exported = await ok(engine, 'exchange.export', { caseId });
  return JSON.parse(JSON.stringify(exported)) as ExchangeFileValues;
}

describe('exchange', () => {
  it('exports in the documented format with document bytes and hashes', async () => {
    const engine = tempEngine();
    const { caseId } = await fullCase(engine);
    const file = await exportFile(engine, caseId);
    expect(file.format).toBe(EXCHANGE_FORMAT);
    expect(file.version).toBe(EXCHANGE_VERSION);
    expect(file.cases).toHaveLength(1);
    const pdf = file.cases[0]!.documents.find((d) => d.fileName === 'denial.pdf')!;
    expect(Buffer.from(pdf.contentBase64, 'base64').equals(BINARY)).toBe(true);
    expect(pdf.sha256).toBe(createHash('sha256').update(BINARY).digest('hex'));
    // No database ids leak into the file.
    expect(JSON.stringify(file)).not.toMatch(/"(id|caseId|clientId)":/);
  });

  it('round-trips every field and every document byte into another library', async () => {
    const source = tempEngine();
    const { caseId } = await fullCase(source);
    const original = await content(source, caseId);
    expect(original.diagnoses).toHaveLength(2);
    expect(original.bytes).toHaveLength(2);

    const target = tempEngine();
    const result = await ok(target, 'exchange.import', await exportFile(source, caseId));
    expect(result.caseIds).toHaveLength(1);
    const imported = await content(target, result.caseIds[0]!);
    expect(imported).toEqual(original);
    for (const [i, doc] of original.bytes.entries()) {
      expect(imported.bytes[i]!.bytes.equals(doc.bytes)).toBe(true);
    }
    const client = await ok(target, 'clients.get', { id: result.clientId });
    expect(client.lastName).toBe('Okonkwo');

    // And back out again: the second export is the first, but for when it was made.
    const again = await exportFile(target, result.caseIds[0]!);
    const first = await exportFile(source, caseId);
    expect({ ...again, exportedAt: null }).toEqual({ ...first, exportedAt: null });
  });

  it('imports a copy alongside the original in the same library', async () => {
    const engine = tempEngine();
    const { caseId } = await fullCase(engine);
    const result = await ok(engine, 'exchange.import', await exportFile(engine, caseId));
    expect(result.caseIds[0]).not.toBe(caseId);
    expect(await content(engine, result.caseIds[0]!)).toEqual(await content(engine, caseId));
  });

  it.each([
    [
      'a bad ICD-10 code',
      (f: ExchangeFile) => (f.cases[0]!.diagnoses![0]!.icd10Code = 'banana'),
      'cases[0].diagnoses[0].icd10Code',
    ],
    [
      'a PHQ-9 out of range',
      (f: ExchangeFile) => (f.cases[0]!.assessments![0]!.score = 30),
      'cases[0].assessments[0].score',
    ],
    [
      'a bad NPI',
      (f: ExchangeFile) => (f.cases[0]!.providerNpi = '1234567890'),
      'cases[0].providerNpi',
    ],
    ['a client without a name', (f: ExchangeFile) => (f.client.firstName = ''), 'client.firstName'],
    [
      'content that is not base64',
      (f: ExchangeFile) => (f.cases[0]!.documents![1]!.contentBase64 = 'not base64!!'),
      'cases[0].documents[1].contentBase64',
    ],
    ['no cases', (f: ExchangeFile) => (f.cases = []), 'cases'],
  ])(
    'refuses a file with %s, naming the field, and writes nothing',
    async (_what, spoil, field) => {
      const engine = tempEngine();
      const { caseId } = await fullCase(engine);
      const file = (await exportFile(engine, caseId)) as ExchangeFile;
      spoil(file);
      const before = rowCounts(engine);
      const error = await fails(engine, 'exchange.import', file);
      expect(error.code).toBe('invalid-input');
      expect(error.field).toBe(field);
      expect(rowCounts(engine)).toEqual(before);
    },
  );

  it.each([
    ['format', { format: 'someone-else/case-file' }],
    ['version', { version: EXCHANGE_VERSION + 1 }],
    ['version', { version: String(EXCHANGE_VERSION) }],
  ])('refuses a file of another %s', async (field, change) => {
    const engine = tempEngine();
    const { caseId } = await fullCase(engine);
    const before = rowCounts(engine);
    const file = { ...(await exportFile(engine, caseId)), ...change };
    const error = await fails(engine, 'exchange.import', file);
    expect(error).toMatchObject({ code: 'invalid-input', field });
    expect(rowCounts(engine)).toEqual(before);
  });

  it('refuses a document whose sha256 does not match its bytes and writes nothing', async () => {
    const engine = tempEngine();
    const { caseId } = await fullCase(engine);
    const file = await exportFile(engine, caseId);
    // The second document is checked after the client, case, records and first document are written.
    file.cases[0]!.documents[1]!.sha256 = createHash('sha256').update('other').digest('hex');
    const before = rowCounts(engine);
    const error = await fails(engine, 'exchange.import', file);
    expect(error).toMatchObject({ code: 'invalid-input', field: 'cases[0].documents[1].sha256' });
    expect(rowCounts(engine)).toEqual(before);
  });

  it('refuses a file holding the same document twice in a case and writes nothing', async () => {
    const engine = tempEngine();
    const { caseId } = await fullCase(engine);
    const file = await exportFile(engine, caseId);
    const docs = file.cases[0]!.documents;
    docs.push({ ...docs[0]!, fileName: 'copy.pdf' });
    const before = rowCounts(engine);
    const error = await fails(engine, 'exchange.import', file);
    expect(error).toMatchObject({ code: 'conflict', field: 'cases[0].documents[2]' });
    expect(rowCounts(engine)).toEqual(before);
  });

  it('refuses to export a case that does not exist', async () => {
    const engine = tempEngine();
    expect((await fails(engine, 'exchange.export', { caseId: 77 })).code).toBe('not-found');
  });
});
