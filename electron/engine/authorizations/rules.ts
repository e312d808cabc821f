// What an authorization's dates and attachments mean: a CMS-1696's expiry by rule, whether one is
// in force on a day, and what the advocate should be told about it.
import type {
  Authorization,
  AuthorizationKind,
  AuthorizationPurpose,
  AuthorizationValues,
} from '../../contract/authorization';
import {
  ASSIGNMENT_NOTICE,
  looksLikeAssignment,
  medicareAppointmentExpiry,
} from '../../contract/authorization';

/** The expiry stored: computed for a CMS-1696, as written for the others. */
export function expiryOf(v: AuthorizationValues): string | null {
  return v.kind === 'medicare-representative'
    ? medicareAppointmentExpiry(v.partySignedOn, v.representativeSignedOn)
    : v.expiresOn;
}

/** Signed, not revoked, and its expiry (if any) not passed on `today`. */
export function inForce(a: Authorization, today: string): boolean {
  if (a.status !== 'signed') return false;
  if (a.kind === 'medicare-representative' && !a.expiresOn) return false;
  return !a.expiresOn || a.expiresOn >= today;
}

/** The kinds that answer a purpose, for a case on a given kind of plan. */
export function kindsFor(
  purpose: AuthorizationPurpose,
  planType: string | null,
): AuthorizationKind[] {
  switch (purpose) {
    case 'appeal':
      return planType === 'medicare' || planType === 'medicare-advantage'
        ? ['medicare-representative']
        : ['plan-representative'];
    case 'records':
      return ['hipaa-release'];
    case 'congressional':
      return ['congressional-release'];
  }
}

/** Notes for the form: an assignment of benefits named in its words or in the file attached. */
export function noticesFor(
  a: Pick<AuthorizationValues, 'kind' | 'scope' | 'notes'>,
  document: { file_name: string; text: string | null } | undefined,
): string[] {
  if (a.kind !== 'plan-representative' && a.kind !== 'medicare-representative') return [];
  const words = [a.scope, a.notes, document?.file_name, document?.text?.slice(0, 20_000)];
  return words.some(looksLikeAssignment) ? [ASSIGNMENT_NOTICE] : [];
}
