// What the authorization forms read: the client's authorization the form is for (chosen, or the
// newest of the form's kind), with the case and the advocate's profile where it is silent. What
// neither says is a gap; the signature dates are left blank for the pen.
import type { Authorization, AuthorizationKind } from '../../contract/authorization';
import { AUTHORIZATION_KIND } from '../../contract/authorization';
import type { CaseDetail } from '../../contract/case';
import type { LetterKind } from '../../contract/letter';
import { writtenDate } from '../../contract/partial-date';
import type { Profile } from '../../contract/profile';
import { BLANK, Missing } from './gaps';

/** The kind of authorization each form writes. */
export const FORM_AUTHORIZATION: Partial<Record<LetterKind, AuthorizationKind>> = {
  'cms-1696': 'medicare-representative',
  'representative-designation': 'plan-representative',
  'hipaa-authorization': 'hipaa-release',
  'congressional-release': 'congressional-release',
};

/** The authorization a form is made from: the one asked for, else the newest of its kind. */
export function chooseAuthorization(
  all: readonly Authorization[] | undefined,
  kind: LetterKind,
  authorizationId: number | undefined,
): Authorization | null {
  if (!all?.length) return null;
  if (authorizationId !== undefined) return all.find((a) => a.id === authorizationId) ?? null;
  const wanted = FORM_AUTHORIZATION[kind];
  return (wanted && all.find((a) => a.kind === wanted && a.status !== 'revoked')) || null;
}

const gap = (field: string, label: string, value: string | null | undefined) =>
  value ? value : new Missing(`authorization.${field}`, label);

/** A line to sign or write on. */
const LINE = '_'.repeat(34);
const SHORT_LINE = '_'.repeat(18);

export function authorizationContext(
  a: Authorization | null,
  detail: CaseDetail,
  profile: Profile,
  profileAddress: string,
) {
  const c = detail.case;
  const client = detail.client;
  const isRepresentative =
    !a || a.kind === 'medicare-representative' || a.kind === 'plan-representative';
  // The representative defaults to the advocate only on representative forms.
  const repName = a?.representativeName ?? (isRepresentative ? profile.name : null);
  const repAddress = a?.representativeAddress ?? (isRepresentative ? profileAddress : null);
  const repPhone = a?.representativePhone ?? (isRepresentative ? profile.phone : null);
  const expiry = a?.expiresOn ? writtenDate(a.expiresOn) : null;
  return {
    onFile: a !== null,
    kind: a ? AUTHORIZATION_KIND.labels[a.kind] : BLANK,
    status: a?.status ?? 'draft',
    scope: gap('scope', 'what the authorization covers (its scope)', a?.scope),
    planName: gap('planName', 'the plan’s name', a?.planName ?? c.planName ?? c.insurerName),
    memberId: gap('memberId', 'the member ID', a?.memberId ?? c.memberId),
    medicareNumber: gap(
      'memberId',
      'the Medicare number (Medicare Beneficiary Identifier)',
      a?.memberId ?? c.memberId,
    ),
    groupNumber: a?.groupNumber ?? c.groupNumber ?? BLANK,
    representative: {
      name: gap('representativeName', 'the representative’s name', repName),
      address: gap('representativeAddress', 'the representative’s address', repAddress),
      phone: gap('representativePhone', 'the representative’s phone', repPhone),
      organisation: isRepresentative && profile.organisation ? profile.organisation : BLANK,
    },
    disclosedBy: gap('disclosedBy', 'who may disclose the information', a?.disclosedBy),
    disclosedTo: gap('disclosedTo', 'who may receive the information', a?.disclosedTo),
    information: gap(
      'information',
      'a specific description of the information to be disclosed',
      a?.information,
    ),
    purpose: gap('purpose', 'the purpose of the disclosure', a?.purpose),
    office: gap('office', 'the member of Congress’s office', a?.office),
    caseworker: gap('caseworker', 'the caseworker’s name', a?.caseworker),
    /** A date or an event, as written on it; a gap when neither. */
    expiry: gap(
      'expiresOn',
      'an expiration date or event',
      expiry ?? (a?.expiryEvent ? `upon ${a.expiryEvent.replace(/^upon\s+/i, '')}` : null),
    ),
    expiresOn: expiry ?? BLANK,
    partySignedOn: a?.partySignedOn ? writtenDate(a.partySignedOn) : BLANK,
    representativeSignedOn: a?.representativeSignedOn
      ? writtenDate(a.representativeSignedOn)
      : BLANK,
    party: {
      name: `${client.firstName} ${client.lastName}`,
    },
    /** A line to sign on, and a shorter one for a date. */
    line: LINE,
    shortLine: SHORT_LINE,
  };
}
