// The case list an advocate with many cases works from: sorted by any column, filtered by stage,
// insurer, treatment, plan type and what is due soon, a page at a time, with the count.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import type { ApiArgs } from '../../electron/contract/api';
import { join } from 'node:path';
import { cleanup, ok, openTracked, sampleCase, sampleClient, tempDir, tempEngine } from './helpers';
import { cli } from './run-cli';

afterEach(cleanup);

const TODAY = '2026-03-01';

/** Four cases that differ in every column the list sorts by. */
async function library(engine: Engine) {
  const made: Record<string, number> = {};
  const add = async (
    first: string,
    last: string,
    kase: Partial<ApiArgs<'cases.create'>>,
    dueOn: string | null,
  ) => {
    const c = await ok(
      engine,
      'clients.create',
      sampleClient({ firstName: first, lastName: last }),
    );
    const k = await ok(engine, 'cases.create', sampleCase(c.id, kase));
    if (dueOn)
      await ok(engine, 'deadlines.create', { caseId: k.id, values: { title: 'File', dueOn } });
    made[last] = k.id;
  };
  await add(
    'Ana',
    'Baker',
    { insurerName: 'Prairie Health', requestedTreatment: 'TMS', status: 'denied' },
    '2026-03-08',
  );
  await add(
    'Cy',
    'Adams',
    {
      insurerName: 'aetna',
      requestedTreatment: 'Esketamine',
      status: 'intake',
      planType: 'medicare',
    },
    '2026-03-09',
  );
  await add(
    'Di',
    'Cole',
    { insurerName: null, requestedTreatment: 'IV ketamine', status: 'external-review' },
    null,
  );
  await add(
    'Ed',
    'Dunn',
    { insurerName: 'Cigna', requestedTreatment: 'tms', status: 'gathering-records' },
    '2026-02-20',
  );
  return made;
}

async function names(engine: Engine, args: ApiArgs<'cases.list'>) {
  const page = await ok(engine, 'cases.list', args);
  return page.items.map((c) => c.clientName.split(' ')[1]);
}

describe('the case list, sorted', () => {
  it('sorts by each column both ways, blanks last, and pages across the order', async () => {
    const engine = tempEngine();
    await library(engine);
    expect(await names(engine, { sort: 'client' })).toEqual(['Adams', 'Baker', 'Cole', 'Dunn']);
    expect(await names(engine, { sort: 'client', direction: 'desc' })).toEqual([
      'Dunn',
      'Cole',
      'Baker',
      'Adams',
    ]);
    // Stages in the order coverage is won, not alphabetically.
    expect(await names(engine, { sort: 'stage' })).toEqual(['Adams', 'Dunn', 'Baker', 'Cole']);
    expect(await names(engine, { sort: 'stage', direction: 'desc' })).toEqual([
      'Cole',
      'Baker',
      'Dunn',
      'Adams',
    ]);
    // Insurers A to Z whatever their capitals; a case with no insurer comes last either way.
    expect(await names(engine, { sort: 'insurer' })).toEqual(['Adams', 'Dunn', 'Baker', 'Cole']);
    expect(await names(engine, { sort: 'insurer', direction: 'desc' })).toEqual([
      'Baker',
      'Dunn',
      'Adams',
      'Cole',
    ]);
    // Soonest due first; nothing due comes last.
    expect(await names(engine, { sort: 'due' })).toEqual(['Dunn', 'Baker', 'Adams', 'Cole']);
    expect(await names(engine, { sort: 'treatment' })).toEqual(['Adams', 'Cole', 'Baker', 'Dunn']);
    // Page by page, one row at a time, the same order as all at once.
    for (const sort of ['client', 'stage', 'insurer', 'due', 'treatment', 'activity'] as const) {
      const whole = await names(engine, { sort });
      const paged: (string | undefined)[] = [];
      for (let offset = 0; offset < 4; offset++)
        paged.push(...(await names(engine, { sort, limit: 1, offset })));
      expect(paged, sort).toEqual(whole);
      expect((await ok(engine, 'cases.list', { sort, limit: 1 })).total).toBe(4);
    }
  });
});

