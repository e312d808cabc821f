// One drug vocabulary on every path: a treatment's class is filled whichever door saved it, a class
// the user typed is kept, and letters and the readiness meter count the same distinct classes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { lookupTreatment } from '../../electron/engine/facts/treatment-lookup';
import { cleanup, clientWithCase, fails, ok, tempDir, tempEngine } from './helpers';
import { cli } from './run-cli';

afterEach(cleanup);

const classes = (engine: Engine, caseId: number) =>
  engine.db
    .prepare('SELECT name, drug_class AS c FROM treatments WHERE case_id = ? ORDER BY id')
    .all(caseId) as { name: string; c: string | null }[];

const bodyText = (body: unknown) => JSON.stringify(body);

describe('the drug vocabulary', () => {
  it('knows generics, brands, release forms, doses and common misspellings', () => {
    expect(lookupTreatment('Wellbutrin XL 300 mg')).toMatchObject({
      name: 'bupropion',
      class: 'NDRI',
      role: 'antidepressant',
    });
    expect(lookupTreatment('buproprion')?.name).toBe('bupropion');
    expect(lookupTreatment('Effexor XR')?.class).toBe('SNRI');
    expect(lookupTreatment('Remeron')?.class).toBe('tetracyclic antidepressant');
    expect(lookupTreatment('Trintellix')?.class).toBe('atypical antidepressant');
    expect(lookupTreatment('Spravato')).toMatchObject({
      name: 'esketamine',
      role: 'antidepressant',
    });
    expect(lookupTreatment('Abilify')?.role).toBe('augmenting agent');
    expect(lookupTreatment('Cytomel')?.role).toBe('augmenting agent');
    expect(lookupTreatment('lithium carbonate')?.role).toBe('augmenting agent');
    expect(lookupTreatment('Lyrica')?.role).toBe('pain treatment');
    expect(lookupTreatment('zoledronic acid')?.class).toBe('bisphosphonate');
    expect(lookupTreatment('prazosin')?.class).toBe('alpha-1 blocker');
    expect(lookupTreatment('buspirone')?.class).toBe('azapirone');
    expect(lookupTreatment('EMDR')).toMatchObject({ kind: 'therapy', role: 'psychotherapy' });
    expect(lookupTreatment('Cognitive processing therapy')?.kind).toBe('therapy');
    expect(lookupTreatment('DBT')?.name).toBe('dialectical behavior therapy');
    expect(lookupTreatment('ECT')).toMatchObject({ kind: 'procedure', role: 'procedure' });
    expect(lookupTreatment('rTMS')?.name).toBe('transcranial magnetic stimulation');
    expect(lookupTreatment('Stellate ganglion block')?.class).toBe('nerve block');
    expect(lookupTreatment('grapefruit juice')).toBeNull();
  });
});

describe('a treatment saved by any door gets its class', () => {
  it('fills the class on create and on a rename, and keeps a class the user typed', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const zoloft = await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'Zoloft 100 mg' },
    });
    expect(zoloft.drugClass).toBe('SSRI');
    const typed = await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'Seroquel', drugClass: 'antipsychotic (augmentation)' },
    });
    expect(typed.drugClass).toBe('antipsychotic (augmentation)');
    const unknown = await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'Study drug XR-17' },
    });
    expect(unknown.drugClass).toBeNull();
    // Corrected to a drug the vocabulary knows: filled then.
    const renamed = await ok(engine, 'treatments.update', {
      id: unknown.id,
      version: unknown.version,
      values: { name: 'Pristiq' },
    });
    expect(renamed.drugClass).toBe('SNRI');
    // The user edits the class: kept, even though the vocabulary says otherwise.
    const edited = await ok(engine, 'treatments.update', {
      id: zoloft.id,
      version: zoloft.version,
      values: { drugClass: 'SSRI (generic)' },
    });
    expect(edited.drugClass).toBe('SSRI (generic)');
  });

  it('fills classes on case import (exchange file through the CLI)', async () => {
    const dir = tempDir();
    const db = join(dir, 'library.sqlite');
    const file = join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'advocate-desk/case-exchange',
        version: 1,
        client: { firstName: 'Ana', lastName: 'Reyes' },
        cases: [
          {
            requestedTreatment: 'Esketamine',
            treatments: [
              { kind: 'medication', name: 'Lexapro', outcome: 'No response' },
              { kind: 'medication', name: 'Cymbalta', drugClass: 'SNRI (typed)' },
              { kind: 'therapy', name: 'CBT' },
            ],
          },
        ],
      }),
    );
    const result = await cli('--db', db, 'case', 'import', file);
    expect(result.code).toBe(0);
    const { openEngine } = await import('../../electron/engine');
    const engine = openEngine({ databasePath: db });
    try {
      expect(classes(engine, Number(result.out[0]))).toEqual([
        { name: 'Lexapro', c: 'SSRI' },
        { name: 'Cymbalta', c: 'SNRI (typed)' },
        { name: 'CBT', c: 'psychotherapy' },
      ]);
    } finally {
      engine.close();
    }
  });

  it('fills classes an older archive left empty', async () => {
    const source = tempEngine();
    const { case: k } = await clientWithCase(source);
    await ok(source, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'Nortriptyline' },
    });
    source.db.prepare('UPDATE treatments SET drug_class = NULL').run();
    const out = join(tempDir(), 'library.advocate-archive');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    await ok(target, 'archive.import', { file: out });
    const row = target.db.prepare('SELECT drug_class FROM treatments').pluck().get();
    expect(row).toBe('TCA');
  });
});

