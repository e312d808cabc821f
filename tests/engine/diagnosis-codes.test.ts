// Diagnosis codes are checked against the official ICD-10-CM code set the app ships, by every door;
// old exchange files and archives with codes it lacks still import, with the code kept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempDir, tempEngine } from './helpers';
import { cli } from './run-cli';

afterEach(cleanup);

describe('ICD-10-CM codes', () => {
  it('accepts codes the code set has, including U07.1 and the FY2026 two-letter codes, and fills the description', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const add = (icd10Code: string, description?: string) =>
      ok(engine, 'diagnoses.create', { caseId: k.id, values: { icd10Code, description } });
    expect((await add('f332')).description).toBe(
      'Major depressive disorder, recurrent severe without psychotic features',
    );
    expect(await add('U07.1')).toMatchObject({ icd10Code: 'U07.1', description: 'COVID-19' });
    expect((await add('QA0.0101')).description).toBe('SCN2A-related neurodevelopmental disorder');
    expect((await add('G90.512')).description).toContain('Complex regional pain syndrome I');
    // A description the user wrote is kept.
    expect((await add('F41.1', 'GAD per intake')).description).toBe('GAD per intake');
  });

  it('refuses a code the code set lacks, naming the nearest one, and writes nothing', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const before = rowCounts(engine);
    const error = await fails(engine, 'diagnoses.create', {
      caseId: k.id,
      values: { icd10Code: 'F33.9999' },
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'values.icd10Code' });
    expect(error.message).toBe(
      "F33.9999 is not in the ICD-10-CM FY2026 code set: check it against the provider's records. The nearest code is F33.9 (Major depressive disorder, recurrent, unspecified).",
    );
    expect(rowCounts(engine)).toEqual(before);
  });

  it('refuses a category with the codes to choose from', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const category = await fails(engine, 'diagnoses.create', {
      caseId: k.id,
      values: { icd10Code: 'F33' },
    });
    expect(category.message).toBe(
      'F33 is a category (Major depressive disorder, recurrent), not a code to bill: choose F33.0–F33.9.',
    );
    const sub = await fails(engine, 'diagnoses.create', {
      caseId: k.id,
      values: { icd10Code: 'F33.4' },
    });
    expect(sub.message).toContain('choose F33.40–F33.42');
  });

  it('checks a changed code on update, and leaves an old code alone when other fields change', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const d = await ok(engine, 'diagnoses.create', {
      caseId: k.id,
      values: { icd10Code: 'F33.2' },
    });
    const error = await fails(engine, 'diagnoses.update', {
      id: d.id,
      version: d.version,
      values: { icd10Code: 'F99.99' },
    });
    expect(error.field).toBe('values.icd10Code');
    // A code saved before the check (kept from an old file) doesn't block editing the date.
    engine.db.prepare("UPDATE diagnoses SET icd10_code = 'F33.9999' WHERE id = ?").run(d.id);
    const current = (await ok(engine, 'cases.get', { id: k.id })).diagnoses[0]!;
    const dated = await ok(engine, 'diagnoses.update', {
      id: d.id,
      version: current.version,
      values: { diagnosedOn: '2024-01-05' },
    });
    expect(dated).toMatchObject({ icd10Code: 'F33.9999', diagnosedOn: '2024-01-05' });
  });

  it('imports an old exchange file whose code the set lacks: kept, with a warning printed by the CLI', async () => {
    const dir = tempDir();
    const db = join(dir, 'library.sqlite');
    const file = join(dir, 'old.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'advocate-desk/case-exchange',
        version: 1,
        client: { firstName: 'Ana', lastName: 'Reyes' },
        cases: [
          {
            requestedTreatment: 'TMS',
            diagnoses: [{ icd10Code: 'F33.9999' }, { icd10Code: 'F33.1' }],
          },
        ],
      }),
    );
    const result = await cli('--db', db, 'case', 'import', file);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([
      `${file}: cases[0].diagnoses[0]: F33.9999 is not in the ICD-10-CM FY2026 code set: check it against the provider's records. The nearest code is F33.9 (Major depressive disorder, recurrent, unspecified). Kept as written.`,
    ]);
    const engine = openEngine({ databasePath: db });
    try {
      const rows = engine.db
        .prepare('SELECT icd10_code AS code, description FROM diagnoses ORDER BY id')
        .all();
      expect(rows).toEqual([
        { code: 'F33.9999', description: null },
        { code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' },
      ]);
    } finally {
      engine.close();
    }
  });

  it('imports an archive holding a code the set lacks, kept as it was', async () => {
    const source = tempEngine();
    const { case: k } = await clientWithCase(source);
    await ok(source, 'diagnoses.create', { caseId: k.id, values: { icd10Code: 'F33.2' } });
    source.db.prepare("UPDATE diagnoses SET icd10_code = 'F33.9999'").run();
    const out = join(tempDir(), 'library.advocate-archive');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    await ok(target, 'archive.import', { file: out });
    expect(target.db.prepare('SELECT icd10_code FROM diagnoses').pluck().get()).toBe('F33.9999');
  });
});
