// Authorizations kept per client: the CMS-1696's one-year rule, edits from a stale copy refused,
// the HIPAA form's required elements, the appeal checklist's missing appointment, the dashboard's
// expiring list (from an index) and the calendar's expiry events.
import { afterEach, describe, expect, it } from 'vitest';
import { medicareAppointmentExpiry } from '../../electron/contract/authorization';
import type { ApiArgs } from '../../electron/contract/api';
import type { LetterModel } from '../../electron/contract/letter';
import type { Engine } from '../../electron/engine';
import { authorizationQueries } from '../../electron/engine/authorizations/queries';
import { localToday } from '../../electron/engine/letters/handlers';
import { addDays } from '../../electron/engine/deadlines/plain-date';
import { join } from 'node:path';
import { cleanup, clientWithCase, fails, ok, sampleCase, tempDir, tempEngine } from './helpers';
import { wordFileOf } from './word-file';

afterEach(cleanup);

type Values = ApiArgs<'authorizations.create'>['values'];

const signedCms = (partySignedOn: string, representativeSignedOn: string): Values => ({
  kind: 'medicare-representative',
  status: 'signed',
  partySignedOn,
  representativeSignedOn,
});

const add = (engine: Engine, clientId: number, values: Values) =>
  ok(engine, 'authorizations.create', { clientId, values });

const modelText = (model: LetterModel) => JSON.stringify(model.body);

