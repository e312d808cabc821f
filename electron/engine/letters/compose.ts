// Composes a letter: renders the template's parts against the case, reads the body's Markdown
// into blocks, and frames them with letterhead, date, recipient, RE lines and signature.
import type { ChecklistItem, LetterKind, LetterModel, Run } from '../../contract/letter';
import { letterContext, postalLines } from './context';
import type { LetterInput } from './context';
import { isolateDirection } from './bidi';
import { Missing, gapText, gapsIn, stripMarkers } from './gaps';
import { fieldsRead, renderText } from './liquid';
import { markdownBlocks, markdownLine } from './markdown';
import { checkTemplateShape } from './template-source';
import type { ParsedTemplate } from './template-source';
import { LETTER_FIELDS, checklistItem } from './where-to-fill';
import { chooseAuthorization } from './authorization-context';
import { missingAuthorization } from './needed-authorization';

/**
 * Lists a strong letter cannot do without, so an empty one is on the checklist when the template
 * reads it. (Therapies and procedures are often rightly absent.)
 */
const LISTS = ['diagnoses', 'treatments', 'medications', 'assessments', 'scores'] as const;

const plain = (text: string): Run[] => (text ? [{ text: isolateDirection(text) }] : []);
const gapLine = (label: string): Run[] => [{ text: gapText(label), gap: true }];

function signature(input: LetterInput, signer: 'advocate' | 'provider'): Run[][] {
  const c = input.detail.case;
  if (signer === 'provider') {
    const lines = [
      c.providerName,
      c.providerPractice,
      c.providerNpi ? `NPI ${c.providerNpi}` : null,
      c.providerPhone ? `Phone ${c.providerPhone}` : null,
    ];
    if (!c.providerName) return [gapLine('treating provider')];
    return lines.filter((l): l is string => !!l).map(plain);
  }
  const p = input.profile;
  const block = p.signatureBlock?.split(/\r?\n/).filter((l) => l.trim()) ?? [];
  const lines = block.length ? block : [p.name, p.organisation].filter((l): l is string => !!l);
  if (!lines.length) return [gapLine('your name')];
  return lines.map(plain);
}

function letterhead(input: LetterInput, signer: 'advocate' | 'provider') {
  const c = input.detail.case;
  if (signer === 'provider') {
    const name = c.providerPractice ?? c.providerName ?? '';
    const contact = [
      c.providerPhone && `Phone ${c.providerPhone}`,
      c.providerFax && `Fax ${c.providerFax}`,
    ];
    return { name, lines: [contact.filter(Boolean).join('  ·  ')].filter(Boolean) };
  }
  if (input.letterheadName) {
    return { name: '', lines: [`On your own letterhead (${input.letterheadName})`] };
  }
  const p = input.profile;
  const street = postalLines(p).join(', ');
  const contact = [p.phone, p.email].filter(Boolean).join('  ·  ');
  return {
    name: p.organisation ?? p.name ?? '',
    lines: [p.organisation && p.name ? p.name : '', street, contact].filter(Boolean),
  };
}

/** How the letter travels, above the address: what proves it was sent and when. */
function deliveryLine(r: NonNullable<LetterInput['recipient']>): string | null {
  if (r.fax) return `Sent by fax to ${r.fax}`;
  // An insurer or agency gets appeals and complaints by a mail that proves the day it arrived.
  if ((r.kind === 'insurer' || r.kind === 'agency') && postalLines(r).length)
    return 'Sent by certified mail, return receipt requested';
  return null;
}

function recipientLines(input: LetterInput): Run[][] {
  const r = input.recipient;
  if (!r) return [gapLine('a recipient')];
  const lines = [r.name, r.title, r.department, r.organisation, ...postalLines(r)]
    .filter((l): l is string => !!l)
    .map(plain);
  const delivery = deliveryLine(r);
  return delivery ? [[{ text: delivery, bold: true }], [], ...lines] : lines;
}

export interface Composed {
  model: LetterModel;
  checklist: ChecklistItem[];
}

/** Templates whose text was measured as written: parsed templates are kept and reused. */
const shapeChecked = new WeakSet<ParsedTemplate>();

