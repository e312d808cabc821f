// The advocate CLI as automation uses it: import, export, search, and clear failures.
import { execFileSync, spawnSync } from 'node:child_process';
import officeCrypto from 'officecrypto-tool';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine } from '../../electron/engine';
import { cli } from './run-cli';

const sample = {
  format: 'advocate-desk/case-exchange',
  version: 1,
  client: { firstName: 'Marisol', lastName: 'Quintero', dateOfBirth: '1979-12-01', state: 'TX' },
  cases: [
    {
      requestedTreatment: 'Transcranial magnetic stimulation',
      treatmentCodes: '90867, 90868',
      insurerName: 'Lone Star Health',
      memberId: 'LSH-4417',
      diagnoses: [
        { icd10Code: 'F33.2', description: 'Major depressive disorder, recurrent, severe' },
      ],
      treatments: [
        { kind: 'medication', name: 'Bupropion XL', dose: '450 mg', outcome: 'No response' },
      ],
      assessments: [{ instrument: 'PHQ-9', score: 22, assessedOn: '2026-09-01' }],
    },
  ],
};

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'advocate-cli-'));
  db = join(dir, 'library.sqlite');
});

const countCases = () => {
  const engine = openEngine({ databasePath: db });
  try {
    return engine.db.prepare('SELECT count(*) FROM cases').pluck().get();
  } finally {
    engine.close();
  }
};

describe('advocate case import / export / search', () => {
  it('imports a file, prints the new case id, and exports the same records', async () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const imported = await cli('--db', db, 'case', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toHaveLength(1);
    const caseId = imported.out[0]!;
    expect(caseId).toMatch(/^\d+$/);

    const exported = await cli('--db', db, 'case', 'export', '--case', caseId);
    expect(exported.code).toBe(0);
    const json = JSON.parse(exported.out.join('\n')) as typeof sample;
    expect(json.client).toMatchObject(sample.client);
    expect(json.cases[0]).toMatchObject({
      requestedTreatment: 'Transcranial magnetic stimulation',
      memberId: 'LSH-4417',
      diagnoses: [{ icd10Code: 'F33.2' }],
      treatments: [{ name: 'Bupropion XL', dose: '450 mg' }],
      assessments: [{ instrument: 'PHQ-9', score: 22 }],
    });

    const found = await cli('--db', db, 'search', 'quintero', 'bupropion');
    expect(found.code).toBe(0);
    expect(found.out.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([Number(caseId)]);
    expect((await cli('--db', db, 'search', 'nobody-by-this-name')).out).toEqual([]);
  });

  it('names the bad field of a bad file and writes nothing', async () => {
    const bad = structuredClone(sample);
    bad.cases[0]!.diagnoses[0]!.icd10Code = 'depression';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const result = await cli('--db', db, 'case', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toContain(file);
    expect(result.err.join('\n')).toContain('cases[0].diagnoses[0].icd10Code');
    expect(countCases()).toBe(0);
  });

  it('says which file it could not read or parse', async () => {
    const missing = await cli('--db', db, 'case', 'import', join(dir, 'nope.json'));
    expect(missing.code).toBe(1);
    expect(missing.err.join('')).toMatch(/nope\.json: cannot read the file \(ENOENT\)/);

    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'Patient notes, not JSON');
    const parsed = await cli('--db', db, 'case', 'import', notJson);
    expect(parsed.code).toBe(1);
    expect(parsed.err.join('')).toContain('notes.json: not valid JSON');
  });

  it('reports an unknown case id', async () => {
    const result = await cli('--db', db, 'case', 'export', '--case', '42');
    expect(result.code).toBe(1);
    expect(result.err.join('')).toContain('No case with id 42');
  });
});

describe('advocate import', () => {
  it('imports Word files into a case, reports refusals by file, and exits 1 when any was refused', async () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const caseId = (await cli('--db', db, 'case', 'import', file)).out[0]!;
    const clinical = join(process.cwd(), '../shared/fixtures/word/clinical');
    const legacy = join(dir, 'old-note.doc');
    writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));

    const result = await cli('--db', db, 'import', '--case', caseId, clinical, legacy);
    expect(result.code).toBe(1);
    expect(result.out).toContain('imported intake-form.docx (document 2)');
    expect(result.out.at(-1)).toBe('3 imported, 1 refused');
    expect(result.err.join('\n')).toContain(`refused ${legacy}: `);

    const clean = await cli('--db', db, 'import', '--case', caseId, join(dir, 'case.json'));
    expect(clean.err.join('')).toContain('not a Word document');
  });

  it('opens a password-protected .docx with --password, and says when it is missing or wrong', async () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const caseId = (await cli('--db', db, 'case', 'import', file)).out[0]!;
    const locked = join(dir, 'locked.docx');
    const intake = join(process.cwd(), '../shared/fixtures/word/clinical/intake-form.docx');
    writeFileSync(locked, await officeCrypto.encrypt(readFileSync(intake), { password: 'Owl-77' }));

    const none = await cli('--db', db, 'import', '--case', caseId, locked);
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toMatch(/protected with a password.*Give it with --password\./);
    const wrong = await cli('--db', db, 'import', '--case', caseId, '--password', 'Owl', locked);
    expect(wrong.err.join('\n')).toContain('the password is not right for this file');
    const right = await cli('--db', db, 'import', '--case', caseId, '--password', 'Owl-77', locked);
    expect(right.code).toBe(0);
    expect(right.out.at(-1)).toBe('1 imported, 0 refused');
  }, 60_000);
});

describe('the installed bin', () => {
  it('runs as a real command with --db', () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const id = execFileSync(
      process.execPath,
      ['bin/advocate.js', '--db', db, 'case', 'import', file],
      {
        encoding: 'utf8',
      },
    ).trim();
    expect(id).toMatch(/^\d+$/);
    const lines = execFileSync(
      process.execPath,
      ['bin/advocate.js', '--db', db, 'search', 'LSH-4417'],
      {
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: Number(id), clientName: 'Marisol Quintero' });

    const failed = spawnSync(
      process.execPath,
      ['bin/advocate.js', '--db', db, 'case', 'export', '--case', 'x'],
      {
        encoding: 'utf8',
      },
    );
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('"x" is not a case id');
  });

  it('imports Word files through its own import workers', () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const advocate = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/advocate.js', '--db', db, ...args], {
        encoding: 'utf8',
      });
    const caseId = advocate('case', 'import', file).trim();
    const out = advocate(
      'import',
      '--case',
      caseId,
      join(process.cwd(), '../shared/fixtures/word/clinical'),
    );
    expect(out.trim().split('\n').at(-1)).toMatch(/^[1-9]\d* imported, 0 refused$/);
  }, 60_000);

  it('backs up and writes a batch of letters on its own worker threads', () => {
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(sample));
    const advocate = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/advocate.js', '--db', db, ...args], {
        encoding: 'utf8',
      });
    const caseId = advocate('case', 'import', file).trim();
    const backup = join(dir, 'copy.sqlite');
    expect(advocate('backup', '--out', backup)).toMatch(/^backed up to /);
    expect(statSync(backup).size).toBeGreaterThan(0);
    expect(advocate('backup')).toMatch(/^backed up to .*\.sqlite/);
    const letters = join(dir, 'letters');
    mkdirSync(letters);
    advocate('letter', '--cases', caseId, '--kind', 'appeal', '--out-dir', letters);
    expect(readdirSync(letters).filter((f) => f.endsWith('.docx'))).toHaveLength(1);
  }, 60_000);
});
