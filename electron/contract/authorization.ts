// Authorizations a client signs so someone may act or receive information for them: kept per
// client (every case of theirs may use them), with scope, parties, signature dates and expiry.
import { z } from 'zod';
import { choices } from './choices';
import { id, optionalDate, optionalText } from './fields';
import { pageArgs } from './paging';
import { patchOf, version } from './versions';

export const AUTHORIZATION_KIND = choices({
  'medicare-representative': 'Medicare appointment of representative (CMS-1696)',
  'plan-representative': 'Authorized representative designation (employer plan or insurer)',
  'hipaa-release': 'HIPAA authorization to release records',
  'congressional-release': 'Congressional privacy release',
});
export type AuthorizationKind = (typeof AUTHORIZATION_KIND.values)[number];

export const AUTHORIZATION_STATUS = choices({
  draft: 'Draft',
  signed: 'Signed',
  revoked: 'Revoked',
});
export type AuthorizationStatus = (typeof AUTHORIZATION_STATUS.values)[number];

/** What an authorization is needed for, when a letter or packet asks for one. */
export const AUTHORIZATION_PURPOSE = choices({
  appeal: 'An appeal or external review filed by a representative',
  records: 'Records released to someone else',
  congressional: 'A congressional office asking on the client’s behalf',
});
export type AuthorizationPurpose = (typeof AUTHORIZATION_PURPOSE.values)[number];

const text = optionalText(300);
const long = optionalText(2000);

/** The fields a person edits. Which apply depends on `kind` (see the form). */
export const authorizationShape = {
  kind: z.enum(AUTHORIZATION_KIND.values, { error: 'is not a kind of authorization' }),
  status: z.enum(AUTHORIZATION_STATUS.values).default('draft'),
  /** What it covers, in words: this claim and its appeals, all claims, the records named… */
  scope: long,
  planName: text,
  /** The Medicare number, or the plan's member ID. */
  memberId: optionalText(60),
  groupNumber: optionalText(60),
  representativeName: text,
  representativeAddress: text,
  representativePhone: optionalText(40),
  /** HIPAA: who may disclose (a provider, a plan). */
  disclosedBy: text,
  /** HIPAA: who may receive. */
  disclosedTo: text,
  /** HIPAA: a specific description of the information. */
  information: long,
  purpose: long,
  /** Congressional: the member's office. */
  office: text,
  caseworker: text,
  partySignedOn: optionalDate,
  representativeSignedOn: optionalDate,
  /** The expiry as written on it (a CMS-1696's is computed and this is ignored). */
  expiresOn: optionalDate,
  /** HIPAA: an event that ends it ("end of the appeal"), when no date is written. */
  expiryEvent: text,
  revokedOn: optionalDate,
  /** The signed copy or the plan's own form, imported as one of the client's case documents. */
  documentId: id.nullish().transform((v) => v ?? null),
  notes: long,
};

const baseFields = z.object(authorizationShape);

const checked = <T extends z.ZodType<z.output<typeof baseFields>>>(schema: T) =>
  schema.superRefine((v, ctx) => {
    if (v.kind === 'hipaa-release' && !v.expiresOn && !v.expiryEvent) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message:
          'is required for a HIPAA authorization: write the date or the event that ends it (45 CFR 164.508(c)(1)(v))',
      });
    }
    if (v.status === 'signed' && !v.partySignedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['partySignedOn'],
        message: 'is required once it is signed',
      });
    }
    if (
      v.status === 'signed' &&
      v.kind === 'medicare-representative' &&
      !v.representativeSignedOn
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['representativeSignedOn'],
        message: 'is required once it is signed: a CMS-1696 needs both signatures',
      });
    }
    if (v.status === 'revoked' && !v.revokedOn) {
      ctx.addIssue({ code: 'custom', path: ['revokedOn'], message: 'is required once revoked' });
    }
  });

export const authorizationFields = checked(baseFields);
export type AuthorizationValues = z.output<typeof authorizationFields>;

export const authorizationCreate = z.object({ clientId: id, values: authorizationFields });
export const authorizationUpdate = z.object({
  id,
  version,
  values: patchOf(authorizationShape),
});

export interface Authorization extends AuthorizationValues {
  id: number;
  clientId: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An authorization as screens show it: who it is for, the file attached, and what to know. */
export interface AuthorizationView extends Authorization {
  clientName: string;
  documentName: string | null;
  /** Signed, not revoked, and not past its expiry on `today`. */
  inForce: boolean;
  /** Things the advocate should know (e.g. an attached assignment of benefits). */
  notices: string[];
}

export const authorizationList = z.object({ clientId: id });

export const expiringAuthorizationsQuery = z.object({
  /** Today, YYYY-MM-DD, on the advocate's computer. */
  today: z.iso.date(),
  /** How far ahead to look. */
  withinDays: z.number().int().min(0).max(365).default(60),
  ...pageArgs(10),
});

/** A signed authorization near or past its expiry, for a client with an open case. */
export interface ExpiringAuthorization {
  id: number;
  clientId: number;
  clientName: string;
  kind: AuthorizationKind;
  expiresOn: string;
  /** A case of the client's still open, to open from the dashboard. */
  caseId: number;
}

export const caseAuthorizationsQuery = z.object({
  caseId: id,
  purpose: z.enum(AUTHORIZATION_PURPOSE.values).optional(),
});

/** One year after the later of two signature dates (a Feb 29 signature runs to Feb 28). */
export function oneYearAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A CMS-1696 is valid for one year from the later of the party's and the representative's
 * signatures; with either missing it is not yet in force and has no expiry.
 */
export function medicareAppointmentExpiry(
  partySignedOn: string | null,
  representativeSignedOn: string | null,
): string | null {
  if (!partySignedOn || !representativeSignedOn) return null;
  const later = partySignedOn > representativeSignedOn ? partySignedOn : representativeSignedOn;
  return oneYearAfter(later);
}

const ASSIGNMENT = /assign(?:ment|s|ed|ing)?\s+(?:of\s+)?(?:\w+\s+){0,3}benefits?/i;

/** Whether text reads like an assignment of benefits (which pays a provider, and appoints no one). */
export const looksLikeAssignment = (text: string | null | undefined): boolean =>
  !!text && ASSIGNMENT.test(text);

export const ASSIGNMENT_NOTICE =
  'This looks like an assignment of benefits. An assignment lets the plan pay a provider; it does not make anyone the client’s representative. Attach a representative designation (or the plan’s own form) instead.';
