// Letters that are right about what they claim: an external review only after a final internal
// denial (or with the basis for going early stated), the process named for the plan type with its
// 4-month clock, a reviewer of the condition's specialty, salutations from who the recipient is,
// how the letter is sent, the plan named in the reference block, and no dangling words.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { cleanup, ok, tempEngine } from './helpers';
import { fullLetterCase, recordFinalDenial } from './letter-case';
import { letterText } from './letter-text';

afterEach(cleanup);

async function generate(engine: Engine, caseId: number, kind: string, recipientId?: number) {
  const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId } as never);
  return { letter, text: await letterText(engine, letter.documentId) };
}

describe('the external review request', () => {
  it('after an initial denial calls nothing final and asks for the basis for going early', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const { letter, text } = await generate(engine, caseId, 'external-review', recipientId);
    expect(text).toContain("Prairie Health's denial of IV ketamine");
    expect(text).not.toMatch(/final internal denial of|has completed the plan's internal appeals/i);
    expect(text).toContain('[why external review may be asked for before a final internal denial');
    expect(letter.checklist.map((c) => c.field)).toContain('externalReview.basis');
  });

  it('for an urgent claim states the expedited basis instead', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const [denial] = (await ok(engine, 'workflow.get', { caseId })).denials;
    await ok(engine, 'denials.update', {
      id: denial!.id,
      version: denial!.version,
      values: { claimType: 'urgent' },
    } as never);
    const { letter, text } = await generate(engine, caseId, 'external-review', recipientId);
    expect(text).toContain(
      'This is an urgent claim: an expedited external review may be requested',
    );
    expect(letter.checklist.map((c) => c.field)).not.toContain('externalReview.basis');
  });

  it('after a final internal denial of an ERISA plan names the federal process and its clock', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const kase = (await ok(engine, 'cases.get', { id: caseId })).case;
    await ok(engine, 'cases.update', {
      id: caseId,
      version: kase.version,
      planType: 'employer-self-funded',
    });
    await recordFinalDenial(engine, caseId);
    const { letter, text } = await generate(engine, caseId, 'external-review', recipientId);
    expect(letter.gaps).toBe(0);
    expect(text).toContain("Prairie Health's final internal denial");
    expect(text).toContain('federal external review process');
    expect(text).toContain('not by the state insurance department');
    // Received October 18, 2024: four months end February 18, 2025.
    expect(text).toContain('The final denial was received on October 18, 2024');
    expect(text).toContain('which end on February 18, 2025');
    expect(text).toContain('assigned to a board-certified psychiatrist');
  });

  it("for a fully insured plan sends it to the state's process", async () => {
    const engine = tempEngine();
    const { caseId, client, recipientId } = await fullLetterCase(engine);
    const kase = (await ok(engine, 'cases.get', { id: caseId })).case;
    await ok(engine, 'cases.update', {
      id: caseId,
      version: kase.version,
      planType: 'fully-insured',
    });
    await ok(engine, 'clients.update', { id: client.id, version: client.version, state: 'IL' });
    await recordFinalDenial(engine, caseId);
    const { text } = await generate(engine, caseId, 'external-review', recipientId);
    expect(text).toContain("Illinois's external review law");
    expect(text).not.toContain('federal external review process');
  });

  it('asks for a pain specialist for a pain condition', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    const detail = await ok(engine, 'cases.get', { id: caseId });
    for (const d of detail.diagnoses) await ok(engine, 'diagnoses.delete', { id: d.id });
    await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'G90.511' } });
    await recordFinalDenial(engine, caseId);
    const { text } = await generate(engine, caseId, 'external-review', recipientId);
    expect(text).toContain('a board-certified physician in pain medicine');
  });
});

describe('every letter', () => {
  it('greets by office or title, never by a degree; says how it is sent; names the plan', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine);
    const doctor = await ok(engine, 'contacts.create', {
      kind: 'provider',
      name: 'Ana Ruiz, MD',
      fax: '(312) 555-0100',
    });
    const senator = await ok(engine, 'contacts.create', {
      kind: 'lawmaker',
      name: 'Maria Reyes',
      title: 'Senator',
      addressLine1: '1 Capitol Way',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
    });
    const insurer = await ok(engine, 'contacts.create', {
      kind: 'insurer',
      name: 'Prairie Health Appeals',
      addressLine1: 'PO Box 9',
      city: 'Chicago',
      state: 'IL',
      postalCode: '60601',
    });
    const toDoctor = await generate(engine, caseId, 'claim-file-request', doctor.id);
    expect(toDoctor.text).toContain('Dear Dr. Ruiz:');
    expect(toDoctor.text).not.toContain('Dr. MD');
    expect(toDoctor.text).toContain('Sent by fax to (312) 555-0100');
    const toSenator = await generate(engine, caseId, 'lawmaker', senator.id);
    expect(toSenator.text).toContain('Dear Senator Reyes:');
    expect(toSenator.text).not.toContain('Sent by');
    const toInsurer = await generate(engine, caseId, 'appeal', insurer.id);
    expect(toInsurer.text).toContain('Dear Medical Director:');
    expect(toInsurer.text).toContain('Sent by certified mail, return receipt requested');
    expect(toInsurer.text).toContain('Prairie Health, Gold PPO · Member ID');
  });

  it('leaves no dangling words where a date is missing', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine);
    await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F41.1' } });
    const { text } = await generate(engine, caseId, 'medical-necessity', recipientId);
    expect(text).toMatch(/F41\.1 Generalized anxiety disorder\n/);
    expect(text).not.toMatch(/, diagnosed\s*\n/);
  });
});
