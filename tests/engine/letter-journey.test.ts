// A letter after it is written: recorded as sent (by fax, with its confirmation), the answer due
// by the rule for its kind — a deadline on the case, the dashboard and the calendar — and the
// answer recorded when it comes. A change from a stale copy is refused.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import { cleanup, fails, ok, tempEngine } from './helpers';
import { fullLetterCase } from './letter-case';

afterEach(cleanup);

async function letterOf(engine: Engine, kind: 'appeal' | 'expedited-appeal' | 'lawmaker') {
  const { caseId, recipientId } = await fullLetterCase(engine, { paritySent: false });
  const made = await ok(engine, 'letters.generate', { caseId, kind, recipientId });
  const [letter] = (await ok(engine, 'letters.list', { caseId })).items;
  expect(letter!.documentId).toBe(made.documentId);
  return { caseId, letter: letter! };
}

const responseDeadlines = async (engine: Engine, caseId: number) =>
  (await ok(engine, 'cases.get', { id: caseId })).deadlines.filter((d) =>
    d.title.startsWith('Response due'),
  );

describe('a letter’s journey', () => {
  it('starts the insurer’s clock when sent, moves it when corrected, and stops it when answered', async () => {
    const engine = tempEngine();
    const { caseId, letter } = await letterOf(engine, 'appeal');
    expect(letter).toMatchObject({ sentOn: null, responseDueOn: null, journeyVersion: 0 });

    const sent = await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-05',
      channel: 'fax',
      reference: 'FAX-CONF-88213',
    });
    // A pre-service appeal to an employer plan: 30 days (29 CFR 2560.503-1(i)(2)(ii)).
    expect(sent).toMatchObject({
      sentOn: '2026-01-05',
      sentChannel: 'fax',
      sentReference: 'FAX-CONF-88213',
      responseDueOn: '2026-02-04',
      journeyVersion: 1,
    });
    expect(sent.responseRule).toContain('2560.503-1(i)(2)(ii)');
    let due = await responseDeadlines(engine, caseId);
    expect(due.map((d) => [d.title, d.dueOn, d.completedOn])).toEqual([
      ['Response due: Internal appeal', '2026-02-04', null],
    ]);
    // On the dashboard, in its list by how far away it is.
    const board = await ok(engine, 'dashboard.get', { today: '2026-01-20' });
    expect(board.dueThisMonth.items.map((d) => d.title)).toContain('Response due: Internal appeal');

    // A copy read before that change cannot overwrite it.
    const stale = await fails(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-09',
      channel: 'mail',
    });
    expect(stale.code).toBe('conflict');

    // Corrected: the clock moves, and there is still one.
    const corrected = await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 1,
      sentOn: '2026-01-07',
      channel: 'certified-mail',
      reference: '9407 1000 0000 0000 0000 00',
    });
    expect(corrected.responseDueOn).toBe('2026-02-06');
    expect(corrected.responseRule).toMatch(/arrives/);
    due = await responseDeadlines(engine, caseId);
    expect(due.map((d) => d.dueOn)).toEqual(['2026-02-06']);

    // Past its date with no answer, it is a late letter on the dashboard, longest late first.
    const late = await ok(engine, 'dashboard.get', { today: '2026-02-10' });
    expect(late.lateLetters.total).toBe(1);
    expect(late.lateLetters.items[0]).toMatchObject({
      documentId: letter.documentId,
      templateName: expect.stringMatching(/appeal/i),
      sentOn: '2026-01-07',
      responseDueOn: '2026-02-06',
      daysLate: 4,
    });
    const onTime = await ok(engine, 'dashboard.get', { today: '2026-02-06' });
    expect(onTime.lateLetters.total).toBe(0);

    const early = await fails(engine, 'letters.recordResponse', {
      documentId: letter.documentId,
      expectedVersion: 2,
      receivedOn: '2026-01-06',
      outcome: 'approved',
    });
    expect(early).toMatchObject({ code: 'invalid-input', field: 'receivedOn' });
    const answered = await ok(engine, 'letters.recordResponse', {
      documentId: letter.documentId,
      expectedVersion: 2,
      receivedOn: '2026-01-30',
      outcome: 'approved',
      note: 'Approved for 6 infusions.',
    });
    expect(answered).toMatchObject({
      responseOutcome: 'approved',
      responseReceivedOn: '2026-01-30',
    });
    due = await responseDeadlines(engine, caseId);
    expect(due.map((d) => d.completedOn)).toEqual(['2026-01-30']);
    expect((await ok(engine, 'dashboard.get', { today: '2026-02-10' })).lateLetters.total).toBe(0);
    const later = await ok(engine, 'dashboard.get', { today: '2026-01-31' });
    expect(later.dueThisWeek.items.concat(later.overdue.items).map((d) => d.title)).not.toContain(
      'Response due: Internal appeal',
    );
  });

  it('gives an expedited appeal 72 hours and a letter to a lawmaker no clock, saying why', async () => {
    const engine = tempEngine();
    const { letter } = await letterOf(engine, 'expedited-appeal');
    const sent = await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-05',
      channel: 'portal',
    });
    expect(sent.responseDueOn).toBe('2026-01-08');
    expect(sent.responseRule).toMatch(/72 hours/);

    const other = tempEngine();
    const { caseId, letter: toLawmaker } = await letterOf(other, 'lawmaker');
    const quiet = await ok(other, 'letters.recordSent', {
      documentId: toLawmaker.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-05',
      channel: 'email',
    });
    expect(quiet.responseDueOn).toBeNull();
    expect(quiet.responseRule).toMatch(/lawmaker/);
    expect(await responseDeadlines(other, caseId)).toEqual([]);
  });

  it('takes a letter’s open clock away with the letter', async () => {
    const engine = tempEngine();
    const { caseId, letter } = await letterOf(engine, 'appeal');
    await ok(engine, 'letters.recordSent', {
      documentId: letter.documentId,
      expectedVersion: 0,
      sentOn: '2026-01-05',
      channel: 'fax',
    });
    expect(await responseDeadlines(engine, caseId)).toHaveLength(1);
    await ok(engine, 'documents.delete', { id: letter.documentId });
    expect(await responseDeadlines(engine, caseId)).toEqual([]);
  });
});
