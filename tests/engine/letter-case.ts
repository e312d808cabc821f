// A complete case for letter tests: profile, recipient, diagnoses, treatments across classes,
// scores over time, a denial, the provider's signed letter and a clinical note on file, so every
// built-in template has what it reads.
import { readFileSync } from 'node:fs';
import type { Engine } from '../../electron/engine';
import { clientWithCase, ok } from './helpers';
import { wordFileOf } from './word-file';

/** `paritySent: false` leaves out the parity request already sent (and its response clock). */
export async function fullLetterCase(engine: Engine, { paritySent = true } = {}) {
  await ok(engine, 'profile.update', {
    version: 0,
    name: 'Jordan Reyes',
    organisation: 'Reyes Patient Advocacy',
    addressLine1: '400 Main Street, Suite 2',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    phone: '555-0199',
    email: 'jordan@reyes-advocacy.example',
    signatureBlock: 'Jordan Reyes\nPatient Advocate, Reyes Patient Advocacy',
  });
  const { client, case: kase } = await clientWithCase(
    engine,
    {},
    {
      requestedTreatment: 'IV ketamine infusion series',
      treatmentCodes: 'J3490, 96365',
      functionalImpact:
        'Unable to work since March 2024; needs help with meals and errands.\n\nStopped driving.',
      prognosis: 'Without treatment, high risk of hospitalisation and suicide attempt.',
      treatmentPlan: 'Six infusions over three weeks, then maintenance every four weeks.',
    },
  );
  const caseId = kase.id;
  const insurer = await ok(engine, 'contacts.create', {
    kind: 'insurer',
    name: 'Dr. Helen Park',
    title: 'Medical Director',
    organisation: 'Prairie Health',
    department: 'Appeals Unit',
    addressLine1: 'PO Box 1200',
    city: 'Chicago',
    state: 'IL',
    postalCode: '60601',
  });
  await ok(engine, 'diagnoses.create', {
    caseId,
    values: {
      icd10Code: 'F33.2',
      description: 'Major depressive disorder, recurrent, severe',
      diagnosedOn: '2019-03-15',
    },
  });
  const meds = [
    ['Sertraline', 'SSRI', '200 mg daily', '2019-04-01', '2019-08-01'],
    ['Venlafaxine XR', 'SNRI', '225 mg daily', '2019-09-01', '2020-02-01'],
    ['Bupropion XL', 'NDRI', '450 mg daily', '2020-03-01', '2020-09-01'],
  ] as const;
  for (const [name, drugClass, dose, startedOn, endedOn] of meds) {
    await ok(engine, 'treatments.create', {
      caseId,
      values: {
        kind: 'medication',
        name,
        drugClass,
        dose,
        startedOn,
        endedOn,
        outcome: 'Less than 25% improvement',
        reasonStopped: 'No response at a therapeutic dose',
      },
    });
  }
  await ok(engine, 'treatments.create', {
    caseId,
    values: {
      kind: 'therapy',
      name: 'Cognitive behavioral therapy',
      dose: 'Weekly',
      startedOn: '2020-01-10',
      endedOn: '2021-01-10',
      outcome: 'Minimal change in PHQ-9',
      reasonStopped: 'Plateaued',
    },
  });
  for (const [score, assessedOn] of [
    [24, '2024-01-05'],
    [23, '2024-06-02'],
  ] as const) {
    await ok(engine, 'assessments.create', {
      caseId,
      values: { instrument: 'PHQ-9', score, assessedOn },
    });
  }
  await ok(engine, 'denials.create', {
    caseId,
    values: {
      deniedOn: '2024-07-01',
      referenceNumber: 'UM-2024-55821',
      claimNumber: 'CLM-771-0042',
      service: 'IV ketamine infusion (J3490)',
      reason: 'The requested service is considered experimental and investigational.',
      claimType: 'pre-service',
      letterDeadlineOn: '2024-12-28',
    },
  });
  await fileEnclosures(engine, caseId);
  // The expedited appeal's own question, answered once for the case.
  await ok(engine, 'caseAnswers.save', {
    caseId,
    key: 'urgencyStatement',
    answer:
      'Ms. Okonkwo reported passive suicidal thoughts at her visit on June 2, 2024.\n\nA delay of 30 days risks hospitalization.',
  });
  // Signed authorizations of every kind, so each form (and each appeal) has what it reads.
  const signed = { status: 'signed', partySignedOn: '2024-07-10' } as const;
  const authorizations = {
    'medicare-representative': await ok(engine, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'medicare-representative',
        ...signed,
        representativeSignedOn: '2024-07-12',
        scope: 'The denial of IV ketamine (UM-2024-55821) and every appeal of it',
      },
    }),
    'plan-representative': await ok(engine, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'plan-representative',
        ...signed,
        representativeSignedOn: '2024-07-10',
        scope: 'Claim CLM-771-0042, its internal appeals and external review',
      },
    }),
    'hipaa-release': await ok(engine, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'hipaa-release',
        ...signed,
        information:
          'Progress notes, medication records and assessment scores from January 2019 to date',
        disclosedBy: 'Lakeside Psychiatry',
        disclosedTo: 'Jordan Reyes, Reyes Patient Advocacy',
        purpose: 'To appeal the denial of IV ketamine treatment, at my request',
        expiryEvent: 'the end of the appeal and any external review',
      },
    }),
    'congressional-release': await ok(engine, 'authorizations.create', {
      clientId: client.id,
      values: {
        kind: 'congressional-release',
        ...signed,
        office: 'Representative Dana Whitfield (IL-13)',
        caseworker: 'Sam Ortiz',
        scope: 'My coverage of IV ketamine by Prairie Health and its appeals',
      },
    }),
  };
  await coverageWork(engine, caseId, paritySent);
  return { client, caseId, recipientId: insurer.id, authorizations };
}

