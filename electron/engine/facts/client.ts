// The client's name and date of birth, wherever the document gives them: a labelled field (a
// form line, a table cell, a "Re:" line), a name with its date of birth beside it, a title
// ("Ms. Ingrid Solberg"), "my patient Daniel Ferreira", a letter's address block, or the first
// sentence of a note about them ("Theo Blackwood called", "is a 56-year-old").
import type { Proposal } from '../../contract/facts';
import { findDates } from './dates';
import { fieldsOfKind } from './fields';
import { kindsOf } from './labels';
import { PERSON_NAME, isPersonName, withoutTitles } from './person-names';
import { linesOf } from './text';

interface Found {
  name: string;
  start: number;
}

/** The name a field's value starts with: "Samuel J. Whitcombe (DOB ...)" → "Samuel J. Whitcombe". */
function leadingName(value: string): string | null {
  const head = withoutTitles(
    value.split(/\s*[(,|·;\t]|\s+(?:DOB|D\.O\.B|born|date of birth)\b/i)[0]!,
  );
  return isPersonName(head) ? head : null;
}

function labelled(text: string): Found | null {
  for (const f of fieldsOfKind(text, 'name')) {
    const name = leadingName(f.value);
    if (name) return { name, start: f.start };
  }
  return null;
}

const TITLE = String.raw`(?:Mr|Mrs|Ms|Mx|Miss)\.?\s+`;
const STREET =
  /^\s*(?:\d+\s+\S.*\b(?:Street|St|Road|Rd|Avenue|Ave|Court|Ct|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Place|Pl|Circle|Terrace|Parkway|Pkwy|Highway|Hwy)\b|P\.?\s?O\.? Box\b)/i;

function inProse(text: string): Found | null {
  const cues = [
    // A name with its date of birth: "Priya Natarajan (date of birth June 3, 2001)".
    new RegExp(`(${PERSON_NAME})\\s*[(,|·]?\\s*(?:DOB|D\\.O\\.B\\.?|date of birth|born)\\b`, 'gu'),
    new RegExp(`(?<!Dr\\.?\\s)${TITLE}(${PERSON_NAME})`, 'gu'),
    new RegExp(`\\b(?:[Pp]atient|[Cc]lient|[Mm]ember),?\\s+(?:${TITLE})?(${PERSON_NAME})`, 'gu'),
    new RegExp(
      `(?:^|[.!?]\\s+)(${PERSON_NAME})\\s+(?:called|phoned|came in|visited|presented|reports|is an? \\d{1,3}[- ]year[- ]old)\\b`,
      'gmu',
    ),
    // A letter in the client's own words: "My name is Rosa Delgado-Marsh".
    new RegExp(`\\b(?:[Mm]y name is|I am|I'm)\\s+(${PERSON_NAME})`, 'gu'),
  ];
  for (const cue of cues) {
    for (const m of text.matchAll(cue)) {
      const name = withoutTitles(m[1]!);
      if (isPersonName(name)) return { name, start: m.index! + m[0].indexOf(m[1]!) };
    }
  }
  return null;
}

/** A letter's address block: a line that is only a name, above a street or a member number. */
function addressBlock(text: string): Found | null {
  const lines = linesOf(text);
  for (let i = 0; i + 1 < lines.length; i++) {
    const name = withoutTitles(lines[i]!.text.trim());
    if (!isPersonName(name)) continue;
    const next = lines[i + 1]!.text;
    const label = /^\s*([^:\t]{2,30})[:\t]/.exec(next)?.[1] ?? '';
    const identifies = kindsOf(label).some((k) => k === 'memberId' || k === 'claimNumber');
    if (STREET.test(next) || identifies)
      return { name, start: lines[i]!.start + lines[i]!.text.indexOf(name) };
  }
  return null;
}

/** "Dear Ms. Achebe": the full name the document gives that surname elsewhere. */
function bySurname(text: string): Found | null {
  const surnames = new Set(
    [...text.matchAll(new RegExp(`(?<!Dr\\.?\\s)${TITLE}(\\p{Lu}[\\p{L}'’-]+)`, 'gu'))].map(
      (m) => m[1]!,
    ),
  );
  if (!surnames.size) return null;
  for (const full of text.matchAll(new RegExp(PERSON_NAME, 'gu'))) {
    const name = withoutTitles(full[0]);
    if (surnames.has(name.split(/\s+/).at(-1)!) && isPersonName(name))
      return { name, start: full.index! };
  }
  return null;
}

export function client(text: string, out: Proposal[]) {
  const name = labelled(text) ?? inProse(text) ?? addressBlock(text) ?? bySurname(text);
  if (name)
    out.push({
      kind: 'client',
      values: { name: name.name },
      start: name.start,
      end: name.start + name.name.length,
    });
  const dob =
    fieldsOfKind(text, 'dateOfBirth')
      .map((f) => ({ date: findDates(f.value)[0], start: f.start, end: f.end }))
      .find((d) => d.date?.precise) ??
    [
      ...text.matchAll(
        /\b(?:date of birth|DOB|D\.O\.B\.?|birth ?date|born(?: on)?)\s*:?\s*([^\n]{6,30})/gi,
      ),
    ]
      .map((m) => ({ date: findDates(m[1]!)[0], start: m.index!, end: m.index! + m[0].length }))
      .find((d) => d.date?.precise);
  if (dob?.date)
    out.push({
      kind: 'client',
      values: { dateOfBirth: dob.date.date },
      start: dob.start,
      end: dob.end,
    });
}
