// Builds a realistic case library for the benchmark: clients with names that repeat as real
// surnames do, cases at every stage (most of an organization's cases are closed), treatment
// histories, calls, deadlines (many long overdue), denials and three documents per case with a
// few kilobytes of clinical text and real Word files' bytes.
//
// A sample goes through the API (`engine.call`, each call validated and committed on its own);
// the rest is written in bulk the same way the API writes: the engine's own query modules (the
// same INSERT statements) in transactions of 250 cases, with every trigger on (history, versions,
// counts, activity dates, the client index). The case index is held as an archive import holds it
// (search/held-index.ts): each case's row is written once, at the end of its batch, from the view
// the triggers read, instead of on each of its ~15 inserts.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../electron/engine';
import type { ApiArgs, ApiName } from '../electron/contract/api';
import type { CaseStatus } from '../electron/contract/case';
import { clientInput } from '../electron/contract/client';
import { caseQueries } from '../electron/engine/cases/queries';
import { clientQueries } from '../electron/engine/clients/queries';
import { documentQueries } from '../electron/engine/documents/queries';
import { recordQueries } from '../electron/engine/records/queries';
import { denialQueries, stageQueries } from '../electron/engine/workflow/queries';
import { withCaseIndexHeld } from '../electron/engine/search/held-index';

/** A seeded generator, so every run builds the same library. */
export function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    /** Skewed towards the start of the list, as surnames and insurers are in real life. */
    skewed: <T>(xs: readonly T[]) => xs[Math.floor(Math.pow(next(), 2.2) * xs.length)]!,
  };
}

const FIRST =
  `Maria James Aisha Tom Linda Robert Priya Carlos Mei Olga Daniel Fatima Grace Henry Ines
  Jamal Keiko Liam Nadia Omar Paula Quentin Rosa Samuel Tanya Uma Victor Wendy Xavier Yara Zoe
  Ahmed Beatriz Chloe Dmitri Elena Farid Gloria Hiro Isabel Jonah Kateryna Leon Marisol Noah Odette
  Pedro Ruth Sofia Tariq Valentina William Amara Bruno Clara Diego Esther Felix Hana Ivan`.split(
    /\s+/,
  );
const SURNAMES =
  `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
  Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
  Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
  Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Okonkwo Brennan Pollard
  Quispe Kowalski Haddad Nakamura Osei Lindqvist Fitzgerald Abernathy Delacroix Vasquez Oyelaran`.split(
    /\s+/,
  );
const SYLLABLES =
  'ab el or an ber ton ley mor vik sen dal rin ka zu po lan ster well ford ham'.split(' ');
/** About three thousand surnames: the common ones first, then rarer made-up ones. */
const LAST = [
  ...SURNAMES,
  ...Array.from({ length: 3000 }, (_, i) => {
    const a = SYLLABLES[i % SYLLABLES.length]!;
    const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]!;
    const c = SYLLABLES[Math.floor(i / 400) % SYLLABLES.length]!;
    const w = `${a}${b}${c}`;
    return w[0]!.toUpperCase() + w.slice(1);
  }),
];
export const DRUGS =
  `Sertraline Fluoxetine Escitalopram Citalopram Paroxetine Venlafaxine Duloxetine
  Desvenlafaxine Bupropion Mirtazapine Trazodone Vortioxetine Vilazodone Amitriptyline Nortriptyline
  Imipramine Phenelzine Tranylcypromine Aripiprazole Quetiapine Brexpiprazole Cariprazine Lithium
  Lamotrigine Olanzapine Buspirone Gabapentin Pregabalin Clonazepam Prazosin`.split(/\s+/);
const CLASSES: Record<string, string> = {
  Sertraline: 'SSRI',
  Fluoxetine: 'SSRI',
  Escitalopram: 'SSRI',
  Citalopram: 'SSRI',
  Paroxetine: 'SSRI',
  Venlafaxine: 'SNRI',
  Duloxetine: 'SNRI',
  Desvenlafaxine: 'SNRI',
  Bupropion: 'NDRI',
};
const THERAPIES = [
  'Cognitive behavioral therapy',
  'Dialectical behavior therapy',
  'Psychodynamic therapy',
];
export const TREATMENTS = [
  'IV ketamine infusions',
  'Esketamine (Spravato) nasal spray',
  'Transcranial magnetic stimulation',
  'Deep TMS',
  'Electroconvulsive therapy',
  'Ketamine-assisted psychotherapy',
];
export const INSURERS =
  `Acme Health|Lone Star Health|Evergreen Mutual|Summit Care|Harbor Plan|Buckeye Mutual|
  Prairie Health|Blue Ridge Assurance|Cascade Benefit Plan|Granite State Health|Magnolia Care|
  Pioneer Health Plan|Sunbelt Insurance|Great Lakes Health|Redwood Benefits|Keystone Mutual|
  Bayou Health|Desert Sky Health|Heartland Plan|Coastal Care Alliance`
    .split('|')
    .map((s) => s.trim());
