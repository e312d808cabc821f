// A library of 100,000 cases must answer like one of a hundred: every list a page with its count,
// every query through an index (shown by EXPLAIN QUERY PLAN), and the counts and dates that
// triggers keep for that always equal to what the tables say. Speed itself is measured by
// `npm run bench`, never here.
import type { Statement } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine';
import type { ApiArgs, ApiName } from '../../electron/contract/api';
import { SEARCH_WINDOW } from '../../electron/engine/search/queries';
import { documentQueries } from '../../electron/engine/documents/queries';
import { withCaseIndexHeld } from '../../electron/engine/search/held-index';
import { cleanup, clientWithCase, ok, tempEngine, versionOf } from './helpers';
import { Document, Packer, Paragraph } from 'docx';
import { decisionDue } from '../../electron/engine/deadlines/rules';
import type { CaseStatus, PlanType } from '../../electron/contract/case';
import type { ClaimType } from '../../electron/contract/workflow';

const docx = (text: string) =>
  Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(text)] }] }));

afterEach(cleanup);

/** The SQL of every statement the engine runs while `work` makes its calls. */
async function statementsRunBy(engine: Engine, work: () => Promise<void>): Promise<string[]> {
  const proto = Object.getPrototypeOf(engine.db.prepare('SELECT 1')) as Record<string, unknown>;
  const seen = new Set<string>();
  const methods = ['all', 'get', 'iterate', 'run'] as const;
  const originals = methods.map((m) => proto[m] as (...a: unknown[]) => unknown);
  methods.forEach((m, i) => {
    proto[m] = function (this: Statement, ...args: unknown[]) {
      seen.add(this.source);
      return originals[i]!.apply(this, args);
    };
  });
  try {
    await work();
  } finally {
    methods.forEach((m, i) => (proto[m] = originals[i]));
  }
  return [...seen];
}

/** EXPLAIN QUERY PLAN of a statement, its parameters left unbound (NULL). */
function plan(engine: Engine, sql: string): string[] {
  const named = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
  const positional = [...sql.matchAll(/\?/g)].map(() => null);
  const explain = engine.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Object.keys(named).length ? explain.all(named) : explain.all(...positional)) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

/**
 * What a plan may not do: read a whole table or index. An FTS5 scan must be driven by MATCH; an
 * index walked in order is allowed only when the statement stops at a LIMIT without sorting
 * (the first page of a list); a sort is allowed only over the bounded window of a search.
 */
function scans(sql: string, steps: string[]): string[] {
  const limited = /\bLIMIT\b/i.test(sql);
  const sorts = steps.some((s) => s.startsWith('USE TEMP B-TREE'));
  const windowed = /MATCH[\s\S]*LIMIT/i.test(sql);
  // The case list over a search's window of ids, or over the rows one filter picks out of an
  // index (a stage, an insurer, what is due within N days): that subset sorted as asked, never
  // the whole library.
  const bounded = /json_each\(@ids\)/.test(sql) || steps[0]?.startsWith('SEARCH ') === true;
  // Skipping past the cases with something due, on a later page of "soonest due": one small
  // index, counted.
  const dueCount = /^\s*SELECT count\(\*\)\s+FROM case_next_due n\b/.test(sql);
  // A chart's rows: one per insurer or treatment, never one per case.
  const counts = /\bFROM outcome_counts\b/.test(sql);
  return steps.filter((step) => {
    if (step.startsWith('USE TEMP B-TREE')) return !windowed && !counts && !bounded;
    const scan = /^SCAN (\S+)(.*)$/.exec(step);
    if (!scan) return false;
    const [, name, rest] = scan;
    // A SELECT of no table (total_changes()) reads one constant row.
    if (name!.startsWith('(') || name === 'json_each' || step === 'SCAN CONSTANT ROW') return false;
    if (rest!.includes('VIRTUAL TABLE')) return !/INDEX \d+:M/.test(rest!);
    if ((name === 'n' || name === 'case_next_due') && dueCount) return false;
    if (/USING (COVERING )?INDEX/.test(rest!)) return !(limited && !sorts);
    return true;
  });
}

