// Proposes structured facts from a document's plain text. Recognises things by their shape and
// by shipped vocabularies, not by the layout of any one form: labels ("Member ID:"), code
// patterns (ICD-10-CM, CPT, HCPCS, NPI), drug names with their classes, scores by instrument.
import { isValidNpi } from '../../contract/fields';
import { INSTRUMENT_RANGES } from '../../contract/choices';
import { findDates } from './dates';
import { foldDenial } from './denial-notice';
import type { Proposal } from '../../contract/facts';
import { vocabulary } from './vocabulary';
import type { Drug } from './vocabulary';

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const part of text.split('\n')) {
    lines.push({ text: part, start });
    start += part.length + 1;
  }
  return lines;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ID = String.raw`([A-Z0-9][A-Z0-9-]{2,}[A-Z0-9])`;
/** Between a label and its value: "Member ID #: X", "Group No. X", "Claim number - X". */
const SEP = String.raw`\s*(?:[:#-]\s*)*`;

/** "Label: value" identifiers, wherever they stand in a line. */
const IDENTIFIERS: [field: string, pattern: RegExp][] = [
  [
    'memberId',
    new RegExp(
      String.raw`\b(?:member|subscriber|insured|policy)\s*(?:id|#|no\.?|number)${SEP}${ID}`,
      'gi',
    ),
  ],
  ['groupNumber', new RegExp(String.raw`\bgroup\s*(?:id|#|no\.?|number)${SEP}${ID}`, 'gi')],
  [
    'referenceNumber',
    new RegExp(
      String.raw`\b(?:reference|ref\.?|authori[sz]ation|auth\.?|case|tracking)\s*(?:id|#|no\.?|number)${SEP}${ID}`,
      'gi',
    ),
  ],
  ['claimNumber', new RegExp(String.raw`\bclaim\s*(?:id|#|no\.?|number)${SEP}${ID}`, 'gi')],
];

const INSTRUMENTS: [name: string, pattern: string][] = [
  ['PHQ-9', 'PHQ-?9'],
  ['GAD-7', 'GAD-?7'],
  ['PCL-5', 'PCL-?5'],
  ['MADRS', 'MADRS'],
  ['HAM-D', 'HAM-?D(?:-?17)?|HDRS'],
  ['QIDS-SR', 'QIDS(?:-SR(?:16)?)?'],
  ['BDI-II', 'BDI(?:-?II)?'],
];

const DOSE =
  /\b(\d+(?:\.\d+)?)\s*(mg|mcg|µg|g|ml|mL)\b(?:\s*(?:\/\s*day|daily|per day|once daily|twice daily|bid|tid|qd|qhs|at bedtime|weekly))?/i;
const OUTCOME_WORDS =
  /respon|tolerat|side effect|fail|improv|relapse|discontinu|stopped|ineffective|nausea|akathisia|weight|sedat|tremor|worse|benefit|remission|no change/i;

function diagnoses(text: string, out: Proposal[]) {
  const { icd10 } = vocabulary();
  const code = /\b([A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})\b/g;
  for (const line of linesOf(text)) {
    for (const m of line.text.matchAll(code)) {
      const icd10Code = m[1]!.toUpperCase();
      // Describe it from the vocabulary, else from the words around it on its line.
      const around = line.text
        .replace(m[0], '')
        .replace(/[()[\]:;,-]+\s*$|^\s*[()[\]:;,-]+/g, '')
        .replace(/\(\s*\)/g, '')
        .trim();
      const description =
        icd10.get(icd10Code) ?? (around.length > 3 && around.length < 160 ? around : null);
      out.push({
        kind: 'diagnosis',
        values: { icd10Code, description },
        start: line.start,
        end: line.start + line.text.length,
      });
    }
  }
}