const DIAGNOSES: [string, string][] = [
  ['F33.2', 'Major depressive disorder, recurrent severe without psychotic features'],
  ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
  ['F33.1', 'Major depressive disorder, recurrent, moderate'],
  ['F41.1', 'Generalized anxiety disorder'],
  ['F43.10', 'Post-traumatic stress disorder, unspecified'],
  ['F31.81', 'Bipolar II disorder'],
  ['G89.4', 'Chronic pain syndrome'],
  ['F42.2', 'Mixed obsessional thoughts and acts'],
];
const STATES =
  `CA CA CA TX TX FL FL NY NY IL PA OH GA NC MI NJ VA WA AZ MA TN IN MO MD WI CO MN SC AL LA
  KY OR OK CT UT IA NV AR MS KS NM NE ID WV HI NH ME MT RI DE SD ND AK VT WY DC PR`.split(/\s+/);
const PROVIDERS = Array.from(
  { length: 300 },
  (_, i) => `Dr. ${FIRST[i % FIRST.length]} ${SURNAMES[(i * 7) % SURNAMES.length]}`,
);

/** Sentences a clinical note, a denial or an intake form is made of; {x} are the case's facts. */
const SENTENCES = [
  'The patient was seen today for follow-up of treatment-resistant depression.',
  'The patient reports persistent low mood, anhedonia and poor sleep despite adherence to {drug}.',
  'PHQ-9 score today is {score}, consistent with severe depression.',
  'Prior authorization for {treatment} was requested on {date} and remains pending.',
  'The plan denied the request, stating that medical necessity was not established.',
  'The patient has failed adequate trials of {drug} and {drug2} at therapeutic doses.',
  'Side effects included nausea, weight gain and emotional blunting, leading to discontinuation.',
  'Functional impact: the patient is unable to work and needs help with activities of daily living.',
  'Safety plan reviewed; the patient denies current suicidal intent and has supports at home.',
  'Member ID {member}; group number {group}; claim reference {ref}.',
  'We request an expedited review because delay could seriously jeopardize the patient’s health.',
  'Psychotherapy with {therapy} continued weekly for sixteen weeks without remission.',
  'The treating psychiatrist recommends {treatment} as the next step in care.',
  'Diagnosis: {code} {diagnosis}.',
  'The patient’s GAD-7 score is {score2}, indicating moderate anxiety.',
  'Labs were within normal limits; blood pressure was 128/82 at the visit.',
  'The appeal must be filed within 180 days of the date of this notice.',
  'You have the right to request an external review by an independent review organization.',
  'Coverage criteria require failure of at least two antidepressants from different classes.',
  'The provider attests that the requested service is medically necessary for this patient.',
  'Documentation of a trial of augmentation with {drug2} was not found in the records submitted.',
  'Plan: continue current medication, begin {treatment} if approved, return in four weeks.',
  'The patient lives with a partner and two children and previously worked as a teacher.',
  'Hospitalization in {year} for a major depressive episode with suicidal ideation.',
  'Medication history reviewed with the patient and the pharmacy fill records.',
];

/**
 * The Word files whose bytes stand in for imported documents: real files of a few kilobytes to
 * thirteen (a library of 100,000 cases then weighs about what the 2.9 GB one does).
 */
function wordFiles(): Buffer[] {
  const folder = join('..', 'shared', 'fixtures', 'word', 'mammoth');
  const found = existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => readFileSync(join(folder, f)))
        .filter((bytes) => bytes.length <= 13_000)
    : [];
  return found.length >= 3 ? found : [0, 1, 2].map((i) => Buffer.alloc(9000 + i * 1000, i + 1)); // no fixtures: sized stand-ins
}

