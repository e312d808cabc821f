// Facts become the right records, once: proposals matched against the case (new, already
// recorded, different), accepted in one transaction without duplicates, a notice's denial made
// through Record denial's path, rejections kept, stale accepts refused — also from the CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FactReview, ReviewedFact } from '../../electron/contract/facts';
import type { Engine } from '../../electron/engine';
import { cleanup, fails, ok, openTracked, rowCounts, tempDir, tempEngine } from './helpers';
import { wordFile, wordFileOf } from './word-file';

afterEach(cleanup);

const CLINICAL = '../shared/fixtures/word/clinical';

/** A new client and case holding nothing but a name and the request, as at intake. */
async function thinCase(engine: Engine) {
  const client = await ok(engine, 'clients.create', { firstName: 'Jordan', lastName: 'Rivera' });
  const kase = await ok(engine, 'cases.create', {
    clientId: client.id,
    requestedTreatment: 'IV ketamine',
  });
  return { clientId: client.id, caseId: kase.id };
}

async function importAll(engine: Engine, caseId: number, ...names: string[]) {
  const { imported, refused } = await ok(engine, 'documents.import', {
    caseId,
    paths: names.map((n) => join(CLINICAL, n)),
  });
  expect(refused).toEqual([]);
  return Object.fromEntries(imported.map((d) => [d.fileName.replace(/\.docx$/, ''), d.id]));
}

const fact = (review: FactReview, test: (f: ReviewedFact) => boolean) => {
  const found = review.facts.find(test);
  if (!found) throw new Error(`no such fact in ${JSON.stringify(review.facts.map((f) => f.key))}`);
  return found;
};
const newKeys = (review: FactReview) =>
  review.facts.filter((f) => f.status === 'new' && !f.rejected && !f.blocked).map((f) => f.key);

async function acceptAllNew(engine: Engine, documentId: number) {
  const review = await ok(engine, 'facts.review', { documentId });
  return ok(engine, 'facts.acceptAll', { documentId, keys: newKeys(review) });
}