async function call<N extends ApiName>(engine: Engine, name: N, args: ApiArgs<N>) {
  return ok(engine, name, args);
}

describe('lists read through indexes, a page at a time', () => {
  it('no search, case list, client list or dashboard query scans a table', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    await call(engine, 'deadlines.create', {
      caseId: kase.id,
      values: { title: 'Appeal due', dueOn: '2025-01-02' },
    });
    const sql = await statementsRunBy(engine, async () => {
      for (const args of [
        {},
        { status: 'intake' as const },
        { clientId: client.id },
        { clientId: client.id, status: 'intake' as const },
        { query: 'Okonkwo' },
        { query: 'Okonkwo keta', status: 'denied' as const },
        { query: 'maria', clientId: client.id },
        ...(['activity', 'client', 'stage', 'insurer', 'treatment', 'due'] as const).flatMap(
          (sort) => [
            { sort },
            { sort, direction: 'desc' as const, offset: 1 },
            { sort, status: 'intake' as const, offset: 1 },
            { sort, insurer: 'Prairie Health', planType: 'fully-insured' as const },
            { sort, dueWithinDays: 30, today: '2025-01-01' },
            { sort, query: 'Okonkwo', treatment: 'TMS' },
            { sort, tag: 'spanish' },
          ],
        ),
      ]) {
        await call(engine, 'cases.list', args);
      }
      await call(engine, 'search', { query: 'maria okon' });
      await call(engine, 'clients.list', {});
      await call(engine, 'clients.list', { query: 'okon' });
      await call(engine, 'dashboard.get', {});
      await call(engine, 'dashboard.get', { today: '2025-01-01', rows: { overdue: 100 } });
    });
    const reads = sql.filter((s) => /^\s*(WITH|SELECT)/i.test(s));
    expect(reads.length).toBeGreaterThan(15);
    const found = reads
      .map((s) => ({ sql: s.replace(/\s+/g, ' ').trim(), bad: scans(s, plan(engine, s)) }))
      .filter((r) => r.bad.length > 0);
    expect(found).toEqual([]);
  });

  it('counts a list filtered by two of the cases’ own fields from one index alone', async () => {
    // An insurer holds a quarter of a large library: its count must not fetch each of its cases
    // to read the other field.
    const engine = tempEngine();
    await clientWithCase(engine);
    const sql = await statementsRunBy(engine, async () => {
      await call(engine, 'cases.list', { insurer: 'Prairie Health', treatment: 'TMS' });
      await call(engine, 'cases.list', { insurer: 'Prairie Health', planType: 'medicaid' });
      await call(engine, 'cases.list', {
        insurer: 'Prairie Health',
        treatment: 'TMS',
        status: 'denied',
      });
    });
    const counts = sql.filter((s) => /^\s*SELECT count\(\*\) FROM cases k\b/.test(s));
    expect(counts).toHaveLength(3);
    for (const count of counts) {
      expect(plan(engine, count), count).toEqual([
        expect.stringMatching(/^SEARCH k USING COVERING INDEX cases_facets \(insurer_name=\?/),
      ]);
    }
  });

  it("keeps the index in step by each case's row id, never by reading the index through", () => {
    const engine = tempEngine();
    const triggers = engine.db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%case_search%'")
      .pluck()
      .all() as string[];
    const statements = triggers.flatMap((t) =>
      [...t.matchAll(/(DELETE FROM case_search WHERE[^;]*|INSERT INTO case_search \([^;]*)/g)].map(
        (m) => m[1]!.replace(/\b(new|old)\.(\w+)/g, '1'),
      ),
    );
    expect(statements.length).toBeGreaterThan(10);
    for (const sql of statements) {
      const steps = plan(engine, sql);
      const index = steps.filter((s) => /case_search VIRTUAL TABLE/.test(s));
      expect(
        index.every((s) => /INDEX \d+:=/.test(s)),
        `${sql}\n${steps.join('\n')}`,
      ).toBe(true);
      expect(
        scans(
          sql,
          steps.filter((s) => !/case_search VIRTUAL TABLE/.test(s)),
        ),
      ).toEqual([]);
    }
  });

  it('pages through the case list without gaps or repeats, with the whole count', async () => {
    const engine = tempEngine();
    const { client } = await clientWithCase(engine);
    for (let i = 0; i < 11; i++) {
      await call(engine, 'cases.create', { clientId: client.id, requestedTreatment: `TMS ${i}` });
    }
    const pages = [];
    for (let offset = 0; offset < 12; offset += 5) {
      pages.push(await call(engine, 'cases.list', { limit: 5, offset }));
    }
    expect(pages.map((p) => p.total)).toEqual([12, 12, 12]);
    const ids = pages.flatMap((p) => p.items.map((c) => c.id));
    expect(new Set(ids).size).toBe(12);
    // The sample case is at "denied"; the others were opened at intake.
    expect(await call(engine, 'cases.list', { status: 'intake', limit: 1 })).toMatchObject({
      total: 11,
    });
    expect(await call(engine, 'cases.list', { status: 'denied' })).toMatchObject({ total: 1 });
    expect(await call(engine, 'cases.list', { status: 'approved' })).toMatchObject({ total: 0 });
  });
});

describe('a bulk write holding the search index', () => {
  it('leaves each case it touched indexed as the triggers would, and the hold released', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const db = engine.db;
    const treatments = db.prepare(
      "INSERT INTO treatments (case_id, kind, name) VALUES (?, 'medication', ?)",
    );
    db.transaction(() =>
      withCaseIndexHeld(
        db,
        () => {
          for (const drug of ['Quetiapine', 'Lamotrigine', 'Prazosin'])
            treatments.run(kase.id, drug);
          // Held: the insert did not rewrite the row.
          expect(
            db
              .prepare("SELECT count(*) FROM case_search WHERE case_search MATCH 'prazosin'")
              .pluck()
              .get(),
          ).toBe(0);
          return [kase.id];
        },
        (ids) => ids,
      ),
    )();
    expect(db.prepare('SELECT held FROM search_held').pluck().get()).toBe(0);
    const rows = (sql: string) => db.prepare(sql).all();
    expect(rows('SELECT rowid AS id, client, kase, records, documents FROM case_search')).toEqual(
      rows('SELECT case_id AS id, client, kase, records, documents FROM case_search_source'),
    );
    expect((await call(engine, 'search', { query: 'prazosin' })).map((c) => c.id)).toEqual([
      kase.id,
    ]);
  });
});