/**
 * The coverage work a case gathers: in-network providers tried, a network-gap request with the
 * clinician's rationale, a peer-to-peer call, a manufacturer program, a benefits check, and a
 * parity request sent 40 days ago with no answer (what a parity complaint answers).
 */
export async function coverageWork(engine: Engine, caseId: number, paritySent = true) {
  const tried = [
    ['North Shore Ketamine Center', '1245319599', '2024-07-08', 'wait-too-long', 98, 22],
    ['Lakeview Behavioral Health', null, '2024-07-09', 'does-not-offer', null, 9.5],
    ['Prairie Infusion Clinic', '1003000126', '2024-07-11', 'not-accepting', null, 41],
  ] as const;
  for (const [providerTried, npi, attemptedOn, result, waitOfferedDays, distanceMiles] of tried) {
    await ok(engine, 'accessAttempts.create', {
      caseId,
      values: {
        providerTried,
        npi,
        attemptedOn,
        channel: 'phone',
        result,
        waitOfferedDays,
        distanceMiles,
        notes: result === 'wait-too-long' ? 'First opening after 14 weeks; no waitlist.' : null,
      },
    });
  }
  await ok(engine, 'networkRequests.create', {
    caseId,
    values: {
      kind: 'single-case-agreement',
      providerName: 'Dr. Ada Lovelace',
      rationale:
        'Ms. Okonkwo has been under my care since 2019 and her suicide risk is monitored at each visit; moving her to a new prescriber mid-crisis would interrupt that monitoring.\n\nNo in-network clinic within 40 miles offers IV ketamine with an opening in the next three months.',
      requestedOn: '2024-07-15',
    },
  });
  await ok(engine, 'peerCalls.create', {
    caseId,
    values: {
      occurredOn: '2024-07-20',
      reviewerName: 'Dr. Paul Kim',
      reviewerCredentials: 'MD, family medicine',
      askedFor: 'Six infusions (J3490, 96365) over three weeks',
      outcome: 'upheld',
      referenceNumber: 'P2P-88120',
    },
  });
  await ok(engine, 'enrolments.create', {
    caseId,
    values: {
      kind: 'sliding-scale',
      program: 'Lakeside Psychiatry sliding scale',
      status: 'enrolled',
      amount: 150,
      amountBasis: 'off each infusion',
      renewsOn: '2025-07-01',
    },
  });
  await ok(engine, 'benefitsChecks.create', {
    caseId,
    values: {
      checkedOn: '2024-06-20',
      source: 'call',
      representative: 'Dana at Prairie Health',
      referenceNumber: 'BV-220611',
      service: 'IV ketamine, J3490 and 96365',
      networkStatus: 'out-of-network',
      priorAuthRequired: 'yes',
      referralRequired: 'no',
      visitLimit: 'No visit limit for infusions',
      plannedSessions: 6,
      inDeductible: 1500,
      inDeductibleMet: 400,
      inOutOfPocketMax: 6000,
      inOutOfPocketMet: 900,
      inCoinsurancePercent: 20,
      inAllowedAmount: 450,
      outDeductible: 3000,
      outDeductibleMet: 0,
      outOutOfPocketMax: 12000,
      outOutOfPocketMet: 0,
      outCoinsurancePercent: 40,
      outAllowedAmount: 380,
    },
  });
  if (!paritySent) return;
  const parity = await ok(engine, 'letters.generate', { caseId, kind: 'parity-request' });
  const sentOn = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
  await ok(engine, 'letters.recordSent', {
    documentId: parity.documentId,
    expectedVersion: 0,
    sentOn,
    channel: 'certified-mail',
    reference: '9407 1118 9956 2311 4470 12',
  });
}

/**
 * The plan upholds its denial at the last internal level, received a few days later: what an
 * external-review request answers.
 */
export async function recordFinalDenial(engine: Engine, caseId: number) {
  return ok(engine, 'denials.create', {
    caseId,
    values: {
      deniedOn: '2024-10-15',
      receivedOn: '2024-10-18',
      level: 'final-internal',
      referenceNumber: 'UM-2024-60114',
      claimNumber: 'CLM-771-0042',
      service: 'IV ketamine infusion (J3490)',
      reason: 'The requested service is considered experimental and investigational.',
      claimType: 'pre-service',
    },
  });
}

/**
 * On file to enclose: the provider's signed letter and a clinical note, imported (and typed from
 * their text). Their document ids.
 */
export async function fileEnclosures(engine: Engine, caseId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const [fileName, contentBase64] of [
    ['lmn-signed.docx', await wordFileOf('tests/fixtures/notices/lmn-signed.txt')],
    [
      'progress-note.docx',
      readFileSync('../shared/fixtures/word/clinical/progress-note-trd.docx').toString('base64'),
    ],
  ] as const) {
    const imported = await ok(engine, 'documents.importFile', { caseId, fileName, contentBase64 });
    if (!imported.ok) throw new Error(imported.problem);
    ids.push(imported.document.id);
  }
  return ids;
}

/** A long case: `count` notices filed before anything else, straight into the table. */
export function fileNotices(engine: Engine, caseId: number, count: number): void {
  const file = engine.db.prepare(
    `INSERT INTO documents (case_id, file_name, media_type, origin, sha256, size_bytes, text, document_type, created_at)
     VALUES (?, ?, 'text/plain', 'imported', ?, 1, 'Notice.', 'other', ?)`,
  );
  engine.db.transaction(() => {
    for (let i = 0; i < count; i++)
      file.run(
        caseId,
        `notice-${i}.txt`,
        `sha-${i}`,
        `2023-01-01T00:00:00.${String(i).padStart(3, '0')}Z`,
      );
  })();
}