describe('proposals that know the case', () => {
  it('accepting all new facts of three documents builds one record per fact and a denial with its deadline', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const docs = await importAll(
      engine,
      caseId,
      'intake-form.docx',
      'progress-note-trd.docx',
      'denial-ketamine-erisa.docx',
    );
    for (const name of ['intake-form', 'progress-note-trd', 'denial-ketamine-erisa']) {
      const result = await acceptAllNew(engine, docs[name]!);
      expect(result.skipped, name).toEqual([]);
    }
    const detail = await ok(engine, 'cases.get', { id: caseId });
    // F33.2 is in the note and the notice: one diagnosis.
    expect(detail.diagnoses.map((d) => d.icd10Code).sort()).toEqual(['F33.2', 'F41.1']);
    expect(detail.diagnoses.find((d) => d.icd10Code === 'F33.2')!.sourceDocumentId).toBe(
      docs['progress-note-trd'],
    );
    expect(detail.treatments.filter((t) => t.kind === 'medication')).toHaveLength(5);
    // Every accepted drug has its class from the vocabulary, as any save gives it.
    for (const t of detail.treatments.filter((t) => t.kind === 'medication'))
      expect(t.drugClass, t.name).toBeTruthy();
    expect(detail.case).toMatchObject({
      memberId: 'AHP-5531-0098',
      groupNumber: 'GRP-88120',
      // "governed by ERISA" on the notice, accepted with its denial.
      planType: 'employer-self-funded',
      status: 'denied',
    });
    // No log noise: the denial links to its notice instead.
    expect(detail.communications).toEqual([]);

    const workflow = await ok(engine, 'workflow.get', { caseId });
    expect(workflow.denials).toHaveLength(1);
    const denial = workflow.denials[0]!;
    expect(denial).toMatchObject({
      deniedOn: '2026-09-18',
      referenceNumber: 'UM-2026-0918-4471',
      level: 'initial',
      claimType: 'pre-service',
      sourceDocumentId: docs['denial-ketamine-erisa'],
      // 180 days from the notice, as the letter says and the rule computes.
      letterDeadlineOn: '2027-03-17',
      computedOn: '2027-03-17',
      effectiveOn: '2027-03-17',
    });
    expect(denial.reason).toBe(
      'The requested service is considered experimental and investigational for the treatment of depression under Medical Policy MP-412 and is therefore not a covered benefit.',
    );
    expect(denial.service).toMatch(/^intravenous ketamine infusion/);
    // The same record Record denial makes: its deadline row and the stage move.
    expect(detail.deadlines.find((d) => d.id === denial.deadlineId)?.dueOn).toBe('2027-03-17');
    expect(workflow.stages.at(-1)).toMatchObject({ fromStage: 'intake', toStage: 'denied' });

    // Nothing is offered again: every document's facts are now recorded (or rejected by no one).
    for (const id of Object.values(docs)) {
      const review = await ok(engine, 'facts.review', { documentId: id });
      expect(newKeys(review), review.fileName).toEqual([]);
    }
    const again = await ok(engine, 'facts.review', { documentId: docs['intake-form']! });
    // The case's client was entered without the middle initial the form gives: that alone is
    // offered, as an update, and once accepted the name is recorded.
    const name = fact(again, (f) => f.key.startsWith('client:name'));
    expect(name.status).toBe('different');
    expect(name.changes).toEqual([
      expect.objectContaining({ field: 'middleName', proposed: 'A.' }),
    ]);
    await ok(engine, 'facts.accept', {
      documentId: docs['intake-form']!,
      key: name.key,
      basis: { id: name.target.id, version: name.target.version },
    });
    const named = await ok(engine, 'facts.review', { documentId: docs['intake-form']! });
    expect(fact(named, (f) => f.key.startsWith('client:name')).status).toBe('recorded');
    expect(await ok(engine, 'clients.get', { id: detail.case.clientId })).toMatchObject({
      firstName: 'Jordan',
      middleName: 'A.',
      lastName: 'Rivera',
    });
    expect(fact(again, (f) => f.key.startsWith('identifier:memberId')).status).toBe('recorded');
    expect(fact(again, (f) => f.key.startsWith('client:dateOfBirth')).status).toBe('recorded');
  });

  it('shows a fact the case holds with other values as an update with both values, and applies it', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    await ok(engine, 'cases.update', { id: caseId, version: 1, memberId: 'OLD-1' });
    const { 'intake-form': documentId } = await importAll(engine, caseId, 'intake-form.docx');
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const member = fact(review, (f) => f.key.startsWith('identifier:memberId'));
    expect(member.status).toBe('different');
    expect(member.changes).toEqual([
      { field: 'memberId', label: 'Member ID', current: 'OLD-1', proposed: 'AHP-5531-0098' },
    ]);
    // "Accept all new" leaves it alone.
    const all = await ok(engine, 'facts.acceptAll', {
      documentId: documentId!,
      keys: [member.key],
    });
    expect(all.added).toBe(0);
    expect(all.skipped[0]!.reason).toMatch(/other values/);

    const result = await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: member.key,
      basis: { id: member.target.id, version: member.target.version },
    });
    expect(result.outcome).toBe('updated');
    expect((await ok(engine, 'cases.get', { id: caseId })).case.memberId).toBe('AHP-5531-0098');
    expect(fact(result.review, (f) => f.key === member.key).status).toBe('recorded');
  });

  it('refuses an accept made from a review the case has moved past, and writes nothing', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const { 'intake-form': documentId } = await importAll(engine, caseId, 'intake-form.docx');
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const member = fact(review, (f) => f.key.startsWith('identifier:memberId'));
    expect(member.status).toBe('new');
    // Meanwhile (the other window) someone typed a member ID.
    const { case: now } = await ok(engine, 'cases.get', { id: caseId });
    await ok(engine, 'cases.update', { id: caseId, version: now.version, memberId: 'TYPED-9' });
    const before = rowCounts(engine);
    const error = await fails(engine, 'facts.accept', {
      documentId,
      key: member.key,
      basis: { id: member.target.id, version: member.target.version },
    });
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Member ID/);
    expect(rowCounts(engine)).toEqual(before);
    expect((await ok(engine, 'cases.get', { id: caseId })).case.memberId).toBe('TYPED-9');
    // A change elsewhere on the case does not block an unrelated field.
    const group = fact(review, (f) => f.key.startsWith('identifier:groupNumber'));
    const accepted = await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: group.key,
      basis: { id: group.target.id, version: group.target.version },
    });
    expect(accepted.outcome).toBe('added');
  });

  it('matches a treatment by drug (brand or generic) and overlapping dates; a later trial is new', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: 'Zoloft',
        startedOn: '2019-05-01',
        endedOn: '2019-10-01',
      },
    });
    await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name: 'Lithium',
        dose: '600 mg',
        startedOn: '2015-01-01',
        endedOn: '2015-06-01',
      },
    });
    const { 'progress-note-trd': documentId } = await importAll(
      engine,
      caseId,
      'progress-note-trd.docx',
    );
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const sertraline = fact(
      review,
      (f) => f.kind === 'treatment' && f.values.name === 'Sertraline',
    );
    expect(sertraline.status).toBe('different');
    expect(sertraline.recorded).toMatch(/^Zoloft/);
    expect(sertraline.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['dose', 'startedOn', 'endedOn', 'outcome']),
    );
    // Zoloft got its class when it was saved, so the class is not a difference.
    expect(sertraline.changes.map((c) => c.field)).not.toContain('drugClass');
    // Lithium in 2022 does not overlap the 2015 trial: a second trial.
    expect(fact(review, (f) => f.values.name === 'Lithium').status).toBe('new');

    await ok(engine, 'facts.acceptAll', { documentId: documentId!, keys: newKeys(review) });
    await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: sertraline.key,
      basis: { id: sertraline.target.id, version: sertraline.target.version },
    });
    const treatments = (await ok(engine, 'cases.get', { id: caseId })).treatments;
    expect(treatments.filter((t) => t.name === 'Lithium')).toHaveLength(2);
    const zoloft = treatments.filter((t) => /zoloft|sertraline/i.test(t.name));
    expect(zoloft).toHaveLength(1);
    expect(zoloft[0]).toMatchObject({ name: 'Zoloft', dose: '200 mg daily', drugClass: 'SSRI' });
  });

  it('keeps rejected facts visible and restorable, across a restart, and never accepts them in bulk', async () => {
    const dir = tempDir();
    const path = join(dir, 'library.sqlite');
    let engine = openTracked(path);
    const { caseId } = await thinCase(engine);
    const { 'progress-note-trd': documentId } = await importAll(
      engine,
      caseId,
      'progress-note-trd.docx',
    );
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const bupropion = fact(review, (f) => f.values.name === 'Bupropion');
    const rejected = await ok(engine, 'facts.reject', {
      documentId: documentId!,
      key: bupropion.key,
    });
    expect(fact(rejected, (f) => f.key === bupropion.key).rejected).toBe(true);
    expect(rejected.counts.rejected).toBe(1);
    engine.close();

    engine = openTracked(path);
    const reopened = await ok(engine, 'facts.review', { documentId: documentId! });
    expect(fact(reopened, (f) => f.key === bupropion.key).rejected).toBe(true);
    const result = await ok(engine, 'facts.acceptAll', {
      documentId: documentId!,
      keys: reopened.facts.map((f) => f.key),
    });
    expect(result.skipped.find((s) => s.key === bupropion.key)?.reason).toMatch(/Rejected/);
    const names = () =>
      ok(engine, 'cases.get', { id: caseId }).then((d) => d.treatments.map((t) => t.name));
    expect(await names()).not.toContain('Bupropion');

    const restored = await ok(engine, 'facts.restore', {
      documentId: documentId!,
      key: bupropion.key,
    });
    expect(fact(restored, (f) => f.key === bupropion.key)).toMatchObject({
      rejected: false,
      status: 'new',
    });
    await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: bupropion.key,
      basis: { id: null, version: null },
    });
    expect(await names()).toContain('Bupropion');
  });

  it('accepts an edited fact, checked like any record: a bad value is refused by field', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const { 'progress-note-trd': documentId } = await importAll(
      engine,
      caseId,
      'progress-note-trd.docx',
    );
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const phq = fact(review, (f) => f.kind === 'assessment' && f.values.score === 22);
    const error = await fails(engine, 'facts.accept', {
      documentId,
      key: phq.key,
      basis: { id: null, version: null },
      values: { score: 99 },
    });
    expect(error).toMatchObject({ code: 'invalid-input', field: 'values.score' });
    const result = await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: phq.key,
      basis: { id: null, version: null },
      values: { assessedOn: '2026-06-15' },
    });
    expect(result.outcome).toBe('added');
    const scores = () => ok(engine, 'cases.get', { id: caseId }).then((d) => d.assessments);
    expect(await scores()).toMatchObject([
      { instrument: 'PHQ-9', score: 22, assessedOn: '2026-06-15' },
    ]);
    // Corrected on accepting, it is the advocate's: not offered again, nor added by Accept all new.
    const after = await ok(engine, 'facts.review', { documentId: documentId! });
    expect(fact(after, (f) => f.key === phq.key).status).toBe('recorded');
    await ok(engine, 'facts.acceptAll', { documentId: documentId!, keys: [phq.key] });
    expect(await scores()).toHaveLength(1);
    // Deleted since, the fact is offered again.
    await ok(engine, 'assessments.delete', { id: (await scores())[0]!.id });
    const again = await ok(engine, 'facts.review', { documentId: documentId! });
    expect(fact(again, (f) => f.key === phq.key).status).toBe('new');
  });

  it('warns about a duplicate before a manual entry', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F33.2' } });
    const duplicate = await ok(engine, 'facts.check', {
      caseId,
      kind: 'diagnoses',
      values: { icd10Code: 'f33.2' },
    });
    expect(duplicate.status).toBe('recorded');
    expect(duplicate.message).toMatch(/F33\.2 is already a diagnosis/i);
    const fresh = await ok(engine, 'facts.check', {
      caseId,
      kind: 'diagnoses',
      values: { icd10Code: 'F41.1' },
    });
    expect(fresh).toEqual({ status: 'new', match: null, message: null });
    await ok(engine, 'treatments.create', {
      caseId,
      values: { kind: 'medication', name: 'Sertraline', startedOn: '2019-03-01' },
    });
    const trial = await ok(engine, 'facts.check', {
      caseId,
      kind: 'treatments',
      values: { kind: 'medication', name: 'Zoloft', startedOn: '2020-01-01' },
    });
    // Still going (no end date), so a 2020 start overlaps it.
    expect(trial.message).toMatch(/Zoloft is already in the treatment history/);
  });
});