describe("a case's documents", () => {
  it('come on the case page up to a hundred, with their count, and a page at a time after', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    const docs = documentQueries(engine.db);
    engine.db.transaction(() => {
      for (let i = 0; i < 130; i++) {
        docs.add({
          caseId: kase.id,
          fileName: `note-${i}.pdf`,
          mediaType: 'application/pdf',
          origin: 'imported',
          text: `Note ${i}`,
          note: null,
          bytes: Buffer.from(`%PDF-1.7 note ${i}`),
        });
      }
    })();
    const detail = await call(engine, 'cases.get', { id: kase.id });
    expect(detail.documents).toHaveLength(100);
    expect(detail.documentsTotal).toBe(130);
    const rest = await call(engine, 'documents.list', { caseId: kase.id, offset: 100 });
    expect(rest.total).toBe(130);
    expect(rest.items.map((d) => d.fileName)).toEqual(
      Array.from({ length: 30 }, (_, i) => `note-${100 + i}.pdf`),
    );
    expect((await engine.call('documents.list', { caseId: 999 })).ok).toBe(false);
  });
});

describe('search', () => {
  it('puts cases the words describe before newer ones that only mention them in a document', async () => {
    const engine = tempEngine();
    const named = await clientWithCase(engine, { firstName: 'Ruth', lastName: 'Pollard' });
    const mentions = await clientWithCase(engine, { firstName: 'Ana', lastName: 'Silva' });
    engine.db.transaction(() =>
      documentQueries(engine.db).add({
        caseId: mentions.case.id,
        fileName: 'referral.pdf',
        mediaType: 'application/pdf',
        origin: 'imported',
        text: 'Referred by Dr. Pollard for treatment-resistant depression.',
        note: null,
        bytes: Buffer.from('%PDF-1.7 referral'),
      }),
    )();
    const found = await call(engine, 'search', { query: 'pollard' });
    expect(found.map((c) => c.id)).toEqual([named.case.id, mentions.case.id]);
    // Otherwise the newest case first.
    const later = await clientWithCase(engine, { firstName: 'Tim', lastName: 'Pollard' });
    const again = await call(engine, 'search', { query: 'pollard' });
    expect(again.map((c) => c.id)).toEqual([later.case.id, named.case.id, mentions.case.id]);
  });

  it('takes the last word as the start of a word, and the words before it whole', async () => {
    const engine = tempEngine();
    const okonkwo = await clientWithCase(engine, { firstName: 'Maria', lastName: 'Okonkwo' });
    const ids = async (query: string) => (await call(engine, 'search', { query })).map((c) => c.id);
    expect(await ids('maria okon')).toEqual([okonkwo.case.id]);
    expect(await ids('okonkwo mar')).toEqual([okonkwo.case.id]);
    expect(await ids('okon maria')).toEqual([]);
  });

  it('counts the matches up to its window and says when more match', async () => {
    const engine = tempEngine();
    await clientWithCase(engine);
    const { client } = await clientWithCase(engine, { firstName: 'Tom', lastName: 'Brennan' });
    const add = engine.db.prepare(
      "INSERT INTO cases (client_id, requested_treatment) VALUES (?, 'Deep TMS')",
    );
    engine.db.transaction(() => {
      for (let i = 0; i < SEARCH_WINDOW + 5; i++) add.run(client.id);
    })();
    const page = await call(engine, 'cases.list', { query: 'deep tms', limit: 50 });
    expect(page).toMatchObject({ total: SEARCH_WINDOW, capped: true });
    expect(page.items).toHaveLength(50);
    // The newest matches are the ones counted.
    expect(page.items[0]!.id).toBeGreaterThan(SEARCH_WINDOW - 50);
    const last = await call(engine, 'cases.list', {
      query: 'deep tms',
      limit: 50,
      offset: SEARCH_WINDOW - 10,
    });
    expect(last.items).toHaveLength(10);
    expect(await call(engine, 'cases.list', { query: 'okonkwo' })).toMatchObject({
      total: 1,
      capped: false,
    });
  });

  it('matches a short word whole and a longer one as the start of a word', async () => {
    const engine = tempEngine();
    const wu = await clientWithCase(engine, { firstName: 'Li', lastName: 'Wu' });
    const wulf = await clientWithCase(engine, { firstName: 'Ann', lastName: 'Wulfsberg' });
    const ids = async (query: string) => (await call(engine, 'search', { query })).map((c) => c.id);
    expect(await ids('wu')).toEqual([wu.case.id]);
    expect(await ids('wul')).toEqual([wulf.case.id]);
    expect(await ids('li wu')).toEqual([wu.case.id]);
  });
});

