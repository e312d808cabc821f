// Which fields the authorization form shows for each kind, in the order the form on paper reads.
import type { AuthorizationKind } from '../../../../electron/contract/authorization';
import {
  ASSIGNMENT_NOTICE,
  AUTHORIZATION_STATUS,
  looksLikeAssignment,
} from '../../../../electron/contract/authorization';
import type { Choices, FieldSpec } from '../../lib/form';

const assignmentNote = (value: string) =>
  looksLikeAssignment(value) ? { text: ASSIGNMENT_NOTICE, tone: 'warning' as const } : null;

const representative: FieldSpec[] = [
  {
    name: 'representativeName',
    label: 'Representative (a named person)',
    group: 'Representative',
    hint: 'You, from your profile, unless another person is named',
  },
  { name: 'representativeAddress', label: 'Representative’s address', wide: true },
  { name: 'representativePhone', label: 'Representative’s phone', type: 'tel' },
];

const signatures = (representativeSigns: boolean): FieldSpec[] => [
  { name: 'status', type: 'select', choices: AUTHORIZATION_STATUS, group: 'Signatures' },
  { name: 'partySignedOn', label: 'Signed by the client on', type: 'date' },
  ...(representativeSigns
    ? [
        {
          name: 'representativeSignedOn',
          label: 'Signed by the representative on',
          type: 'date',
        } as FieldSpec,
      ]
    : []),
  { name: 'revokedOn', label: 'Revoked on', type: 'date' },
];

export function authorizationSpecs(kind: AuthorizationKind, documents: Choices): FieldSpec[] {
  const attach: FieldSpec[] = [
    {
      name: 'documentId',
      label: 'Signed copy or the plan’s own form',
      type: 'select',
      choices: documents,
      optional: true,
      wide: true,
      group: 'Attached',
      hint: 'Import the file into one of the client’s cases first. An assignment of benefits is not a representative designation.',
    },
    { name: 'notes', type: 'textarea', wide: true, describe: assignmentNote },
  ];
  const scope = (label: string, hint: string): FieldSpec => ({
    name: 'scope',
    label,
    type: 'textarea',
    wide: true,
    hint,
    describe: assignmentNote,
  });
  switch (kind) {
    case 'medicare-representative':
      return [
        { name: 'memberId', label: 'Medicare number', group: 'Party' },
        scope('Claim, appeal or request', 'e.g. the denial of TMS, reference 123, and its appeals'),
        ...representative,
        ...signatures(true),
        ...attach,
      ];
    case 'plan-representative':
      return [
        { name: 'planName', label: 'Plan', group: 'Plan' },
        { name: 'memberId', label: 'Member ID' },
        { name: 'groupNumber', label: 'Group number' },
        scope('What it covers', 'e.g. claim 771-0042, its internal appeals and external review'),
        ...representative,
        ...signatures(true),
        { name: 'expiresOn', label: 'Expires on (if written on it)', type: 'date' },
        ...attach,
      ];
    case 'hipaa-release':
      return [
        {
          name: 'information',
          label: 'Information to be disclosed (specific)',
          type: 'textarea',
          wide: true,
          group: 'What, who and why',
          hint: 'e.g. progress notes and medication records, 2019 to date. Psychotherapy notes need their own authorization.',
        },
        { name: 'disclosedBy', label: 'Who may disclose it' },
        { name: 'disclosedTo', label: 'Who may receive it' },
        { name: 'purpose', type: 'textarea', wide: true },
        {
          name: 'expiresOn',
          label: 'Expires on',
          type: 'date',
          group: 'Expiry (a date or an event is required)',
        },
        {
          name: 'expiryEvent',
          label: 'Or expires upon (event)',
          hint: 'e.g. the end of the appeal',
        },
        ...signatures(false),
        ...attach,
      ];
    case 'congressional-release':
      return [
        { name: 'office', label: 'Member of Congress’s office', group: 'Office' },
        { name: 'caseworker' },
        { name: 'memberId', label: 'Member ID or Medicare number' },
        scope('What the office may ask about', 'e.g. my coverage of esketamine and its appeals'),
        { name: 'representativeName', label: 'Advocate the office may also talk to' },
        ...signatures(false),
        { name: 'expiresOn', label: 'Expires on (if written on it)', type: 'date' },
        ...attach,
      ];
  }
}
