// A case's timeline merges what happened on it, newest first, a page at a time.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, clientWithCase, fails, ok, tempEngine } from './helpers';

afterEach(cleanup);

describe('the case timeline', () => {
  it('merges calls, letters and their sending and answer, stage moves and denials, newest first', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine, {}, { status: 'intake' });
    const caseId = kase.id;
    await ok(engine, 'stages.move', { caseId, to: 'prior-auth-submitted', movedOn: '2026-01-02' });
    await ok(engine, 'denials.create', {
      caseId,
      values: {
        deniedOn: '2026-01-10',
        reason: 'Not medically necessary.',
        service: 'Esketamine nasal spray',
        claimType: 'pre-service',
      },
    });
    await ok(engine, 'communications.create', {
      caseId,
      values: {
        occurredOn: '2026-01-12',
        channel: 'phone',
        person: 'Rep Dana',
        summary: 'Asked for the criteria used.',
      },
    });
    const insurer = await ok(engine, 'contacts.create', { kind: 'insurer', name: 'Appeals' });
    const letter = await ok(engine, 'letters.generate', {
      caseId,
      kind: 'appeal',
      recipientId: insurer.id,
    });
    await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-15',
      channel: 'fax',
      reference: 'FX-1',
    });
    await ok(engine, 'letters.recordResponse', {
      documentId: letter.documentId,
      expectedVersion: 1,
      receivedOn: '2026-02-01',
      outcome: 'approved',
    });

    const all = await ok(engine, 'cases.timeline', { caseId, limit: 50 });
    const dated = all.items.filter((e) => e.kind !== 'letter');
    expect(dated.map((e) => [e.kind, e.on])).toEqual([
      ['answer', '2026-02-01'],
      ['sent', '2026-01-15'],
      ['call', '2026-01-12'],
      ['stage', '2026-01-10'],
      ['denial', '2026-01-10'],
      ['stage', '2026-01-02'],
      ['stage', expect.any(String)],
    ]);
    expect(all.items.some((e) => e.kind === 'letter' && e.recordId === letter.documentId)).toBe(
      true,
    );
    expect(all.items.find((e) => e.kind === 'sent')!.what).toMatch(/sent by fax \(FX-1\)/);
    expect(all.items.find((e) => e.kind === 'call')!.what).toBe(
      'Phone with Rep Dana: Asked for the criteria used.',
    );
    expect(all.items.find((e) => e.kind === 'answer')!.what).toMatch(/approved$/);

    // A page at a time, with the count.
    const first = await ok(engine, 'cases.timeline', { caseId, limit: 3 });
    const next = await ok(engine, 'cases.timeline', { caseId, limit: 3, offset: 3 });
    expect(first.total).toBe(all.total);
    expect([...first.items, ...next.items]).toEqual(all.items.slice(0, 6));
    expect((await fails(engine, 'cases.timeline', { caseId: 999 })).code).toBe('not-found');
  });

  it('tells the coverage work: peer-to-peer calls, benefits checks and network decisions', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const caseId = kase.id;
    await ok(engine, 'peerCalls.create', {
      caseId,
      values: {
        occurredOn: '2026-03-02',
        reviewerName: 'Dr. Kim',
        reviewerCredentials: 'MD, family medicine',
        askedFor: '36 sessions of TMS',
        outcome: 'upheld',
      },
    });
    await ok(engine, 'benefitsChecks.create', {
      caseId,
      values: {
        checkedOn: '2026-03-01',
        representative: 'Dana',
        referenceNumber: 'BV-1',
        priorAuthRequired: 'yes',
      },
    });
    await ok(engine, 'networkRequests.create', {
      caseId,
      values: {
        kind: 'single-case-agreement',
        providerName: 'Dr. Ada Lovelace',
        decision: 'approved',
        decidedOn: '2026-03-05',
      },
    });
    const { items } = await ok(engine, 'cases.timeline', { caseId, limit: 50 });
    expect(items.filter((e) => e.kind !== 'stage').map((e) => [e.kind, e.on, e.what])).toEqual([
      ['decision', '2026-03-05', 'Single-case agreement with Dr. Ada Lovelace: approved'],
      ['peer-call', '2026-03-02', 'Peer-to-peer with Dr. Kim (MD, family medicine): denial upheld'],
      ['benefits', '2026-03-01', 'Benefits checked with Dana (ref. BV-1): prior authorization yes'],
    ]);
  });
});