describe('counts and dates kept by triggers', () => {
  /** What the tables say, computed the slow way. */
  function truth(engine: Engine) {
    const all = (sql: string) => engine.db.prepare(sql).all();
    return {
      byStage: all(
        'SELECT status AS key, count(*) AS count FROM cases GROUP BY status HAVING count > 0 ORDER BY 1',
      ),
      counted: all(
        "SELECT key, count FROM list_counts WHERE list = 'cases' AND count > 0 ORDER BY 1",
      ),
      clients: all('SELECT count(*) AS n FROM clients'),
      countedClients: all(
        "SELECT coalesce(sum(count), 0) AS n FROM list_counts WHERE list = 'clients'",
      ),
      contacts: all('SELECT kind AS key, count(*) AS count FROM contacts GROUP BY kind ORDER BY 1'),
      countedContacts: all(
        "SELECT key, count FROM list_counts WHERE list = 'contacts' AND count > 0 ORDER BY 1",
      ),
      outcomes: all(`
        SELECT lower(coalesce(nullif(trim(insurer_name), ''), 'Insurer not recorded')) AS key,
               sum(status IN ('closed-won', 'approved')) AS won, sum(status = 'closed-lost') AS lost
        FROM cases WHERE status IN ('closed-won', 'approved', 'closed-lost') GROUP BY 1 ORDER BY 1`),
      countedOutcomes: all(
        "SELECT key, won, lost FROM outcome_counts WHERE dimension = 'insurer' AND won + lost > 0 ORDER BY 1",
      ),
      activity: all(`
        SELECT id AS caseId, status NOT IN ('closed-won', 'closed-lost', 'closed-withdrawn') AS open,
          max(substr(updated_at, 1, 10),
              coalesce((SELECT max(occurred_on) FROM communications c WHERE c.case_id = k.id), ''),
              coalesce((SELECT max(moved_on) FROM stage_moves s WHERE s.case_id = k.id), '')) AS lastOn
        FROM cases k ORDER BY id`),
      keptActivity: all(
        'SELECT case_id AS caseId, open, last_on AS lastOn FROM case_activity ORDER BY 1',
      ),
      waits: all('SELECT * FROM case_wait_source ORDER BY case_id'),
      keptWaits: all('SELECT * FROM case_waits ORDER BY case_id'),
      documents: all('SELECT count(*) AS n FROM documents'),
      countedDocuments: all(
        "SELECT coalesce(sum(count), 0) AS n FROM list_counts WHERE list = 'documents'",
      ),
    };
  }

  function expectInStep(engine: Engine) {
    const t = truth(engine);
    expect(t.counted).toEqual(t.byStage);
    expect(t.countedClients).toEqual(t.clients);
    expect(t.countedContacts).toEqual(t.contacts);
    expect(t.countedOutcomes).toEqual(t.outcomes);
    expect(t.keptActivity).toEqual(t.activity);
    expect(t.keptWaits).toEqual(t.waits);
    // Each waiting case's decision date, kept in SQL, is the one its rule gives.
    for (const w of t.keptWaits as Record<string, string | null>[]) {
      const rule = decisionDue({
        planType: w.plan_type as PlanType | null,
        stage: w.status as CaseStatus,
        claimType: (w.claim_type ?? w.denial_claim_type ?? 'pre-service') as ClaimType,
        submittedOn: w.submitted_on!,
      });
      expect(w.decision_due_on).toBe(rule?.dueOn ?? null);
    }
    expect(t.countedDocuments).toEqual(t.documents);
  }

  it('stay equal to the tables through creates, edits, stage moves and deletes', async () => {
    const engine = tempEngine();
    const a = await clientWithCase(engine, {}, { insurerName: 'Prairie Health' });
    const b = await clientWithCase(engine, { lastName: 'Brennan' }, { status: 'closed-won' });
    await call(engine, 'contacts.create', { kind: 'insurer', name: 'Prairie Health' });
    const lawmaker = await call(engine, 'contacts.create', { kind: 'lawmaker', name: 'Sen. X' });
    expectInStep(engine);

    await call(engine, 'stages.move', {
      caseId: a.case.id,
      to: 'closed-lost',
      movedOn: '2030-01-02',
    });
    await call(engine, 'cases.update', {
      id: b.case.id,
      version: versionOf(engine, 'cases', b.case.id),
      insurerName: ' prairie health ',
    });
    const log = await call(engine, 'communications.create', {
      caseId: b.case.id,
      values: { occurredOn: '2031-05-06', channel: 'phone', summary: 'Called' },
    });
    await call(engine, 'contacts.update', {
      id: lawmaker.id,
      version: versionOf(engine, 'contacts', lawmaker.id),
      kind: 'agency',
    });
    // A case waiting on the insurer, its plan, its client's state and a denial changed.
    const waiting = await clientWithCase(engine, { lastName: 'Waits' }, { status: 'intake' });
    await call(engine, 'stages.move', {
      caseId: waiting.case.id,
      to: 'prior-auth-submitted',
      movedOn: '2030-02-01',
      claimType: 'urgent',
    });
    await call(engine, 'cases.update', {
      id: waiting.case.id,
      version: versionOf(engine, 'cases', waiting.case.id),
      planType: 'medicaid',
    });
    await call(engine, 'clients.update', {
      id: waiting.client.id,
      version: versionOf(engine, 'clients', waiting.client.id),
      state: 'TX',
    });
    const denial = await call(engine, 'denials.create', {
      caseId: a.case.id,
      values: {
        deniedOn: '2030-01-01',
        reason: 'Not necessary',
        service: 'TMS',
        claimType: 'post-service',
      },
    });
    const doc = await call(engine, 'documents.importFile', {
      caseId: waiting.case.id,
      fileName: 'note.docx',
      contentBase64: (await docx('A short note')).toString('base64'),
    });
    expectInStep(engine);
    expect(engine.db.prepare('SELECT count(*) FROM case_waits').pluck().get()).toBe(1);
    await call(engine, 'denials.delete', { id: denial.id });
    if (doc.ok) await call(engine, 'documents.delete', { id: doc.document.id });
    expectInStep(engine);
    expect(
      (await call(engine, 'dashboard.get', {})).outcomesByInsurer.map((o) => [o.won, o.lost]),
    ).toEqual([[1, 1]]);

    await call(engine, 'communications.delete', { id: log.id });
    await call(engine, 'cases.delete', { id: a.case.id });
    await call(engine, 'clients.delete', { id: a.client.id });
    await call(engine, 'contacts.delete', { id: lawmaker.id });
    expectInStep(engine);
  });
});