describe('the case list, filtered', () => {
  it('filters by insurer, treatment and plan type, ignoring capitals, with the count', async () => {
    const engine = tempEngine();
    await library(engine);
    const byInsurer = await ok(engine, 'cases.list', { insurer: 'AETNA' });
    expect(byInsurer.total).toBe(1);
    expect(byInsurer.items[0]!.clientName).toBe('Cy Adams');
    expect(await names(engine, { treatment: 'TMS', sort: 'client' })).toEqual(['Baker', 'Dunn']);
    expect(await names(engine, { planType: 'medicare' })).toEqual(['Adams']);
    expect(await names(engine, { treatment: 'TMS', status: 'denied' })).toEqual(['Baker']);
    expect((await ok(engine, 'cases.list', { insurer: 'Nobody' })).total).toBe(0);
  });

  it('counts "due within N days" including the last day and what is overdue', async () => {
    const engine = tempEngine();
    const made = await library(engine);
    // Mar 8 is exactly 7 days from Mar 1: in. Mar 9 is not. Feb 20 is overdue: in.
    expect(await names(engine, { dueWithinDays: 7, today: TODAY, sort: 'due' })).toEqual([
      'Dunn',
      'Baker',
    ]);
    expect((await ok(engine, 'cases.list', { dueWithinDays: 8, today: TODAY })).total).toBe(3);
    // Done deadlines no longer count; the case's next one does.
    const detail = await ok(engine, 'cases.get', { id: made.Dunn! });
    const d = detail.deadlines[0]!;
    await ok(engine, 'deadlines.update', {
      id: d.id,
      version: d.version,
      values: { ...d, completedOn: TODAY },
    });
    expect(await names(engine, { dueWithinDays: 7, today: TODAY })).toEqual(['Baker']);
    const row = (await ok(engine, 'cases.list', { sort: 'due' })).items.find(
      (c) => c.id === made.Dunn,
    );
    expect(row!.nextDueOn).toBeNull();
  });

  it('filters and orders the matches of a search', async () => {
    const engine = tempEngine();
    await library(engine);
    expect(await names(engine, { query: 'tms', sort: 'client', direction: 'desc' })).toEqual([
      'Dunn',
      'Baker',
    ]);
    expect(await names(engine, { query: 'tms', insurer: 'cigna' })).toEqual(['Dunn']);
  });

  it('forgets a deleted case everywhere the list reads', async () => {
    const engine = tempEngine();
    const made = await library(engine);
    await ok(engine, 'cases.delete', { id: made.Baker! });
    expect(await names(engine, { sort: 'due' })).toEqual(['Dunn', 'Adams', 'Cole']);
    const left = engine.db.prepare('SELECT count(*) FROM case_next_due').pluck().get();
    expect(left).toBe(2);
  });
});

describe('the case list as CSV', () => {
  it('writes every matching case, quoted, with formulas kept as text', async () => {
    const engine = tempEngine();
    await library(engine);
    const c = await ok(
      engine,
      'clients.create',
      sampleClient({ firstName: '=HYPERLINK("http://x")', lastName: 'Quote, "Q"' }),
    );
    await ok(engine, 'cases.create', sampleCase(c.id, { insurerName: '+Aetna', memberId: '@1' }));
    const all = await ok(engine, 'cases.export', { sort: 'client' });
    expect(all.rows).toBe(5);
    const lines = all.text.split('\r\n');
    expect(lines[0]).toBe('Case,Client,Treatment,Stage,Insurer,Member ID,Next due,Last activity');
    expect(lines).toHaveLength(7); // header, five rows, and the empty string after the last CRLF
    const odd = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(odd).toContain(`"'=HYPERLINK(""http://x"") Quote, ""Q"""`);
    expect(odd).toContain(",'+Aetna,'@1,");
    const filtered = await ok(engine, 'cases.export', { treatment: 'tms' });
    expect(filtered.rows).toBe(2);
  });
});

describe('the case list from the command line', () => {
  it('filters and sorts as the app does, as JSON lines or CSV', async () => {
    const db = join(tempDir(), 'library.sqlite');
    const engine = openTracked(db);
    await library(engine);
    engine.close();
    const json = await cli(
      '--db',
      db,
      'case',
      'list',
      '--treatment',
      'tms',
      '--sort',
      'client',
      '--desc',
    );
    expect(json.code).toBe(0);
    expect(json.out.map((l) => (JSON.parse(l) as { clientName: string }).clientName)).toEqual([
      'Ed Dunn',
      'Ana Baker',
    ]);
    const csv = await cli('--db', db, 'case', 'list', '--insurer', 'cigna', '--csv');
    expect(csv.code).toBe(0);
    expect(csv.out.join('\n').split('\r\n')).toHaveLength(2);
    expect(csv.out.join('')).toContain('Ed Dunn');
    const bad = await cli('--db', db, 'case', 'list', '--sort', 'colour');
    expect(bad.code).not.toBe(0);
    expect(bad.err.join(' ')).toMatch(/sort/i);
  });
});
