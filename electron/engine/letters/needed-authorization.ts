// The authorization a letter cannot go out without, when the client has none in force: the
// checklist names it, and its link leads to the client's authorizations.
import type { LetterKind } from '../../contract/letter';
import type { AuthorizationPurpose } from '../../contract/authorization';
import { inForce, kindsFor } from '../authorizations/rules';
import type { LetterInput } from './context';

/** What each letter the advocate signs needs the client's authorization for. */
export const NEEDS: Partial<Record<LetterKind, AuthorizationPurpose>> = {
  appeal: 'appeal',
  'expedited-appeal': 'appeal',
  'external-review': 'appeal',
  'claim-file-request': 'appeal',
  'parity-request': 'appeal',
  'parity-complaint': 'appeal',
  'network-gap-request': 'appeal',
  // A congressional caseworker cannot ask the insurer about a constituent without one.
  lawmaker: 'congressional',
};

/**
 * The checklist's words when the letter's authorization is missing, expired or revoked: a Medicare
 * plan accepts a representative only with a CMS-1696 (or its equivalent), other plans with a
 * designation. Null when one is in force, or the letter needs none.
 */
export function missingAuthorization(
  input: LetterInput,
  kind: LetterKind,
  signer: 'advocate' | 'provider',
): string | null {
  const purpose = NEEDS[kind];
  // Letters made before authorizations were kept carry none: nothing to judge them by.
  if (!input.authorizations || signer !== 'advocate' || !purpose) return null;
  const kinds = kindsFor(purpose, input.detail.case.planType);
  if (input.authorizations.some((a) => kinds.includes(a.kind) && inForce(a, input.today)))
    return null;
  switch (kinds[0]) {
    case 'medicare-representative':
      return 'Medicare appointment of representative (CMS-1696) missing or expired';
    case 'congressional-release':
      return 'Congressional privacy release signed by the client missing or expired';
    default:
      return 'Authorized representative designation signed by the client missing or expired';
  }
}
