// Treatments the patient has had: each mention of a drug, therapy or procedure in a history, with
// the dose, dates and outcome written after it. Not a trial: a treatment requested, planned or
// considered; one said not to have been tried; the drug an augmenting agent was "added to"
// (that is one trial of the added drug); the service a denial or claim line is about; a name
// inside an organization's name ("Northshore TMS Center").
import type { Proposal } from '../../contract/facts';
import { findDates } from './dates';
import { isNegated } from './negation';
import { GENERIC_THERAPY, treatmentNames } from './treatment-names';
import type { TreatmentName } from './treatment-names';
import { linesOf, sentencesOf } from './text';
import type { Span } from './text';

export interface TreatmentContext {
  /** Treatments the document asks for: mentioned without a sign they were taken, not trials. */
  requested: Set<string>;
  /** Passages that name the service under request or on a claim line (codes, request fields). */
  servicePassages: [start: number, end: number][];
}

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const DOSE =
  /\b(\d+(?:\.\d+)?)\s*(mg|mcg|µg|g|ml|mL)\b(?:\s*(?:\/\s*day|daily|per day|once daily|twice daily|bid|tid|qd|qhs|at bedtime|at night|nightly|in the morning|weekly))?/i;
const OUTCOME_WORDS =
  /respon|tolerat|side effect|fail|improv|relapse|discontinu|stopped|ineffective|nausea|akathisia|weight|sedat|tremor|worse|benefit|remission|no change|relief|rash|insomnia|dizz|hypertension|sweat/i;

/** Signs the treatment was taken, not only asked for. */
const TAKEN =
  /\b(?:tried|took|taken|taking|received|underwent|undergone|completed|attended|failed|started|stopped|discontinued|responded|treated with|was on|has been on|went to|had \d+|sessions? of)\b/i;

/** Words that make what follows them a plan or a request. */
const PLANNED =
  /\b(?:request(?:s|ed|ing)?|refer(?:s|red|ral)?\b|plan(?:s|ned)?\s+(?:to|for)|propos\w*|recommend\w*|authori[sz]\w*|candidate for|consider\w*|discuss\w*|approv\w*|coverage (?:of|for)|to cover|to (?:start|begin|try|receive|add)|will (?:start|begin|be given|be|receive|try|add)|would (?:benefit|start|like)|asked (?:about|for|us)|interested in|pending|schedul\w*|ordered|alternative to|in place of|instead of)\b/i;
const PLANNED_AFTER =
  /^[^.;]{0,40}?\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?(?:requested|recommended|planned|proposed|ordered|considered|approved|denied)\b/i;
/** An order in a plan: "Add mirtazapine 15 mg qhs to sertraline", "Discuss esketamine". */
const IMPERATIVE =
  /^\s*(?:[A-Z]\s*:\s*)?(?:add|start|begin|initiate|trial of|switch to|titrate|increase|decrease|consider|discuss|refer|recommend|obtain|request)\b/i;
const PLAN_LINE =
  /^\s*(?:P|Plan|Recommendations?|Follow[- ]?up|Next steps?|Requested(?: treatment| service)?)\s*:/i;

/** The drug an augmenting agent is added to: "added Abilify 2 mg to her Prozac". */
const ADDED_TO =
  /\badd(?:ed|ing|s)?\b[^.;]*\bto\s+(?:the|her|his|their|a|an|ongoing|current)?\s*$/i;
const ORGANISATION =
  /^\s+(?:Clinic|Center|Centre|Institute|Program|Services|Associates|Group|Partners|Solutions|Network|Practice|Therapy Center)\b/;

interface Mention {
  treatment: TreatmentName;
  index: number;
  length: number;
  role: 'trial' | 'boundary' | 'ignored';
  /** The drug an augmenting agent was added to. */
  base?: boolean;
}

function mentionsIn(sentence: Span): Mention[] {
  const { pattern, lookup } = treatmentNames();
  const mentions: Mention[] = [];
  for (const m of sentence.text.matchAll(pattern)) {
    const treatment = lookup(m);
    const before = sentence.text.slice(0, m.index);
    const after = sentence.text.slice(m.index + m[0].length);
    const capitalised = /^[A-Z]/.test(m[0]);
    let role: Mention['role'] = 'trial';
    // "Northshore TMS Center", "Cascade Ketamine Clinic": a place, not a treatment.
    if (
      capitalised &&
      (ORGANISATION.test(after) ||
        (/ [A-Z][a-z]+ [A-Z][a-z]+ $/.test(before) && /^\s+[A-Z]/.test(after)))
    )
      role = 'ignored';
    const base = role === 'trial' && ADDED_TO.test(before);
    if (base) role = 'ignored';
    else if (mentions.some((x) => x.treatment.name === treatment.name)) role = 'ignored';
    mentions.push({ treatment, index: m.index, length: m[0].length, role, base });
  }
  return mentions;
}

