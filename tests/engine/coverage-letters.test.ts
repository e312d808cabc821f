// The coverage documents argue from the case's own records: the parity request names the limit the
// denial applied and asks within 30 days (a clock that lapses onto the dashboard), the complaint
// goes to the regulator for the plan type, the network-gap request lists every provider tried,
// the peer-to-peer sheet answers the denial's likely objections from the record, and the benefits
// script prices the course in and out of network. What a case lacks is a gap, never invented.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import type { LetterKind } from '../../electron/contract/letter';
import { addDays } from '../../electron/engine/deadlines/plain-date';
import { cleanup, clientWithCase, ok, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';
import { letterText } from './letter-text';

afterEach(cleanup);

async function written(engine: Engine, caseId: number, kind: LetterKind, recipientId?: number) {
  const letter = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
  return { letter, text: (await letterText(engine, letter.documentId)).replace(/\s+/g, ' ') };
}

describe('coverage letters', () => {
  it('a parity request names the limit applied, rests on the statute, and starts a 30-day clock', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine, { paritySent: false });
    const { letter, text } = await written(engine, caseId, 'parity-request', recipientId);
    expect(text).toContain(
      'Prairie Health has applied the exclusion of treatments the plan considers experimental or investigational to',
    );
    expect(text).toMatch(/comparative analysis/);
    expect(text).toContain('ERISA section 712(a)(8)');
    expect(text).toContain('within 30 days');
    // Nothing rests on the 2024 final rule while it is not enforced.
    expect(text).not.toMatch(
      /2024 (final )?rule|material differences|meaningful benefits|2590\.712\(c\)\(4\)/i,
    );

    const today = new Date().toISOString().slice(0, 10);
    const sentOn = addDays(today, -45);
    const sent = await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn,
      channel: 'certified-mail',
      reference: '9407 1118 9956 2311 4470 12',
    });
    expect(sent.responseDueOn).toBe(addDays(sentOn, 30));
    expect(sent.responseRule).toMatch(/30 days.*Escalate to the regulator/);
    const dashboard = await ok(engine, 'dashboard.get', { today });
    expect(dashboard.lateLetters.items.map((l) => [l.documentId, l.daysLate])).toEqual([
      [letter.documentId, 15],
    ]);

    // The complaint then says when the answer was due and that none came, to EBSA for this plan.
    const complaint = await written(engine, caseId, 'parity-complaint', recipientId);
    expect(complaint.letter.gaps).toBe(0);
    expect(complaint.text).toContain('Employee Benefits Security Administration (EBSA)');
    expect(complaint.text).toMatch(
      /the response was due by [A-Z][a-z]+ \d+, \d{4}\. As of .*, the plan has not provided the documents/,
    );
  });

  it('sends a parity complaint to the state for an insured plan, and says MHPAEA does not reach Medicare', async () => {
    const engine = tempEngine();
    const insured = await clientWithCase(engine, { state: 'IL' }, { planType: 'fully-insured' });
    const { text } = await written(engine, insured.case.id, 'parity-complaint');
    expect(text).toContain('the Illinois state insurance regulator');
    const medicare = await clientWithCase(engine, { firstName: 'Ann' }, { planType: 'medicare' });
    const request = await written(engine, medicare.case.id, 'parity-request');
    expect(request.text).toMatch(/it does not apply to Medicare/);
    expect(request.letter.checklist.map((c) => c.label)).toContain(
      'a plan type MHPAEA covers (it does not apply to Medicare)',
    );
  });

  it('a network-gap request lists every provider tried with the clinician’s rationale; a thin case is told what to log', async () => {
    const engine = tempEngine();
    const { caseId, recipientId } = await fullLetterCase(engine, { paritySent: false });
    const { letter, text } = await written(engine, caseId, 'network-gap-request', recipientId);
    expect(letter.gaps).toBe(0);
    for (const name of [
      'North Shore Ketamine Center',
      'Lakeview Behavioral Health',
      'Prairie Infusion Clinic',
    ])
      expect(text).toContain(name);
    expect(text).toContain('98 days');
    expect(text).toContain('enter into a single-case agreement with Dr. Ada Lovelace');
    expect(text).toContain('No in-network clinic within 40 miles');
    const sent = await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2024-07-16',
      channel: 'fax',
      reference: 'FAX-OK-2231',
    });
    // Decided as a pre-service request under the employer plan's rules.
    expect(sent.responseDueOn).toBe('2024-07-31');

    const thin = await clientWithCase(engine, { firstName: 'Lee' });
    const bare = await written(engine, thin.case.id, 'network-gap-request');
    const items = bare.letter.checklist.map((c) => [c.label, c.link]);
    expect(items).toContainEqual([
      'in-network providers tried (the access log)',
      `/cases/${thin.case.id}?focus=section-accessAttempts`,
    ]);
  });

  it('a peer-to-peer sheet answers the step-therapy objection with the trials, and invents nothing for a thin case', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine, { paritySent: false });
    await ok(engine, 'denials.create', {
      caseId,
      values: {
        deniedOn: '2024-08-01',
        referenceNumber: 'UM-2024-60001',
        service: 'IV ketamine infusion (J3490)',
        reason: 'Member has not tried and failed two preferred antidepressants.',
        category: 'step-therapy',
        claimType: 'pre-service',
      },
    });
    const { letter, text } = await written(engine, caseId, 'peer-to-peer-prep');
    expect(letter.gaps).toBe(0);
    expect(text).toContain('Approve IV ketamine infusion series (J3490, 96365)');
    expect(text).toMatch(
      /"Required first-line treatments have not been tried\." They have: 3 medication trials across SSRI, SNRI and NDRI/,
    );
    expect(text).toContain('PHQ-9 24 (January 5, 2024) to 23 (June 2, 2024)');
    expect(text).toContain('Dr. Paul Kim (MD, family medicine)');
    expect(text).not.toContain('Sincerely');

    const thin = await clientWithCase(engine, { firstName: 'Lee' });
    const bare = await written(engine, thin.case.id, 'peer-to-peer-prep');
    expect(bare.text).toContain(
      'Not in the record yet: have each medication’s dose, dates and outcome ready',
    );
    expect(bare.letter.checklist.map((c) => c.label)).toEqual(
      expect.arrayContaining([
        'treatments tried, with doses and dates',
        'scores over time (PHQ-9 or similar)',
      ]),
    );
  });

  it('a benefits call script asks for every answer and prices the course from the last check', async () => {
    const engine = tempEngine();
    const { caseId } = await fullLetterCase(engine, { paritySent: false });
    const { letter, text } = await written(engine, caseId, 'benefits-call-script');
    expect(letter.gaps).toBe(0);
    for (const ask of [
      'reference number for this call',
      'in network for this plan? What tier?',
      'Is prior authorization required',
      'Is a referral required?',
      'how much is met this year',
      'copay or coinsurance',
      'limit on visits or sessions',
    ])
      expect(text).toContain(ask);
    // In network: $1,100 of deductible left, then 20% of $1,600; out: all six toward the deductible.
    expect(text).toMatch(/Client pays \(estimate\) \$1,420 \$2,280/);
    expect(text).toContain('Dana at Prairie Health (reference BV-220611)');
    expect(text).toContain('Lakeside Psychiatry sliding scale');

    const thin = await clientWithCase(engine, { firstName: 'Lee' });
    const bare = await written(engine, thin.case.id, 'benefits-call-script');
    expect(bare.text).toContain('No check recorded yet');
    expect(bare.text).not.toMatch(/\$\d/);
  });
});
