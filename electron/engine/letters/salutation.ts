// How a letter greets its recipient, from who they are — a lawmaker by office ("Senator Reyes"),
// a physician by title ("Dr. Ruiz"), an insurer's reviewer by role ("Medical Director") — and
// never from the last word of a name, which may be a degree ("Ana Ruiz, MD").
import type { Contact } from '../../contract/contact';
import { splitPersonName } from '../../contract/person-name';
import { isPersonName } from '../facts/person-names';

/** Offices a letter greets by: "Dear Senator Reyes", "Dear Commissioner Lee". */
const OFFICES: Record<string, string> = {
  senator: 'Senator',
  'state senator': 'Senator',
  representative: 'Representative',
  'state representative': 'Representative',
  congressman: 'Representative',
  congresswoman: 'Representative',
  congressmember: 'Representative',
  assemblyman: 'Assemblymember',
  assemblywoman: 'Assemblymember',
  assemblymember: 'Assemblymember',
  delegate: 'Delegate',
  governor: 'Governor',
  commissioner: 'Commissioner',
  director: 'Director',
  judge: 'Judge',
};

/** Degrees and titles that make a person "Dr.": MD, DO, PhD, PsyD, DNP, DDS... */
const DOCTOR =
  /(^|[\s,])(dr\.?|doctor)(\s|$)|[\s,](m\.?d|d\.?o|ph\.?d|psy\.?d|dnp|dds|dmd|dpm)\.?$/i;

/** Degrees written after a name, dropped before splitting it. */
const DEGREES =
  /,?\s+(m\.?d|d\.?o|ph\.?d|psy\.?d|dnp|dds|dmd|dpm|np|pa-?c|lcsw|lpc|rn|aprn|pmhnp(-bc)?|facp|faafp)\.?(?=,|\s|$)/gi;

/** The person a contact names, in parts; null for an organization ("Prairie Health Appeals"). */
function personOf(name: string) {
  const bare = name
    .replace(DEGREES, '')
    .replace(/^(dr\.?|doctor|mr\.?|ms\.?|mrs\.?|mx\.?)\s+/i, '')
    .trim();
  return isPersonName(bare) ? splitPersonName(name.replace(DEGREES, '').trim()) : null;
}

/** "Senator Reyes", "Dr. Ruiz", "Medical Director", or the name in full when nothing better. */
export function salutationFor(recipient: Contact): string {
  const name = recipient.name.trim();
  const title = recipient.title?.trim().replace(/\.$/, '') ?? '';
  const office = OFFICES[title.toLowerCase()];
  const person = personOf(name);
  const last = person?.lastName ?? null;
  if (office && last) return `${office} ${last}`;
  if (last && (DOCTOR.test(name) || /^(dr|doctor)$/i.test(title))) return `Dr. ${last}`;
  // An insurer's reviewer is greeted by role when no person is named.
  if (recipient.kind === 'insurer' && !last) return title || 'Medical Director';
  if (person) {
    if (person.courtesyTitle) return `${person.courtesyTitle} ${person.lastName}`;
    return `${person.firstName} ${person.lastName}`;
  }
  // An organisation: its own name ("Dear Illinois Department of Insurance").
  return title || name;
}