describe('the dashboard', () => {
  it('sends a page of each list with its whole count, and more when asked', async () => {
    const engine = tempEngine();
    const { case: kase } = await clientWithCase(engine);
    for (let i = 0; i < 25; i++) {
      await call(engine, 'deadlines.create', {
        caseId: kase.id,
        values: { title: `Late ${i}`, dueOn: `2025-01-${String(1 + i).padStart(2, '0')}` },
      });
    }
    for (let i = 0; i < 3; i++) {
      await call(engine, 'deadlines.create', {
        caseId: kase.id,
        values: { title: `Soon ${i}`, dueOn: `2025-02-0${2 + i}` },
      });
    }
    const today = '2025-02-01';
    const board = await call(engine, 'dashboard.get', { today });
    expect(board.overdue.total).toBe(25);
    expect(board.overdue.items.map((d) => d.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Late ${i}`),
    );
    expect(board.dueThisWeek).toMatchObject({ total: 3 });
    const more = await call(engine, 'dashboard.get', { today, rows: { overdue: 40 } });
    expect(more.overdue.items).toHaveLength(25);
    expect(more.overdue.items.at(-1)).toMatchObject({ title: 'Late 24', daysLeft: -7 });
    const one = await call(engine, 'dashboard.get', { today, rows: { dueThisWeek: 1 } });
    expect(one.dueThisWeek.items.map((d) => d.title)).toEqual(['Soon 0']);
  });
});