describe('denials from documents', () => {
  it('prefills Record denial from an imported notice until its denial is recorded', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    expect(await ok(engine, 'facts.denialDraft', { caseId })).toBeNull();
    const { 'denial-ketamine-erisa': documentId } = await importAll(
      engine,
      caseId,
      'denial-ketamine-erisa.docx',
    );
    const draft = (await ok(engine, 'facts.denialDraft', { caseId }))!;
    expect(draft).toMatchObject({
      documentId,
      fileName: 'denial-ketamine-erisa.docx',
      planType: 'employer-self-funded',
      values: {
        deniedOn: '2026-09-18',
        referenceNumber: 'UM-2026-0918-4471',
        letterDeadlineOn: '2027-03-17',
        sourceDocumentId: documentId,
      },
    });
    // The kind of denial is read from the notice's reason, for the advocate to confirm.
    expect(draft.values.category).toBe('experimental');
    const proposal = fact(
      await ok(engine, 'facts.review', { documentId: documentId! }),
      (f) => f.kind === 'denial',
    );
    expect(proposal.values.category).toBe(draft.values.category);
    expect(draft.planTypeQuote).toMatch(/governed by ERISA/);
    // Saved through Record denial, with the notice linked: the draft is done, the review agrees.
    await ok(engine, 'denials.create', { caseId, values: draft.values as never });
    expect(await ok(engine, 'facts.denialDraft', { caseId })).toBeNull();
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    expect(fact(review, (f) => f.kind === 'denial').status).toBe('recorded');
  });

  it('updates the denial already recorded from the same notice instead of adding one', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const { 'denial-ketamine-erisa': documentId } = await importAll(
      engine,
      caseId,
      'denial-ketamine-erisa.docx',
    );
    await ok(engine, 'denials.create', {
      caseId,
      values: {
        deniedOn: '2026-09-18',
        referenceNumber: 'UM-2026-0918-4471',
        reason: 'Experimental.',
        service: 'Ketamine',
      },
    });
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const denial = fact(review, (f) => f.kind === 'denial');
    expect(denial.status).toBe('different');
    expect(denial.changes.find((c) => c.field === 'reason')).toMatchObject({
      current: 'Experimental.',
      proposed: expect.stringMatching(/^The requested service is considered experimental/),
    });
    await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: denial.key,
      basis: { id: denial.target.id, version: denial.target.version },
    });
    const { denials } = await ok(engine, 'workflow.get', { caseId });
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ sourceDocumentId: documentId, service: 'Ketamine' });
    expect(denials[0]!.reason).toMatch(/^The requested service is considered experimental/);
  });

  it('proposes no denial from a letter saying none has arrived', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const contentBase64 = await wordFileOf('tests/fixtures/notices/status-no-denial.txt');
    const reply = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'status.docx',
      contentBase64,
    });
    if (!reply.ok) throw new Error(reply.problem);
    expect(reply.document.documentType).toBe('correspondence');
    const review = await ok(engine, 'facts.review', { documentId: reply.document.id });
    expect(review.facts.filter((f) => f.kind === 'denial')).toEqual([]);
    expect(await ok(engine, 'facts.denialDraft', { caseId })).toBeNull();
  });
});