/** A heading ("Psychotherapy", "TMS Treatment Summary"): names a topic, not a trial. */
const isHeading = (sentence: string) =>
  sentence.trim().split(/\s+/).length <= 5 && !/[\d.,;:()\t]/.test(sentence.trim());

/** Someone else's treatment: "her mother responded to sertraline", "Family history: lithium". */
const SOMEONE_ELSE =
  /\b(?:mother|father|sister|brother|sibling|son|daughter|husband|wife|partner|aunt|uncle|cousin|grandmother|grandfather|family history|friend)\b[^.;]*$/i;

function isPlanned(sentence: string, at: number, end: number, planLine: boolean): boolean {
  const before = sentence.slice(0, at);
  const cue = PLANNED.exec(before);
  if (cue && !TAKEN.test(before.slice(cue.index))) return true;
  if (PLANNED_AFTER.test(sentence.slice(end))) return true;
  return (planLine || IMPERATIVE.test(sentence)) && !TAKEN.test(before);
}

/** Dates of birth are never a treatment's dates. */
function maskBirthDates(text: string): string {
  return text.replace(
    /\b(?:DOB|D\.O\.B\.?|date of birth|born(?: on)?)\s*:?\s*[^,;)|·\t\n]{4,30}/gi,
    (m) => ' '.repeat(m.length),
  );
}