describe('authorizations', () => {
  it('a CMS-1696 runs one year from the later signature, a leap day to February 28', async () => {
    expect(medicareAppointmentExpiry('2024-03-01', '2024-03-15')).toBe('2025-03-15');
    expect(medicareAppointmentExpiry('2024-03-15', '2024-03-01')).toBe('2025-03-15');
    expect(medicareAppointmentExpiry('2024-02-29', '2024-01-10')).toBe('2025-02-28');
    expect(medicareAppointmentExpiry('2023-02-28', '2023-02-01')).toBe('2024-02-28');
    expect(medicareAppointmentExpiry('2024-03-01', null)).toBeNull();

    const engine = tempEngine();
    const { client } = await clientWithCase(engine);
    const a = await add(engine, client.id, signedCms('2024-01-10', '2024-02-29'));
    expect(a.expiresOn).toBe('2025-02-28');
    // An expiry typed on a CMS-1696 is not what the rule gives: the rule wins.
    const edited = await ok(engine, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { partySignedOn: '2024-06-03', expiresOn: '2030-01-01' },
    });
    expect(edited.expiresOn).toBe('2025-06-03');
    // Signed by one side only: not in force, no expiry.
    const half = await add(engine, client.id, {
      kind: 'medicare-representative',
      partySignedOn: '2024-06-03',
    });
    expect({ expiresOn: half.expiresOn, inForce: half.inForce }).toEqual({
      expiresOn: null,
      inForce: false,
    });
    // Marking it signed without the representative's signature is refused, naming the field.
    const refused = await fails(engine, 'authorizations.update', {
      id: half.id,
      version: half.version,
      values: { status: 'signed' },
    });
    expect(refused.code).toBe('invalid-input');
    expect(refused.message).toMatch(/representative/i);
  });

  it('refuses an edit made from a stale copy, and each of the client’s cases shows the change', async () => {
    const engine = tempEngine();
    const { client, case: first } = await clientWithCase(engine);
    const second = await ok(
      engine,
      'cases.create',
      sampleCase(client.id, { requestedTreatment: 'TMS' }),
    );
    const a = await add(engine, client.id, {
      kind: 'plan-representative',
      scope: 'Claim CLM-1 and its appeals',
    });
    // Defaults to the advocate only when a profile names them; none here, so it stays empty.
    const moved = await ok(engine, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { scope: 'Every claim for esketamine in 2025' },
    });
    const stale = await fails(engine, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { scope: 'Something else' },
    });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/changed since you opened it/);
    expect((await ok(engine, 'authorizations.get', { id: a.id })).scope).toBe(
      'Every claim for esketamine in 2025',
    );
    expect(moved.version).toBe(a.version + 1);
    for (const kase of [first, second]) {
      const history = await ok(engine, 'cases.history', { caseId: kase.id });
      const mine = history.filter((h) => h.tableName === 'authorizations');
      expect(mine.map((h) => [h.action, h.field])).toEqual([
        ['update', 'scope'],
        ['create', null],
      ]);
    }
  });

  it('fills the representative from the advocate profile unless another person is named', async () => {
    const engine = tempEngine();
    await ok(engine, 'profile.update', {
      version: 0,
      name: 'Jordan Reyes',
      phone: '555-0199',
      addressLine1: '400 Main Street',
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
    });
    const { client } = await clientWithCase(engine);
    const mine = await add(engine, client.id, { kind: 'plan-representative' });
    expect(mine).toMatchObject({
      representativeName: 'Jordan Reyes',
      representativePhone: '555-0199',
      representativeAddress: '400 Main Street, Springfield, IL 62701',
    });
    const other = await add(engine, client.id, {
      kind: 'medicare-representative',
      representativeName: 'Ana Okonkwo (daughter)',
    });
    expect(other.representativeName).toBe('Ana Okonkwo (daughter)');
    // A HIPAA release names who receives; it appoints no representative.
    const hipaa = await add(engine, client.id, { kind: 'hipaa-release', expiresOn: '2026-12-31' });
    expect(hipaa.representativeName).toBeNull();
  });

  it('a HIPAA authorization needs an expiry, and its form has every element 164.508(c) requires', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const missing = await fails(engine, 'authorizations.create', {
      clientId: client.id,
      values: { kind: 'hipaa-release' },
    });
    expect(missing).toMatchObject({ code: 'invalid-input' });
    expect(missing.message).toMatch(/expir/i);

    const a = await add(engine, client.id, {
      kind: 'hipaa-release',
      information: 'Progress notes and medication records, January 2019 to date',
      disclosedBy: 'Lakeside Psychiatry',
      disclosedTo: 'Jordan Reyes, patient advocate',
      purpose: 'To appeal the denial of esketamine, at my request',
      expiryEvent: 'the end of the appeal',
    });
    const { model, checklist } = await ok(engine, 'letters.preview', {
      caseId: kase.id,
      kind: 'hipaa-authorization',
      authorizationId: a.id,
    });
    const text = modelText(model);
    const elements: [string, RegExp][] = [
      ['specific description of the information', /Progress notes and medication records/],
      ['who may disclose', /Who may disclose it.*Lakeside Psychiatry/],
      ['who may receive', /Who may receive it.*Jordan Reyes, patient advocate/],
      ['purpose', /Purpose.*To appeal the denial of esketamine/],
      [
        'expiration date or event',
        /expires on the following date or event: upon the end of the appeal/,
      ],
      ['signature and date', /Signature of patient or personal representative.*Date/],
      ['personal representative’s authority', /authority to act for the patient/],
      [
        'right to revoke in writing, and how',
        /revoke this authorization at any time by writing to/,
      ],
      ['revocation exceptions', /does not undo a disclosure already made in reliance/],
      ['treatment and payment not conditioned', /will not be conditioned on whether I sign/],
      ['redisclosure', /may be redisclosed by the recipient and may no longer be protected/],
      [
        'psychotherapy notes excluded',
        /does not cover psychotherapy notes.*separate authorization/,
      ],
    ];
    for (const [element, pattern] of elements) expect(text, element).toMatch(pattern);
    expect(model.gaps).toBe(0);
    expect(model.form).toBe(true);
    expect(model.closing).toBe('');
    expect(checklist).toEqual([]);

    // What the record lacks is a visible gap with a way to fill it, never invented.
    const thin = await ok(engine, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { disclosedBy: null, purpose: null },
    });
    const gapped = await ok(engine, 'letters.preview', {
      caseId: kase.id,
      kind: 'hipaa-authorization',
      authorizationId: thin.id,
    });
    expect(gapped.model.gaps).toBe(2);
    expect(gapped.checklist.map((c) => c.label)).toEqual([
      'who may disclose the information',
      'the purpose of the disclosure',
    ]);
    expect(gapped.checklist[0]!.link).toBe(`/clients/${client.id}?focus=client-authorizations`);
  });

  it('an advocate’s appeal for a Medicare client lists the CMS-1696 until one is in force', async () => {
    const engine = tempEngine();
    const today = localToday();
    const { client, case: kase } = await clientWithCase(
      engine,
      {},
      { planType: 'medicare-advantage' },
    );
    const ITEM = 'Medicare appointment of representative (CMS-1696) missing or expired';
    const items = async (kind: 'appeal' | 'external-review' | 'medical-necessity') =>
      (await ok(engine, 'letters.preview', { caseId: kase.id, kind })).checklist.map(
        (c) => c.label,
      );

    expect(await items('appeal')).toContain(ITEM);
    expect(await items('external-review')).toContain(ITEM);
    // A lawmaker's caseworker needs the constituent's privacy release instead.
    const lawmaker = (await ok(engine, 'letters.preview', { caseId: kase.id, kind: 'lawmaker' }))
      .checklist;
    expect(lawmaker.map((c) => c.label)).toContain(
      'Congressional privacy release signed by the client missing or expired',
    );
    expect(lawmaker.map((c) => c.label)).not.toContain(ITEM);
    // The provider's letter is not filed by the advocate.
    expect(await items('medical-necessity')).not.toContain(ITEM);

    // Signed 400 days ago: expired.
    const old = await add(engine, client.id, signedCms(addDays(today, -400), addDays(today, -400)));
    expect(old.inForce).toBe(false);
    expect(await items('appeal')).toContain(ITEM);

    // Signed last week: in force, the item goes.
    const fresh = await add(engine, client.id, signedCms(addDays(today, -9), addDays(today, -7)));
    expect(fresh.inForce).toBe(true);
    expect(await items('appeal')).not.toContain(ITEM);
    const forAppeal = await ok(engine, 'caseAuthorizations.list', {
      caseId: kase.id,
      purpose: 'appeal',
    });
    expect(forAppeal.map((a) => a.id)).toEqual([fresh.id]);
    expect(
      await ok(engine, 'caseAuthorizations.list', { caseId: kase.id, purpose: 'records' }),
    ).toEqual([]);

    // Revoked: the item is back.
    await ok(engine, 'authorizations.update', {
      id: fresh.id,
      version: fresh.version,
      values: { status: 'revoked', revokedOn: today },
    });
    expect(await items('appeal')).toContain(ITEM);
  });

  it('says so when the attached file is an assignment of benefits, and attaches only the client’s own files', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const other = await clientWithCase(engine, { firstName: 'Leo', lastName: 'Park' });
    const imported = await ok(engine, 'documents.importFile', {
      caseId: kase.id,
      fileName: 'aob.docx',
      contentBase64: await wordFileOf('tests/fixtures/notices/lmn-signed.txt'),
    });
    if (!imported.ok) throw new Error(imported.problem);
    const documentId = imported.document.id;
    const a = await add(engine, client.id, {
      kind: 'plan-representative',
      scope: 'Assignment of benefits to Lakeside Psychiatry',
      documentId,
    });
    expect(a.documentName).toBe('aob.docx');
    expect(a.notices.join(' ')).toMatch(/assignment of benefits.*does not make anyone/i);
    const plain = await ok(engine, 'authorizations.update', {
      id: a.id,
      version: a.version,
      values: { scope: 'Claim CLM-1, its appeals and external review' },
    });
    expect(plain.notices).toEqual([]);
    const foreign = await fails(engine, 'authorizations.create', {
      clientId: other.client.id,
      values: { kind: 'plan-representative', documentId },
    });
    expect(foreign).toMatchObject({ code: 'invalid-input', field: 'values.documentId' });
  });

  it('lists those expiring within 60 days or expired for clients with an open case, paged from an index', async () => {
    const engine = tempEngine();
    const today = '2026-03-01';
    const people = [] as { id: number; name: string }[];
    for (const [first, last] of [
      ['Ana', 'Soon'],
      ['Ben', 'Expired'],
      ['Cy', 'Later'],
      ['Di', 'Renewed'],
      ['Ed', 'Closed'],
      ['Fay', 'Revoked'],
    ]) {
      const { client } = await clientWithCase(
        engine,
        { firstName: first, lastName: last },
        last === 'Closed' ? { status: 'closed-won' } : {},
      );
      people.push({ id: client.id, name: `${first} ${last}` });
    }
    const [soon, expired, later, renewed, closed, revoked] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    await add(engine, soon.id, signedCms('2025-04-10', '2025-04-12')); // 2026-04-12
    await add(engine, expired.id, {
      kind: 'hipaa-release',
      status: 'signed',
      partySignedOn: '2025-01-01',
      expiresOn: '2026-02-01',
    });
    await add(engine, later.id, signedCms('2025-09-01', '2025-09-01')); // 2026-09-01
    await add(engine, renewed.id, signedCms('2025-03-20', '2025-03-20')); // 2026-03-20…
    await add(engine, renewed.id, signedCms('2026-02-20', '2026-02-20')); // …renewed to 2027
    await add(engine, closed.id, signedCms('2025-03-20', '2025-03-20'));
    const r = await add(engine, revoked.id, signedCms('2025-03-20', '2025-03-20'));
    await ok(engine, 'authorizations.update', {
      id: r.id,
      version: r.version,
      values: { status: 'revoked', revokedOn: '2025-06-01' },
    });

    const page = await ok(engine, 'expiringAuthorizations.list', { today });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => [i.clientName, i.expiresOn, i.kind])).toEqual([
      ['Ben Expired', '2026-02-01', 'hipaa-release'],
      ['Ana Soon', '2026-04-12', 'medicare-representative'],
    ]);
    expect(page.items[0]!.caseId).toBeGreaterThan(0);
    const second = await ok(engine, 'expiringAuthorizations.list', { today, limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: 2, items: [{ clientName: 'Ana Soon' }] });

    const q = authorizationQueries(engine.db);
    const plan = engine.db
      .prepare(`EXPLAIN QUERY PLAN ${q.expiringSql}`)
      .all({ until: addDays(today, 60), limit: 10, offset: 0 }) as { detail: string }[];
    const steps = plan.map((p) => p.detail);
    expect(steps.join('\n')).toMatch(/SEARCH a USING INDEX authorizations_expiry/);
    expect(steps.filter((s) => /^SCAN /.test(s))).toEqual([]);
  });

  it('puts each signed expiry in the calendar export, with initials unless full names are chosen', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const signedOn = addDays(localToday(), -300);
    const a = await add(engine, client.id, signedCms(addDays(signedOn, -2), signedOn));
    await add(engine, client.id, { kind: 'plan-representative' }); // a draft: no event
    // Run out long ago: past acting on, so not in the calendar (the dashboard still lists it).
    await add(engine, client.id, signedCms('2020-01-01', '2020-01-01'));
    const named = await ok(engine, 'calendar.export', { fullNames: true });
    expect(named.events).toBe(1);
    const unfolded = named.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`UID:authorization-${a.id}@advocate-desk`);
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${a.expiresOn!.replaceAll('-', '')}`);
    expect(unfolded).toMatch(
      /SUMMARY:Authorization expires: Medicare appointment of representative \(CMS-1696\) \(Maria Okonkwo\)/,
    );
    const initials = await ok(engine, 'calendar.export', { caseId: kase.id });
    const text = initials.text.replace(/\r\n[ \t]/g, '');
    expect(text).toContain('(M.O.)');
    expect(text).not.toContain('Okonkwo');
  });

  it('moves to another computer in the library archive, with its attached file and history', async () => {
    const source = tempEngine();
    const { client, case: kase } = await clientWithCase(source);
    const imported = await ok(source, 'documents.importFile', {
      caseId: kase.id,
      fileName: 'signed-cms-1696.docx',
      contentBase64: await wordFileOf('tests/fixtures/notices/lmn-signed.txt'),
    });
    if (!imported.ok) throw new Error(imported.problem);
    const a = await add(source, client.id, {
      ...signedCms('2025-04-10', '2025-04-12'),
      representativeName: 'Jordan Reyes',
      documentId: imported.document.id,
    });
    const out = join(tempDir(), 'library.zip');
    await ok(source, 'archive.export', { out });
    const target = tempEngine();
    const { clientIds } = await ok(target, 'archive.import', { file: out });
    const [moved] = await ok(target, 'authorizations.list', { clientId: clientIds[0]! });
    expect(moved).toMatchObject({
      kind: 'medicare-representative',
      status: 'signed',
      representativeName: 'Jordan Reyes',
      expiresOn: '2026-04-12',
      documentName: 'signed-cms-1696.docx',
      createdAt: a.createdAt,
    });
    const caseId = (await ok(target, 'cases.list', { clientId: clientIds[0]! })).items[0]!.id;
    const history = await ok(target, 'cases.history', { caseId });
    expect(history.filter((h) => h.tableName === 'authorizations')).toHaveLength(1);
  });

  it('keeps the authorization when its attached file’s case is deleted, without the file', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    const other = await ok(
      engine,
      'cases.create',
      sampleCase(client.id, { requestedTreatment: 'TMS' }),
    );
    const imported = await ok(engine, 'documents.importFile', {
      caseId: kase.id,
      fileName: 'signed.docx',
      contentBase64: await wordFileOf('tests/fixtures/notices/lmn-signed.txt'),
    });
    if (!imported.ok) throw new Error(imported.problem);
    const a = await add(engine, client.id, {
      kind: 'plan-representative',
      documentId: imported.document.id,
    });
    await ok(engine, 'cases.delete', { id: kase.id });
    const kept = await ok(engine, 'authorizations.get', { id: a.id });
    expect({ documentId: kept.documentId, documentName: kept.documentName }).toEqual({
      documentId: null,
      documentName: null,
    });
    expect(engine.db.pragma('foreign_key_check')).toEqual([]);
    const history = await ok(engine, 'cases.history', { caseId: other.id });
    expect(history.some((h) => h.tableName === 'authorizations' && h.field === 'document_id')).toBe(
      true,
    );
  });

  it('goes with a client deleted once their cases are gone; kinds and statuses are checked by the table too', async () => {
    const engine = tempEngine();
    const { client, case: kase } = await clientWithCase(engine);
    await add(engine, client.id, { kind: 'plan-representative' });
    await ok(engine, 'cases.delete', { id: kase.id });
    await ok(engine, 'clients.delete', { id: client.id });
    expect(engine.db.prepare('SELECT count(*) FROM authorizations').pluck().get()).toBe(0);
    expect(() =>
      engine.db
        .prepare(
          "INSERT INTO authorizations (client_id, kind) VALUES (?, 'assignment-of-benefits')",
        )
        .run(client.id),
    ).toThrow(/CHECK|FOREIGN/);
  });
});