describe('moving computers', () => {
  it('the archive carries documents’ types, decisions on facts and the notice a denial came from', async () => {
    const source = tempEngine();
    const { caseId } = await thinCase(source);
    const docs = await importAll(
      source,
      caseId,
      'denial-ketamine-erisa.docx',
      'progress-note-trd.docx',
    );
    const note = docs['progress-note-trd']!;
    const review = await ok(source, 'facts.review', { documentId: note });
    const rejectedKey = fact(review, (f) => f.values.name === 'Lithium').key;
    await ok(source, 'facts.reject', { documentId: note, key: rejectedKey });
    await acceptAllNew(source, docs['denial-ketamine-erisa']!);
    // A score corrected on accepting stays accepted on the new computer.
    const phq = fact(review, (f) => f.kind === 'assessment' && f.values.score === 22);
    await ok(source, 'facts.accept', {
      documentId: note,
      key: phq.key,
      basis: { id: null, version: null },
      values: { assessedOn: '2026-06-20' },
    });
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });

    const target = tempEngine();
    await ok(target, 'archive.import', { file: out });
    const [moved] = (await ok(target, 'cases.list', {})).items;
    const detail = await ok(target, 'cases.get', { id: moved!.id });
    const byName = Object.fromEntries(detail.documents.map((d) => [d.fileName, d]));
    expect(byName['denial-ketamine-erisa.docx']!.documentType).toBe('denial-notice');
    const movedReview = await ok(target, 'facts.review', {
      documentId: byName['progress-note-trd.docx']!.id,
    });
    expect(fact(movedReview, (f) => f.key === rejectedKey).rejected).toBe(true);
    expect(fact(movedReview, (f) => f.key === phq.key).status).toBe('recorded');
    const { denials } = await ok(target, 'workflow.get', { caseId: moved!.id });
    expect(denials[0]!.sourceDocumentId).toBe(byName['denial-ketamine-erisa.docx']!.id);
  });
});