function trialValues(treatment: TreatmentName, segment: string): Proposal['values'] {
  // Formulation and notes that follow a name ("Bupropion XL", "(augmentation)") are not outcomes.
  const rest = maskBirthDates(
    segment
      .replace(/^\s*(?:XL|XR|ER|SR|CR|ODT|LA)\b/, (m) => ' '.repeat(m.length))
      // "10/2022-05/2023", "March–May 2024": ranges written with a dash.
      .replace(/(\d)\s*[-–—]\s*(?=\d{1,2}\/\d{2,4})/g, '$1 to ')
      .replace(
        new RegExp(`\\b(${MONTH})\\s*[-–—]\\s*(${MONTH})\\s+(\\d{4})\\b`, 'gi'),
        '$1 $3 to $2 $3',
      ),
  );
  // A time of day ("50 mg at night") is no date, and chrono would join it to the one after.
  const dates = findDates(
    rest.replace(
      /\b(?:at |in the |every |each )?(?:night|nightly|bedtime|morning|evening|noon|afternoon)\b/gi,
      (m) => ' '.repeat(m.length),
    ),
  );
  let startedOn = dates[0]?.date ?? null;
  let endedOn = dates[1]?.date ?? null;
  // One date after "stopped" or "until" is when it ended.
  if (
    dates.length === 1 &&
    /\b(?:stopped|discontinued|ended|until|through|tapered off)\b[^.]*$/i.test(
      rest.slice(0, dates[0]!.index),
    )
  ) {
    endedOn = startedOn;
    startedOn = null;
  }
  if (treatment.kind !== 'medication')
    return { kind: treatment.kind, name: treatment.name, startedOn, endedOn };
  const dose = DOSE.exec(rest)?.[0] ?? null;
  const notes = rest.replace(/^\s*\([^)]*\)/, (m) =>
    findDates(m).length ? m : ' '.repeat(m.length),
  );
  let outcome = notes;
  for (const piece of [dose, ...dates.map((d) => d.text)])
    if (piece) outcome = outcome.replace(piece, ' ');
  outcome = outcome
    .replace(/\s*\t\s*/g, ' ')
    .replace(/^[\s(),;:–-]+|[\s(),;:–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
  // In a table row the outcome is a cell of its own; in prose, the clauses that read like one.
  const cells = notes.split('\t').map((c) => c.trim());
  const lastCell = cells.length > 2 ? cells.at(-1) : undefined;
  const kept =
    lastCell && OUTCOME_WORDS.test(lastCell)
      ? lastCell
      : outcome
          .split(/\s*[;,]\s*|\s-\s|\s+(?:and|but|then)\s+|\s+(?=with(?:out)?\s)/)
          .map(tidyClause)
          .filter((p) => OUTCOME_WORDS.test(p))
          .join('; ');
  return {
    kind: 'medication',
    name: treatment.name,
    drugClass: treatment.drugClass,
    dose,
    startedOn,
    endedOn,
    outcome: kept || null,
  };
}

/** A clause of prose as an outcome: without the words its dates and dose left behind. */
function tidyClause(clause: string): string {
  let c = clause.trim().replace(/[.\s]+$/, '');
  if (!c.includes('(')) c = c.replace(/[)\]\s]+$/, '');
  // "stopped in for tremor": the date that stood after "in" was taken out.
  for (let i = 0; i < 3; i++)
    c = c.replace(
      /\b(?:from|to|in|on|since|until|between|through)\s+(?=(?:from|to|in|on|for|with|without|because|and)\b|$)/gi,
      '',
    );
  return c
    .replace(/^(?:from|to|in|on|since|until|which|that|who|he|she|they|it)\s+/i, '')
    .replace(/^(?:was|were|is|has been|had been)\s+(?:then\s+)?/i, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * "X was added to the Y in October 2023, and both were stopped in March 2024": the end date
 * also closes the trial of Y, told earlier.
 */
function endBoth(sentence: string, mentions: Mention[], found: Proposal[]) {
  const base = mentions.find((m) => m.base);
  if (!base) return;
  const both = /\bboth\b[^.;]*?\b(?:stopped|discontinued|ended|tapered off)\b([^.;]*)/i.exec(
    sentence.slice(base.index),
  );
  const ended = both ? findDates(both[1]!)[0]?.date : undefined;
  const trial = found.findLast((p) => p.values.name === base.treatment.name);
  if (ended && trial && !trial.values.endedOn) trial.values.endedOn = ended;
}

/** One proposal per treatment unless the document dates separate trials of it. */
function merged(found: Proposal[]): Proposal[] {
  const dated = (p: Proposal) => Boolean(p.values.startedOn || p.values.endedOn || p.values.dose);
  const specificTherapy = found.some(
    (p) =>
      p.values.kind === 'therapy' &&
      p.values.name !== GENERIC_THERAPY &&
      p.values.name !== 'Physical therapy',
  );
  return found.filter((p, i) => {
    if (specificTherapy && p.values.name === GENERIC_THERAPY) return false;
    const same = found.filter((q) => q.values.name === p.values.name);
    if (dated(p)) return true;
    if (same.some(dated)) return false;
    return same.find((q) => !dated(q)) === found[i];
  });
}

export function treatments(text: string, out: Proposal[], context: TreatmentContext) {
  const found: Proposal[] = [];
  const inService = (at: number) => context.servicePassages.some(([s, e]) => at >= s && at < e);
  for (const line of linesOf(text)) {
    const planLine = PLAN_LINE.test(line.text);
    for (const sentence of sentencesOf(line)) {
      if (isHeading(sentence.text)) continue;
      const mentions = mentionsIn(sentence);
      const taken = TAKEN.test(sentence.text);
      const codes = context.servicePassages.some(
        ([s, e]) => s < sentence.start + sentence.text.length && e > sentence.start,
      );
      for (const m of mentions) {
        if (m.role === 'ignored') continue;
        const end = m.index + m.length;
        const service = (context.requested.has(m.treatment.name) || codes) && !taken;
        if (
          isNegated(sentence.text, m.index) ||
          SOMEONE_ELSE.test(sentence.text.slice(0, m.index)) ||
          isPlanned(sentence.text, m.index, end, planLine) ||
          inService(sentence.start + m.index) ||
          service
        ) {
          m.role = 'boundary';
        }
      }
      mentions.forEach((m, i) => {
        if (m.role !== 'trial') return;
        const from = m.index + m.length;
        const next = mentions.slice(i + 1).find((x) => x.role !== 'ignored');
        const to = next?.index ?? sentence.text.length;
        found.push({
          kind: 'treatment',
          values: trialValues(m.treatment, sentence.text.slice(from, to)),
          start: sentence.start + m.index,
          end: sentence.start + to,
        });
      });
      endBoth(sentence.text, mentions, found);
    }
  }
  out.push(...merged(found));
}