describe('distinct classes, counted once', () => {
  it('letters and the readiness meter agree, ignoring case and counting rows saved without a class', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const med = (name: string, drugClass: string | null = null) =>
      ok(engine, 'treatments.create', {
        caseId: k.id,
        values: {
          kind: 'medication',
          name,
          drugClass,
          endedOn: '2024-05-01',
          reasonStopped: 'No response',
        },
      });
    await med('Sertraline');
    await med('Citalopram', 'ssri');
    await med('Venlafaxine');
    // A row saved before the vocabulary knew its drug still counts by its name.
    engine.db.prepare("UPDATE treatments SET drug_class = NULL WHERE name = 'Venlafaxine'").run();
    await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'therapy', name: 'CBT' },
    });
    const readiness = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness.items;
    const item = readiness.find((i) => i.key === 'failed-treatments')!;
    expect(item.done).toBe(true);
    expect(item.detail).toContain('3 medications tried across 2 classes (SSRI, SNRI)');
    const preview = await ok(engine, 'letters.preview', { caseId: k.id, kind: 'appeal' });
    const text = bodyText(preview.model.body);
    expect(text).toContain('from 2 distinct classes (SSRI and SNRI)');
    expect(text).not.toContain('drug class of');
  });
});

describe('treatments the advocate adds', () => {
  it('are kept in the library, fill classes like the shipped ones, and can be corrected or removed', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    const added = await ok(engine, 'vocabulary.addTreatment', {
      name: 'Zelquistinel',
      kind: 'medication',
      drugClass: 'NMDA modulator',
      role: 'antidepressant',
      otherNames: ['GATE-251'],
    });
    expect(added.map((t) => t.name)).toEqual(['Zelquistinel']);
    const t = await ok(engine, 'treatments.create', {
      caseId: k.id,
      values: { kind: 'medication', name: 'GATE-251 trial' },
    });
    expect(t.drugClass).toBe('NMDA modulator');
    // Added again under the same name: the entry is corrected, not doubled.
    await ok(engine, 'vocabulary.addTreatment', {
      name: 'zelquistinel',
      kind: 'medication',
      drugClass: 'NMDA receptor modulator',
      role: 'antidepressant',
    });
    expect(await ok(engine, 'vocabulary.customTreatments', {})).toEqual([
      {
        name: 'zelquistinel',
        kind: 'medication',
        drugClass: 'NMDA receptor modulator',
        role: 'antidepressant',
        otherNames: [],
      },
    ]);
    const bad = await fails(engine, 'vocabulary.addTreatment', {
      name: 'X',
      kind: 'medication',
      drugClass: 'Y',
      role: 'miracle',
    });
    expect(bad).toMatchObject({ code: 'invalid-input', field: 'role' });
    expect(await ok(engine, 'vocabulary.removeTreatment', { name: 'Zelquistinel' })).toEqual([]);
    const gone = await fails(engine, 'vocabulary.removeTreatment', { name: 'Zelquistinel' });
    expect(gone.code).toBe('not-found');
  });
});

describe('the readiness meter counts antidepressant classes', () => {
  it('does not tick "failed treatments across classes" for one antidepressant class and a benzodiazepine', async () => {
    const engine = tempEngine();
    const { case: k } = await clientWithCase(engine);
    for (const name of ['Sertraline', 'Ativan']) {
      await ok(engine, 'treatments.create', {
        caseId: k.id,
        values: { kind: 'medication', name, endedOn: '2024-05-01', reasonStopped: 'No response' },
      });
    }
    const item = (await ok(engine, 'workflow.get', { caseId: k.id })).readiness.items.find(
      (i) => i.key === 'failed-treatments',
    )!;
    expect(item.done).toBe(false);
    expect(item.detail).toContain(
      'Trials in 1 antidepressant class so far (SSRI); also tried: benzodiazepine',
    );
  });
});