describe('another process on the same library', () => {
  const cli = (engine: Engine, name: string, args: unknown) =>
    spawnSync(
      process.execPath,
      ['bin/advocate.js', '--db', engine.databasePath, 'call', name, JSON.stringify(args)],
      { encoding: 'utf8' },
    );

  it('a fact accepted from the CLI is not added twice by the app, and a stale accept from the CLI is refused', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const { 'progress-note-trd': documentId } = await importAll(
      engine,
      caseId,
      'progress-note-trd.docx',
    );
    // The app shows the review...
    const review = await ok(engine, 'facts.review', { documentId: documentId! });
    const f332 = fact(review, (f) => f.key === 'diagnosis:F332');
    // ...while the CLI accepts the same diagnosis.
    const run = cli(engine, 'facts.accept', {
      documentId,
      key: f332.key,
      basis: { id: null, version: null },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: 'added' });
    // The app's accept, from its older review, finds it recorded and adds nothing.
    const second = await ok(engine, 'facts.accept', {
      documentId: documentId!,
      key: f332.key,
      basis: { id: null, version: null },
    });
    expect(second.outcome).toBe('already-recorded');
    const codes = (await ok(engine, 'cases.get', { id: caseId })).diagnoses.map((d) => d.icd10Code);
    expect(codes).toEqual(['F33.2']);

    // A provider fact from the app's review: the app then changes the provider's NPI...
    const provider = fact(review, (f) => f.kind === 'provider');
    const { case: now } = await ok(engine, 'cases.get', { id: caseId });
    await ok(engine, 'cases.update', {
      id: caseId,
      version: now.version,
      providerName: 'Dr. Other',
    });
    // ...and the CLI's accept, made from the review before that, is refused.
    const stale = cli(engine, 'facts.accept', {
      documentId,
      key: provider.key,
      basis: { id: provider.target.id, version: provider.target.version },
    });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/changed since you opened it/);
    expect((await ok(engine, 'cases.get', { id: caseId })).case.providerName).toBe('Dr. Other');
  });

  it('`advocate facts accept-all` adds a document’s new facts once; `facts list` then shows them recorded', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const docs = await importAll(
      engine,
      caseId,
      'progress-note-trd.docx',
      'denial-ketamine-erisa.docx',
    );
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['bin/advocate.js', '--db', engine.databasePath, 'facts', ...args],
        {
          encoding: 'utf8',
        },
      );
    const note = run('accept-all', '--document', String(docs['progress-note-trd']));
    expect(note.status).toBe(0);
    expect(note.stdout).toMatch(/^\d+ added, 0 already in the case, 0 not added/);
    const notice = run('accept-all', '--document', String(docs['denial-ketamine-erisa']));
    expect(notice.status).toBe(0);
    const list = run('list', '--document', String(docs['denial-ketamine-erisa']))
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; status: string });
    expect(list.find((f) => f.key === 'diagnosis:F332')?.status).toBe('recorded');
    expect(list.find((f) => f.key === 'denial')?.status).toBe('recorded');
    const detail = await ok(engine, 'cases.get', { id: caseId });
    expect(detail.diagnoses.map((d) => d.icd10Code).sort()).toEqual(['F33.2', 'F41.1']);
    expect((await ok(engine, 'workflow.get', { caseId })).denials).toHaveLength(1);
    expect(run('list', '--document', 'x').stderr).toMatch(/"x" is not a document id/);
  });
});