export interface LibraryFacts {
  /** Clients' names in use (first, last), for realistic queries. */
  names: [string, string][];
  memberIds: string[];
  apiCases: number;
  bulkCases: number;
  apiMs: number;
  bulkMs: number;
}

const CLOSED: CaseStatus[] = ['closed-won', 'closed-lost', 'closed-withdrawn'];
/** Where the cases stand: most of a mature library is closed. */
const STATUS_WEIGHTS: [CaseStatus, number][] = [
  ['closed-won', 30],
  ['closed-lost', 22],
  ['closed-withdrawn', 14],
  ['intake', 5],
  ['gathering-records', 6],
  ['prior-auth-submitted', 5],
  ['approved', 4],
  ['denied', 5],
  ['internal-appeal-1', 4],
  ['internal-appeal-2', 2],
  ['external-review', 2],
  ['state-complaint', 1],
];
const PATH: CaseStatus[] = [
  'intake',
  'gathering-records',
  'prior-auth-submitted',
  'denied',
  'internal-appeal-1',
  'internal-appeal-2',
  'external-review',
  'state-complaint',
];

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Everything one case is made of, as plain values both ways of writing take. */
function caseData(i: number, today: string) {
  const r = random(i * 7919 + 17);
  const roll = r.next() * 100;
  let acc = 0;
  const status = STATUS_WEIGHTS.find(([, w]) => (acc += w) > roll)?.[0] ?? 'intake';
  const closed = CLOSED.includes(status);
  // Closed cases opened up to six years ago; open ones in the last year or so.
  const openedOn = addDays(today, -(closed ? 120 + r.int(2000) : 5 + r.int(420)));
  const lastName = r.skewed(LAST);
  const firstName = r.pick(FIRST);
  const drug = r.pick(DRUGS);
  const drug2 = r.pick(DRUGS);
  const treatment = r.skewed(TREATMENTS);
  const [code, diagnosis] = r.skewed(DIAGNOSES);
  const memberId = `M${String(100000000 + i * 37).slice(0, 9)}`;
  const insurer = r.skewed(INSURERS);
  const fill = (s: string) =>
    s
      .replaceAll('{drug}', drug)
      .replaceAll('{drug2}', drug2)
      .replaceAll('{treatment}', treatment)
      .replaceAll('{date}', addDays(openedOn, 20))
      .replaceAll('{member}', memberId)
      .replaceAll('{group}', `G${1000 + (i % 800)}`)
      .replaceAll('{ref}', `R${i}-${r.int(9999)}`)
      .replaceAll('{therapy}', r.pick(THERAPIES))
      .replaceAll('{code}', code)
      .replaceAll('{diagnosis}', diagnosis)
      .replaceAll('{score}', String(15 + r.int(12)))
      .replaceAll('{score2}', String(8 + r.int(12)))
      .replaceAll('{year}', String(2015 + r.int(9)));
  const text = (sentences: number, heading: string) =>
    [
      heading,
      `${firstName} ${lastName}, date of birth ${1950 + r.int(50)}-0${1 + r.int(9)}-1${r.int(9)}.`,
      ...Array.from({ length: sentences }, () => fill(r.pick(SENTENCES))),
    ].join('\n\n');
  const stages = closed
    ? [...PATH.slice(0, 3 + r.int(4)), status]
    : PATH.slice(0, Math.max(1, PATH.indexOf(status) + 1));
  if (!closed && !PATH.includes(status)) stages.push(status);
  return {
    client: {
      firstName,
      lastName,
      dateOfBirth: `${1950 + r.int(50)}-0${1 + r.int(9)}-1${r.int(9)}`,
      phone: `555-${String(1000 + r.int(9000))}`,
      email: `${firstName}.${lastName}${i}@example.org`.toLowerCase(),
      addressLine1: `${1 + r.int(9000)} Elm Street`,
      addressLine2: null,
      city: 'Springfield',
      state: r.pick(STATES),
      postalCode: String(10000 + r.int(89999)),
      notes: r.next() < 0.3 ? 'Prefers email; mornings are best for calls.' : null,
    },
    kase: {
      requestedTreatment: treatment,
      treatmentCodes: treatment.includes('ketamine') ? 'J3490' : '90867',
      status: 'intake' as CaseStatus,
      openedOn,
      providerName: r.skewed(PROVIDERS),
      providerNpi: null,
      providerPractice: 'Riverside Behavioral Health',
      providerPhone: '555-0199',
      providerFax: '555-0198',
      insurerName: insurer,
      planName: `${insurer} PPO`,
      planType: r.pick(['employer-self-funded', 'fully-insured', 'aca-marketplace', 'medicaid']),
      memberId,
      groupNumber: `G${1000 + (i % 800)}`,
      functionalImpact: null,
      prognosis: null,
      treatmentPlan: null,
      notes:
        r.next() < 0.5 ? fill('Advocate notes: the plan denied {treatment}; {drug} failed.') : null,
    },
    stages: stages.map((to, n) => ({ to, movedOn: addDays(openedOn, n * 25) })),
    diagnoses: [{ icd10Code: code, description: diagnosis, diagnosedOn: addDays(openedOn, -300) }],
    treatments: [drug, drug2, r.pick(DRUGS)].map((name, n) => ({
      kind: 'medication' as const,
      name,
      dose: `${(n + 1) * 50} mg`,
      startedOn: addDays(openedOn, -900 + n * 200),
      endedOn: addDays(openedOn, -750 + n * 200),
      outcome: 'No response after 8 weeks at therapeutic dose',
      reasonStopped: n === 1 ? 'Side effects' : 'Ineffective',
      drugClass: CLASSES[name] ?? null,
    })),
    communications: [0, 1].map((n) => ({
      occurredOn: addDays(openedOn, 10 + n * 30),
      channel: n ? ('fax' as const) : ('phone' as const),
      person: n ? null : 'Utilization review nurse',
      referenceNumber: `CALL-${i}-${n}`,
      summary: fill(
        n
          ? 'Faxed the appeal packet for {treatment} with records of {drug}.'
          : 'Called the plan about the prior authorization for {treatment}.',
      ),
    })),
    // Open cases keep an open deadline: some long overdue, some this week, most ahead.
    deadlines: [
      {
        kind: 'deadline' as const,
        title: 'File the appeal',
        dueOn: closed ? addDays(openedOn, 60) : addDays(today, -200 + r.int(260)),
        completedOn: closed ? addDays(openedOn, 50) : null,
        notes: null,
      },
    ],
    denial: stages.includes('denied')
      ? {
          deniedOn: addDays(openedOn, 40),
          receivedOn: addDays(openedOn, 44),
          referenceNumber: `DN-${i}`,
          claimNumber: `CLM${200000 + i}`,
          reason: fill('Medical necessity not established for {treatment}.'),
          service: treatment,
          claimType: 'pre-service' as const,
          level: 'initial' as const,
          letterDeadlineOn: null,
          overrideOn: null,
          stateWindowDays: null,
        }
      : null,
    documents: [
      { fileName: 'progress-note.docx', text: text(28, 'Psychiatric progress note') },
      { fileName: 'denial-letter.docx', text: text(18, 'Adverse benefit determination') },
      { fileName: 'intake-form.docx', text: text(12, 'Client intake form') },
    ],
    status,
    lastActivityOn: addDays(openedOn, stages.length * 25),
  };
}

