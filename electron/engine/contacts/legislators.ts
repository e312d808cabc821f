// Reads the public congress-legislators data (unitedstates/congress-legislators, CC0): the
// members of Congress file and, optionally, their district offices, as address-book contacts.
// A caseworker in the member's home-state office is who helps a constituent, so a district
// office in the chosen state is the letter's address when there is one; Washington is the rest.
import { parse } from 'yaml';
import { z } from 'zod';
import type { ContactInput } from '../../contract/contact';
import { AppError } from '../../contract/errors';

// Real files leave fields out or set them to null; only what identifies a member is required.
const text = z.string().nullish();
const textOrNumber = z.union([z.string(), z.number()]).nullish();

const term = z.object({
  type: z.enum(['sen', 'rep']),
  state: z.string(),
  district: z.number().nullish(),
  party: text,
  address: text,
  office: text,
  phone: text,
  fax: text,
  url: text,
});

const legislator = z.object({
  id: z.object({ bioguide: z.string() }),
  name: z.object({ first: z.string(), last: z.string(), official_full: text }),
  terms: z.array(term).min(1),
});

const office = z.object({
  address: text,
  suite: textOrNumber,
  building: text,
  city: text,
  state: text,
  zip: textOrNumber,
  phone: text,
  fax: text,
});

const offices = z.array(
  z.object({ id: z.object({ bioguide: z.string() }), offices: z.array(office).default([]) }),
);

/** The note line that ties a contact to its member of Congress, so a re-import updates it. */
export const bioguideNote = (id: string) => `Congress bioguide ID: ${id}`;

function read<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new AppError(
      'invalid-input',
      `The ${what} file is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(
      'invalid-input',
      `The ${what} file is not the congress-legislators format: item ${issue.path.join('.')} ${issue.message}.`,
    );
  }
  return parsed.data;
}

/** "511 Hart Senate Office Building Washington DC 20510" → its street and ZIP. */
function washingtonOffice(t: z.output<typeof term>) {
  const zip = /(\d{5}(?:-\d{4})?)\s*$/.exec(t.address ?? '')?.[1] ?? null;
  const street = t.office ?? t.address?.replace(/\s*Washington,?\s*DC.*$/i, '') ?? null;
  return {
    addressLine1: street,
    addressLine2: null,
    city: 'Washington',
    state: 'DC',
    postalCode: zip,
  };
}

/** The contacts in the files: current members only, optionally of one state. */
export function legislatorContacts(
  legislatorsYaml: string,
  officesYaml: string | undefined,
  onlyState: string | undefined,
): (ContactInput & { bioguide: string })[] {
  const members = read(legislatorsYaml, z.array(legislator).min(1), 'legislators');
  const home = new Map(
    (officesYaml ? read(officesYaml, offices, 'district offices') : []).map((o) => [
      o.id.bioguide,
      o.offices,
    ]),
  );
  return members.flatMap((m) => {
    const t = m.terms.at(-1)!;
    if (onlyState && t.state !== onlyState) return [];
    const senator = t.type === 'sen';
    const local = (home.get(m.id.bioguide) ?? []).find((o) => o.state === t.state && o.city);
    const dc = washingtonOffice(t);
    const address = local
      ? {
          addressLine1: [local.building, local.address].filter(Boolean).join(', ') || null,
          addressLine2: local.suite ? String(local.suite) : null,
          city: local.city ?? null,
          state: local.state ?? null,
          postalCode: local.zip ? String(local.zip) : null,
        }
      : dc;
    const seat = senator
      ? t.state
      : `${t.state}-${t.district === 0 ? 'at large' : (t.district ?? '?')}`;
    const notes = [
      bioguideNote(m.id.bioguide),
      t.party ? `Party: ${t.party}` : null,
      t.url ? `Website: ${t.url}` : null,
      local
        ? `Washington office: ${[dc.addressLine1, 'Washington, DC', dc.postalCode].filter(Boolean).join(', ')}${t.phone ? `, ${t.phone}` : ''}`
        : null,
    ].filter(Boolean);
    return [
      {
        bioguide: m.id.bioguide,
        kind: 'lawmaker' as const,
        name: m.name.official_full ?? `${m.name.first} ${m.name.last}`,
        title: senator ? 'Senator' : 'Representative',
        organisation: senator ? 'United States Senate' : 'United States House of Representatives',
        department: `${senator ? 'Senator' : 'Representative'} for ${seat}`,
        ...address,
        phone: (local?.phone ?? t.phone) || null,
        fax: (local?.fax ?? t.fax) || null,
        notes: notes.join('\n'),
      },
    ];
  });
}