describe('document types', () => {
  it('proposes each imported document’s type, lets the advocate change it, and refuses a stale change', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    await importAll(
      engine,
      caseId,
      'intake-form.docx',
      'progress-note-trd.docx',
      'denial-ketamine-erisa.docx',
    );
    const documents = (await ok(engine, 'cases.get', { id: caseId })).documents;
    expect(Object.fromEntries(documents.map((d) => [d.fileName, d.documentType]))).toEqual({
      'intake-form.docx': 'intake-form',
      'progress-note-trd.docx': 'clinical-note',
      'denial-ketamine-erisa.docx': 'denial-notice',
    });
    const intake = documents.find((d) => d.fileName === 'intake-form.docx')!;
    const changed = await ok(engine, 'documents.update', {
      id: intake.id,
      version: intake.version,
      values: { documentType: 'correspondence' },
    });
    expect(changed).toMatchObject({ documentType: 'correspondence', version: intake.version + 1 });
    const stale = await fails(engine, 'documents.update', {
      id: intake.id,
      version: intake.version,
      values: { documentType: 'clinical-note' },
    });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/Document type/);
    const history = await ok(engine, 'cases.history', { caseId });
    expect(history.some((h) => h.field === 'document_type' || h.field === 'documentType')).toBe(
      true,
    );
  });

  it('ticks the provider’s letter only for a signed one, and medical records only for clinical notes', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    await importAll(engine, caseId, 'intake-form.docx', 'denial-ketamine-erisa.docx');
    await ok(engine, 'diagnoses.create', { caseId, values: { icd10Code: 'F33.2' } });
    // The app's own draft letter of medical necessity.
    await ok(engine, 'letters.generate', { caseId, kind: 'medical-necessity' });
    const item = async (key: string) =>
      (await ok(engine, 'workflow.get', { caseId })).readiness.items.find((i) => i.key === key)!;
    expect(await item('provider-letter')).toMatchObject({ done: false });
    expect((await item('provider-letter')).detail).toMatch(/draft is on file/);
    expect(await item('records')).toMatchObject({ done: false });
    let appeal = await ok(engine, 'letters.preview', { caseId, kind: 'appeal' });
    expect(appeal.checklist.map((c) => c.field)).toEqual(
      expect.arrayContaining(['enclosed.providerLetter', 'enclosed.records']),
    );

    await importAll(engine, caseId, 'progress-note-trd.docx');
    const signed = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'lmn-signed.docx',
      contentBase64: await wordFileOf('tests/fixtures/notices/lmn-signed.txt'),
    });
    expect(signed.ok && signed.document.documentType).toBe('lmn-signed');
    expect(await item('provider-letter')).toMatchObject({ done: true, detail: 'lmn-signed.docx' });
    expect(await item('records')).toMatchObject({ done: true });
    appeal = await ok(engine, 'letters.preview', { caseId, kind: 'appeal' });
    expect(appeal.checklist.map((c) => c.field)).not.toContain('enclosed.providerLetter');
    expect(appeal.checklist.map((c) => c.field)).not.toContain('enclosed.records');
  });

  it('a draft letter of medical necessity imported from outside is not the provider’s letter', async () => {
    const engine = tempEngine();
    const { caseId } = await thinCase(engine);
    const reply = await ok(engine, 'documents.importFile', {
      caseId,
      fileName: 'lmn-draft.docx',
      contentBase64: await wordFile(
        'Letter of medical necessity\nDRAFT for Dr. Vos to review\nDear Medical Director:\nTMS is medically necessary for my patient.\n[Provider: sign here]',
      ),
    });
    expect(reply.ok && reply.document.documentType).toBe('lmn-draft');
    const { readiness } = await ok(engine, 'workflow.get', { caseId });
    expect(readiness.items.find((i) => i.key === 'provider-letter')!.done).toBe(false);
  });
});