async function must<N extends ApiName>(engine: Engine, name: N, args: ApiArgs<N>) {
  const reply = await engine.call(name, args);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.message}`);
  return reply.value;
}

/** Builds `cases` cases: the first `apiSample` through the API, the rest in bulk. */
export async function buildLibrary(
  engine: Engine,
  cases: number,
  apiSample: number,
  today: string,
  progress: (done: number) => void = () => {},
): Promise<LibraryFacts> {
  const facts: LibraryFacts = {
    names: [],
    memberIds: [],
    apiCases: Math.min(cases, apiSample),
    bulkCases: Math.max(0, cases - apiSample),
    apiMs: 0,
    bulkMs: 0,
  };
  const words = wordFiles();
  const bytesFor = (i: number, n: number) => words[(i + n * 7) % words.length]!;
  const html = (text: string) =>
    text
      .split('\n\n')
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');

  let t = performance.now();
  for (let i = 0; i < facts.apiCases; i++) {
    const d = caseData(i, today);
    const client = await must(engine, 'clients.create', d.client);
    const created = await must(engine, 'cases.create', {
      ...d.kase,
      clientId: client.id,
    } as ApiArgs<'cases.create'>);
    for (const s of d.stages.slice(1)) {
      await must(engine, 'stages.move', { caseId: created.id, to: s.to, movedOn: s.movedOn });
    }
    for (const values of d.diagnoses)
      await must(engine, 'diagnoses.create', { caseId: created.id, values });
    for (const values of d.treatments)
      await must(engine, 'treatments.create', { caseId: created.id, values });
    for (const values of d.communications) {
      await must(engine, 'communications.create', { caseId: created.id, values });
    }
    for (const values of d.deadlines)
      await must(engine, 'deadlines.create', { caseId: created.id, values });
    if (d.denial) await must(engine, 'denials.create', { caseId: created.id, values: d.denial });
    // Documents go in as an import stores them (its text and preview), without converting the
    // same Word files again: that is measured on its own in the import benchmark.
    engine.db
      .transaction(() => {
        const docs = documentQueries(engine.db);
        d.documents.forEach((doc, n) =>
          docs.add({
            caseId: created.id,
            fileName: doc.fileName,
            mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            origin: 'imported',
            text: doc.text,
            html: html(doc.text),
            note: null,
            bytes: bytesFor(i, n),
          }),
        );
      })
      .immediate();
    facts.names.push([d.client.firstName, d.client.lastName]);
    facts.memberIds.push(d.kase.memberId);
    if (i % 50 === 49) progress(i + 1);
  }
  facts.apiMs = performance.now() - t;

  t = performance.now();
  const db = engine.db;
  const clients = clientQueries(db);
  const kases = caseQueries(db);
  const stages = stageQueries(db);
  const denials = denialQueries(db);
  const docs = documentQueries(db);
  const records = {
    diagnoses: recordQueries(db, 'diagnoses'),
    treatments: recordQueries(db, 'treatments'),
    communications: recordQueries(db, 'communications'),
    deadlines: recordQueries(db, 'deadlines'),
  };
  const stamp = db.prepare('UPDATE cases SET created_at = ?, updated_at = ? WHERE id = ?');
  const BATCH = 250;
  for (let start = facts.apiCases; start < cases; start += BATCH) {
    db.transaction(() =>
      withCaseIndexHeld(
        db,
        () => {
          const made: number[] = [];
          for (let i = start; i < Math.min(cases, start + BATCH); i++) {
            const d = caseData(i, today);
            // Through the contract's schema, as the API writes: its defaults (how letters refer
            // to the client) are filled in.
            const client = clients.insert(clientInput.parse(d.client));
            const created = kases.insert({ ...d.kase, clientId: client.id });
            made.push(created.id);
            let from: CaseStatus = 'intake';
            stages.record({
              caseId: created.id,
              fromStage: null,
              toStage: 'intake',
              movedOn: d.stages[0]!.movedOn,
              note: null,
              claimType: null,
            });
            for (const s of d.stages.slice(1)) {
              stages.setStatus(created.id, s.to);
              stages.record({
                caseId: created.id,
                fromStage: from,
                toStage: s.to,
                movedOn: s.movedOn,
                note: null,
                claimType: null,
              });
              from = s.to;
            }
            for (const v of d.diagnoses) records.diagnoses.insert({ ...v, caseId: created.id });
            for (const v of d.treatments) records.treatments.insert({ ...v, caseId: created.id });
            for (const v of d.communications)
              records.communications.insert({ ...v, caseId: created.id });
            for (const v of d.deadlines) records.deadlines.insert({ ...v, caseId: created.id });
            if (d.denial) {
              denials.insert({
                ...d.denial,
                caseId: created.id,
                computedOn: null,
                rule: 'Bench',
                deadlineId: null,
              });
            }
            d.documents.forEach((doc, n) =>
              docs.add({
                caseId: created.id,
                fileName: doc.fileName,
                mediaType:
                  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                origin: 'imported',
                text: doc.text,
                html: html(doc.text),
                note: null,
                bytes: bytesFor(i, n),
              }),
            );
            // The case was last touched when its last stage move happened, not today.
            stamp.run(
              `${d.kase.openedOn}T09:00:00.000Z`,
              `${d.lastActivityOn}T17:00:00.000Z`,
              created.id,
            );
            if (i % 7 === 0) facts.names.push([d.client.firstName, d.client.lastName]);
            if (i % 7 === 0) facts.memberIds.push(d.kase.memberId);
          }
          return made;
        },
        (made) => made,
      ),
    ).immediate();
    progress(Math.min(cases, start + BATCH));
  }
  facts.bulkMs = performance.now() - t;
  return facts;
}