const THERAPIES: [name: string, pattern: RegExp][] = [
  ['CBT', /\b(?:CBT|cognitive[- ]behavio(?:u)?ral therapy)\b/i],
  ['DBT', /\b(?:DBT|dialectical behavio(?:u)?r(?:al)? therapy)\b/i],
  ['EMDR', /\bEMDR\b/i],
  ['Psychotherapy', /\bpsychotherapy\b/i],
  ['Physical therapy', /\bphysical therapy\b/i],
  ['ECT', /\b(?:ECT|electroconvulsive therapy)\b/i],
];

/** A drug the note plans or requests is not a trial that happened. */
const PLANNED = /\b(request|refer|plan(?:ned)?|propos|recommend|authori[sz]|candidate|consider)/i;

function medicationTrial(drug: Drug, segment: string): Proposal['values'] {
  // Formulation and notes that follow a name ("Bupropion XL", "(augmentation)") are not outcomes.
  const rest = segment.replace(/^\s*(?:XL|XR|ER|SR|CR|ODT|LA)\b/, '').replace(/^\s*\([^)]*\)/, '');
  const dose = DOSE.exec(rest)?.[0] ?? null;
  const dates = findDates(rest);
  let outcome = rest;
  for (const piece of [dose, ...dates.map((d) => d.text)])
    if (piece) outcome = outcome.replace(piece, ' ');
  outcome = outcome
    .replace(/\s*\t\s*/g, ' ')
    .replace(/^[\s(),;:–-]+|[\s(),;:–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
  // In a table row the outcome is a cell of its own; in prose, the clauses that read like one.
  const cells = rest.split('\t').map((c) => c.trim());
  const lastCell = cells.length > 2 ? cells.at(-1) : undefined;
  const kept =
    lastCell && OUTCOME_WORDS.test(lastCell)
      ? lastCell
      : outcome
          .split(/\s*[;,]\s*|\s-\s/)
          .filter((p) => OUTCOME_WORDS.test(p))
          .join('; ');
  return {
    kind: 'medication',
    name: drug.name.charAt(0).toUpperCase() + drug.name.slice(1),
    drugClass: drug.class,
    dose,
    startedOn: dates[0]?.date ?? null,
    endedOn: dates[1]?.date ?? null,
    outcome: kept || null,
  };
}

function treatments(text: string, out: Proposal[]) {
  const { drugs } = vocabulary();
  const names = drugs.flatMap((d) => [d.name, ...d.brands].map((n) => [n, d] as const));
  const pattern = new RegExp(`\\b(${names.map(([n]) => escape(n)).join('|')})\\b`, 'gi');
  const byName = new Map(names.map(([n, d]) => [n.toLowerCase(), d]));
  for (const line of linesOf(text)) {
    if (PLANNED.test(line.text)) continue;
    // Several drugs on one line ("Celexa 40 mg (6/2020 – 2/2021), Effexor XR ..."): each owns the
    // text up to the next one.
    const found = [...line.text.matchAll(pattern)];
    found.forEach((m, i) => {
      const from = m.index + m[0].length;
      // ...and no further than the end of its sentence.
      const sentenceEnd = /\.\s+(?=[A-Z])/.exec(line.text.slice(from));
      const to = Math.min(
        found[i + 1]?.index ?? line.text.length,
        sentenceEnd ? from + sentenceEnd.index : line.text.length,
      );
      out.push({
        kind: 'treatment',
        values: medicationTrial(byName.get(m[1]!.toLowerCase())!, line.text.slice(from, to)),
        start: line.start + m.index,
        end: line.start + to,
      });
    });
    for (const [name, therapy] of THERAPIES) {
      const t = therapy.exec(line.text);
      if (!t) continue;
      const dates = findDates(line.text);
      out.push({
        kind: 'treatment',
        values: {
          kind: 'therapy',
          name,
          startedOn: dates[0]?.date ?? null,
          endedOn: dates[1]?.date ?? null,
        },
        start: line.start,
        end: line.start + line.text.length,
      });
    }
  }
}

function assessments(text: string, out: Proposal[]) {
  for (const line of linesOf(text)) {
    for (const [instrument, pattern] of INSTRUMENTS) {
      const m = new RegExp(`\\b(?:${pattern})\\b`, 'i').exec(line.text);
      if (!m) continue;
      // The scores of this instrument run until another instrument is named.
      const tail = line.text.slice(m.index + m[0].length);
      const nextInstrument = new RegExp(
        `\\b(?:${INSTRUMENTS.map(([, p]) => p).join('|')})\\b`,
        'i',
      ).exec(tail);
      const after = nextInstrument ? tail.slice(0, nextInstrument.index) : tail;
      const dates = findDates(after);
      // Scores are the numbers after the instrument that are not part of a date.
      let masked = after;
      for (const d of dates) masked = masked.replace(d.text, ' '.repeat(d.text.length));
      const [low, high] = INSTRUMENT_RANGES[instrument] ?? [0, 100];
      for (const s of masked.matchAll(
        /(?<![\d./-])(\d{1,2})(?![\d./%-]|\s*(?:mg|weeks?|months?|days?|sessions?|years?))/g,
      )) {
        const score = Number(s[1]);
        if (score < low || score > high) continue;
        const at = s.index!;
        const next = dates.find((d) => d.index >= at) ?? dates.filter((d) => d.index < at).at(-1);
        out.push({
          kind: 'assessment',
          values: { instrument, score, assessedOn: next?.date ?? null },
          start: line.start,
          end: line.start + line.text.length,
        });
      }
    }
  }
}

function identifiers(text: string, out: Proposal[]) {
  for (const [field, pattern] of IDENTIFIERS) {
    for (const m of text.matchAll(pattern)) {
      if (!/\d/.test(m[1]!)) continue; // "Member ID: see card" is not an identifier
      out.push({
        kind: 'identifier',
        values: { field, value: m[1]! },
        start: m.index!,
        end: m.index! + m[0].length,
      });
    }
  }
  for (const m of text.matchAll(
    /^\s*(?:insurer|insurance(?: company| carrier)?|health plan|carrier|payer)\s*:\s*(.{3,80})$/gim,
  )) {
    out.push({
      kind: 'identifier',
      values: { field: 'insurerName', value: m[1]!.trim() },
      start: m.index!,
      end: m.index! + m[0].length,
    });
  }
}

function providers(text: string, out: Proposal[]) {
  for (const line of linesOf(text)) {
    for (const m of line.text.matchAll(/\bNPI\s*(?:#|number|no\.?)?\s*:?\s*(\d{10})\b/gi)) {
      if (!isValidNpi(m[1]!)) continue;
      const name =
        /(?:Dr\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'-]+),?\s+(?:MD|DO|NP|PMHNP(?:-BC)?|PA-C|PhD|APRN)\b/.exec(
          line.text,
        )?.[0] ?? null;
      out.push({
        kind: 'provider',
        values: { npi: m[1]!, name },
        start: line.start,
        end: line.start + line.text.length,
      });
    }
  }
}

function procedureCodes(text: string, out: Proposal[]) {
  for (const line of linesOf(text)) {
    if (/\bCPT\b/i.test(line.text)) {
      for (const m of line.text.matchAll(/\b(\d{5})\b/g)) {
        if (
          /^(0|1|2|3|4|5|6|7|8|9)\d{4}$/.test(m[1]!) &&
          !/\d{5}-\d{4}/.test(line.text.slice(m.index!))
        ) {
          out.push({
            kind: 'procedure-code',
            values: { system: 'CPT', code: m[1]! },
            start: line.start + m.index!,
            end: line.start + m.index! + 5,
          });
        }
      }
    }
    for (const m of line.text.matchAll(/\b([A-CEGHJ-MP-V]\d{4})\b/g)) {
      out.push({
        kind: 'procedure-code',
        values: { system: 'HCPCS', code: m[1]! },
        start: line.start + m.index!,
        end: line.start + m.index! + 5,
      });
    }
  }
}

function request(text: string, out: Proposal[]) {
  const m =
    /^[\s•*·-]*(?:requested(?: treatment| service)?|service requested|treatment requested)\s*:\s*(.{3,120})$/im.exec(
      text,
    ) ??
    /\b(?:request(?:ed|ing)?|refer(?:red)?)\b[^\n]{0,80}?\bfor\s+((?:intravenous|IV|intranasal|repetitive|transcranial|esketamine|ketamine|TMS|ECT|electroconvulsive)[^.(:\n]{2,80})/i.exec(
      text,
    );
  if (m)
    out.push({
      kind: 'request',
      values: { requestedTreatment: m[1]!.trim() },
      start: m.index,
      end: m.index + m[0].length,
    });
}

function client(text: string, out: Proposal[]) {
  const name =
    /^[\s•*·-]*(?:patient(?: name)?|client(?: name)?|member(?: name)?|name)\s*:\s*([A-Z][A-Za-z'.-]+(?:\s+[A-Z][A-Za-z'.-]*){1,3})\s*$/im.exec(
      text,
    );
  if (name)
    out.push({
      kind: 'client',
      values: { name: name[1]!.trim() },
      start: name.index,
      end: name.index + name[0].length,
    });
  const dob = /\b(?:date of birth|DOB|D\.O\.B\.?|birth date)\s*:?\s*([^\n]{6,30})/i.exec(text);
  const date = dob ? findDates(dob[1]!)[0] : undefined;
  if (dob && date?.precise) {
    out.push({
      kind: 'client',
      values: { dateOfBirth: date.date },
      start: dob.index,
      end: dob.index + dob[0].length,
    });
  }
}

function denial(text: string, out: Proposal[]) {
  if (!/\b(denied|denial|adverse (?:benefit )?determination|not (?:been )?approved)\b/i.test(text))
    return;
  const letterDate = findDates(text.slice(0, 600)).find((d) => d.precise);
  if (letterDate)
    out.push({
      kind: 'denial',
      values: { deniedOn: letterDate.date },
      start: letterDate.index,
      end: letterDate.index + letterDate.text.length,
    });
  const reason =
    /^\s*(?:reason(?: for (?:the )?denial)?|basis for (?:the )?decision|rationale)\s*:\s*(.+)$/im.exec(
      text,
    ) ??
    /[^.\n]*\b(?:not medically necessary|experimental|investigational|does not meet|criteria (?:were|are) not met)\b[^.\n]*\./i.exec(
      text,
    );
  if (reason)
    out.push({
      kind: 'denial',
      values: { reason: (reason[1] ?? reason[0]).trim() },
      start: reason.index,
      end: reason.index + reason[0].length,
    });
  const window =
    /[^.\n]*\bappeal\b[^.\n]*?\bwithin\s+(\d{1,3})\s+(calendar\s+|business\s+)?days\b[^.\n]*\.?/i.exec(
      text,
    );
  if (window)
    out.push({
      kind: 'denial',
      values: { appealWithinDays: Number(window[1]) },
      start: window.index,
      end: window.index + window[0].length,
    });
  const byDate =
    /\bappeal\b[^.\n]*?\b(?:by|no later than|before)\s+([A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})/i.exec(
      text,
    );
  const due = byDate ? findDates(byDate[1]!)[0] : undefined;
  if (byDate && due)
    out.push({
      kind: 'denial',
      values: { appealDeadline: due.date },
      start: byDate.index,
      end: byDate.index + byDate[0].length,
    });
}

/** Every fact the text suggests, in order of where it appears; duplicates removed. */
export function proposeFacts(text: string): Proposal[] {
  const out: Proposal[] = [];
  for (const find of [
    client,
    request,
    diagnoses,
    treatments,
    assessments,
    identifiers,
    providers,
    procedureCodes,
    denial,
  ])
    find(text, out);
  foldDenial(text, out);
  const seen = new Set<string>();
  return out
    .filter((p) => {
      const key = `${p.kind}:${JSON.stringify(p.values)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}