/** The letter a template makes from a case, and what it lacks. */
export function composeLetter(
  template: ParsedTemplate,
  input: LetterInput,
  kind: LetterKind = template.meta.kind,
): Composed {
  const { meta, body } = template;
  // The template's own questions: the case's answer, or a gap named by the question.
  const answers = Object.fromEntries(
    meta.questions.map((q) => {
      const answer = stripMarkers(input.answers?.[q.key] ?? '').trim();
      return [q.key, answer ? answer : new Missing(`answers.${q.key}`, q.ask)];
    }),
  );
  const authorization = chooseAuthorization(input.authorizations, kind, input.authorizationId);
  const data = { ...letterContext({ ...input, authorization }), answers };
  const form = meta.layout === 'form';
  const renderLines = (lines: string[], part: string) =>
    lines.map((line, i) => renderText(line, data, `${part} line ${i + 1}`));

  // Measured as written (once per parsed template) and as filled in (a loop can make either too
  // much for the parser).
  if (!shapeChecked.has(template)) {
    checkTemplateShape(meta.name, { ...meta, body });
    shapeChecked.add(template);
  }
  const renderedBody = renderText(body, data, 'letter text');
  const re = renderLines(meta.re, 're');
  const enclosures = renderLines(meta.enclosures, 'enclosures');
  const cc = renderLines(meta.cc, 'cc');
  checkTemplateShape(meta.name, { body: renderedBody, re, enclosures, cc }, 'filled in');

  const model: LetterModel = {
    title: meta.name,
    kind,
    letterhead: letterhead(input, meta.signer),
    date: data.today,
    recipient: form ? [] : recipientLines(input),
    re: re.map(markdownLine).filter((l) => l.length),
    body: markdownBlocks(renderedBody),
    closing: form ? '' : 'Sincerely,',
    signature: form ? [] : signature(input, meta.signer),
    enclosures: enclosures.map(markdownLine).filter((l) => l.length),
    cc: cc.map(markdownLine).filter((l) => l.length),
    gaps: 0,
    ...(form ? { form } : {}),
  };
  model.gaps = countGaps(model);

  const ids = { caseId: input.detail.case.id, clientId: input.detail.client.id };
  const items: ChecklistItem[] = [];
  if (!input.recipient && !form) items.push(checklistItem('recipient', 'a recipient', ids));
  const appointment = missingAuthorization(input, kind, meta.signer);
  if (appointment) items.push(checklistItem('authorization', appointment, ids));
  const read = new Set(
    [body, ...meta.re, ...meta.enclosures, ...meta.cc].flatMap((t) =>
      fieldsRead(t).map((s) => s[0]),
    ),
  );
  // In the order the letter reads: who signs, the RE block, the body, then the lists it lacks.
  if (meta.signer === 'provider' && !input.detail.case.providerName) {
    items.push(checklistItem('provider.name', 'treating provider', ids));
  }
  const openCriteria = new Map(data.criteria.open.map((c) => [`criteria.${c.key}`, c]));
  for (const gap of gapsIn([...re, renderedBody, ...enclosures, ...cc].join('\n'))) {
    // A payer criterion the record does not meet: named with what to gather.
    const criterion = openCriteria.get(gap.field);
    if (criterion) {
      const gather = typeof criterion.gather === 'string' ? ` — ${criterion.gather}` : '';
      items.push(
        checklistItem(
          gap.field,
          `criterion ${criterion.statusLabel.toLowerCase()}: “${criterion.text}”${gather}`,
          ids,
        ),
      );
      continue;
    }
    // With no denial on record, one entry says so instead of one per detail of it.
    const noDenial = gap.field === 'denial' && !data.hasDenial;
    if (gap.field)
      items.push(checklistItem(gap.field, noDenial ? LETTER_FIELDS.denial!.label : gap.label, ids));
  }
  for (const list of LISTS) {
    if (read.has(list) && data[list].length === 0) {
      items.push(checklistItem(list, LETTER_FIELDS[list]?.label ?? list, ids));
    }
  }
  const seen = new Set<string>();
  const checklist = items.filter((i) => !seen.has(i.label) && seen.add(i.label));
  return { model, checklist };
}

function countGaps(model: LetterModel): number {
  const lines: Run[][] = [
    ...model.recipient,
    ...model.re,
    ...model.signature,
    ...model.enclosures,
    ...model.cc,
  ];
  for (const block of model.body) {
    if (block.type === 'list') lines.push(...block.items);
    else if (block.type === 'table') lines.push(...block.header, ...block.rows.flat());
    else lines.push(block.runs);
  }
  return lines.flat().filter((r) => r.gap).length;
}
