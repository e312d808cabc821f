// The case list an advocate with many cases works from: sorted by any column, filtered by stage,
// insurer, treatment, plan type and what is due soon, a page at a time, with the count.
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import type { ApiArgs } from '../../electron/contract/api';
import { join } from 'node:path';
import {
  cleanup,
  fails,
  ok,
  openTracked,
  sampleCase,
  sampleClient,
  tempDir,
  tempEngine,
} from './helpers';
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

  it('finds the same pages whether it walks the order or sorts the matches', async () => {
    // A filter most cases pass is read by walking the order's index (a small page of a large
    // share); a whole list at once sorts the matches. Both must give the same cases in order.
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', sampleClient({ lastName: 'Many' }));
    const insurers = ['Prairie Health', 'aetna', 'PRAIRIE HEALTH', 'Cigna'];
    const treatments = ['TMS', 'Esketamine', 'IV ketamine'];
    const stages = ['denied', 'intake', 'internal-appeal-1'] as const;
    for (let i = 0; i < 40; i++) {
      const k = await ok(
        engine,
        'cases.create',
        sampleCase(client.id, {
          insurerName: i % 9 === 0 ? null : insurers[i % insurers.length]!,
          requestedTreatment: treatments[i % treatments.length]!,
          status: stages[i % stages.length]!,
        }),
      );
      if (i % 3 !== 0) {
        const dueOn = `2026-03-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
        await ok(engine, 'deadlines.create', { caseId: k.id, values: { title: 'File', dueOn } });
      }
    }
    // Cases made in the same millisecond tie on their last change: half of them do here.
    engine.db
      .prepare("UPDATE cases SET updated_at = '2026-02-01T00:00:00.000Z' WHERE id % 2 = 0")
      .run();
    const ids = async (args: Partial<ApiArgs<'cases.list'>>) => {
      const page = await ok(engine, 'cases.list', { today: TODAY, ...args });
      return { total: page.total, ids: page.items.map((c) => c.id) };
    };
    const filters: Partial<ApiArgs<'cases.list'>>[] = [
      { insurer: 'prairie health' },
      { dueWithinDays: 20 },
      { insurer: 'Prairie Health', dueWithinDays: 30 },
      { treatment: 'tms', status: 'denied' },
    ];
    for (const sort of ['activity', 'client', 'stage', 'insurer', 'treatment', 'due'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of filters) {
          const whole = await ids({ ...filter, sort, direction, limit: 200 });
          expect(whole.total).toBe(whole.ids.length);
          const paged: number[] = [];
          for (let offset = 0; offset < whole.total; offset += 3) {
            const page = await ids({ ...filter, sort, direction, limit: 3, offset });
            expect(page.total, `${sort} ${direction} ${JSON.stringify(filter)}`).toBe(whole.total);
            paged.push(...page.ids);
          }
          expect(paged, `${sort} ${direction} ${JSON.stringify(filter)}`).toEqual(whole.ids);
        }
      }
    }
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

describe('tags, saved views and moving several cases at once', () => {
  it('tags a case, lists and filters by a tag whatever its capitals', async () => {
    const engine = tempEngine();
    const made = await library(engine);
    expect(
      await ok(engine, 'caseTags.set', {
        caseId: made.Baker!,
        tags: ['Spanish', 'urgent', 'urgent'],
      }),
    ).toEqual(['Spanish', 'urgent']);
    await ok(engine, 'caseTags.set', { caseId: made.Cole!, tags: ['spanish'] });
    expect(await names(engine, { tag: 'SPANISH', sort: 'client' })).toEqual(['Baker', 'Cole']);
    const row = (await ok(engine, 'cases.list', { tag: 'urgent' })).items[0]!;
    expect(row.tags).toEqual(['Spanish', 'urgent']);
    expect(await ok(engine, 'caseTags.list', {})).toEqual([
      { tag: 'Spanish', cases: 2 },
      { tag: 'urgent', cases: 1 },
    ]);
    const bad = await fails(engine, 'caseTags.set', { caseId: made.Baker!, tags: ['a,b'] });
    expect(bad.code).toBe('invalid-input');
    await ok(engine, 'caseTags.set', { caseId: made.Baker!, tags: [] });
    expect(await names(engine, { tag: 'urgent' })).toEqual([]);
  });

  it('saves, renames and deletes a view; a stale rename and a taken name are refused', async () => {
    const engine = tempEngine();
    const saved = await ok(engine, 'views.create', { name: 'Due soon', query: 'due=7&sort=due' });
    expect(await ok(engine, 'views.list', {})).toEqual([saved]);
    expect((await fails(engine, 'views.create', { name: 'due SOON', query: '' })).field).toBe(
      'name',
    );
    const renamed = await ok(engine, 'views.rename', {
      id: saved.id,
      version: 1,
      name: 'This week',
    });
    expect(renamed).toMatchObject({ name: 'This week', version: 2, query: 'due=7&sort=due' });
    const stale = await fails(engine, 'views.rename', { id: saved.id, version: 1, name: 'Old' });
    expect(stale.code).toBe('conflict');
    await ok(engine, 'views.delete', { id: saved.id });
    expect(await ok(engine, 'views.list', {})).toEqual([]);
  });

  it('moves several cases in one go, refusing one changed since the list was read', async () => {
    const engine = tempEngine();
    const made = await library(engine);
    // Dunn was moved elsewhere after the list showed it at "Gathering records".
    await ok(engine, 'stages.move', { caseId: made.Dunn!, to: 'denied', movedOn: TODAY });
    const result = await ok(engine, 'stages.moveMany', {
      cases: [
        { caseId: made.Baker!, from: 'denied' },
        { caseId: made.Dunn!, from: 'gathering-records' },
        { caseId: made.Adams!, from: 'intake' },
      ],
      to: 'internal-appeal-1',
      movedOn: TODAY,
    });
    expect(result.moved).toEqual([made.Baker, made.Adams]);
    expect(result.refused).toEqual([
      { caseId: made.Dunn, reason: expect.stringMatching(/changed elsewhere.*Denied/) },
    ]);
    expect(await names(engine, { status: 'internal-appeal-1', sort: 'client' })).toEqual([
      'Adams',
      'Baker',
    ]);
    const history = await ok(engine, 'workflow.get', { caseId: made.Baker! });
    expect(history.stages.at(-1)).toMatchObject({
      toStage: 'internal-appeal-1',
      fromStage: 'denied',
    });
  });

  it('exports only the cases picked', async () => {
    const engine = tempEngine();
    const made = await library(engine);
    const csv = await ok(engine, 'cases.export', { caseIds: [made.Cole!, made.Adams!] });
    expect(csv.rows).toBe(2);
    expect(csv.text).toContain('Di Cole');
    expect(csv.text).not.toContain('Ana Baker');
  });
});
