// The names a template may read, and the check that refuses one no case has ({{ client.nme }}),
// naming the nearest known name. The names come from the letter context itself (built once from
// a sample case), so they can never drift from what letters are given.
import { AppError } from '../../contract/errors';
import type { Placeholder } from '../../contract/letter';
import type { LetterInput } from './context';
import { letterContext } from './context';
import { Blank, Missing } from './gaps';
import { fieldsRead } from './liquid';
import type { ParsedTemplate } from './template-source';
import { LETTER_FIELDS } from './where-to-fill';

/** What a name leads to: a value to print, a list (and what each item holds), or more names. */
type Shape = 'value' | { list: Shape } | { fields: Record<string, Shape> };

/** A case with one of everything, so every list's items show their fields. */
const SAMPLE = {
  detail: {
    case: { id: 1, requestedTreatment: 'IV ketamine', planType: 'fully-insured' },
    client: { id: 1, firstName: 'A', lastName: 'B' },
    diagnoses: [{ icd10Code: 'F33.2', description: 'MDD', diagnosedOn: '2024-01-01' }],
    treatments: [
      { kind: 'medication', name: 'Sertraline', startedOn: '2024-01-01', endedOn: '2024-03-01' },
    ],
    assessments: [{ instrument: 'PHQ-9', score: 20, assessedOn: '2024-01-01' }],
    accessAttempts: [
      { providerTried: 'P', attemptedOn: '2024-01-01', channel: 'phone', result: 'other' },
    ],
    networkRequests: [],
    peerCalls: [{ occurredOn: '2024-01-01', askedFor: 'A', outcome: 'pending', reviewerName: 'R' }],
    enrolments: [{ kind: 'other', program: 'P', status: 'enrolled', amount: 1 }],
    benefitsChecks: [],
    documents: [],
  },
  denials: [{ deniedOn: '2024-01-01', reason: 'Experimental.', level: 'initial' }],
  profile: {},
  recipient: null,
  today: '2024-06-01',
  citations: [{ id: 1, authors: 'A B', title: 'T', finding: 'F', treatment: 'tms' }],
} as unknown as LetterInput;

function shapeOf(value: unknown): Shape {
  if (value instanceof Missing || value instanceof Blank) return 'value';
  if (Array.isArray(value)) return { list: value.length ? shapeOf(value[0]) : 'value' };
  if (value && typeof value === 'object') {
    return {
      fields: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shapeOf(v)])),
    };
  }
  return 'value';
}

let known: { fields: Record<string, Shape> } | undefined;
const contextShape = () =>
  (known ??= shapeOf(letterContext(SAMPLE)) as { fields: Record<string, Shape> });

/** What Liquid itself lets a template ask of a list or a text. */
const LIST_WORDS = new Set(['size', 'first', 'last']);

/** Edit distance between two names, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return row[b.length]!;
}

function nearest(name: string, choices: string[]): string | null {
  const lower = name.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const c of choices) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestScore) [best, bestScore] = [c, d];
  }
  // Only a plausible slip, not any name at all.
  return best !== null && bestScore <= Math.max(2, Math.floor(name.length / 2)) ? best : null;
}

/** The first name in `path` no case has, with the nearest known name there; null when all known. */
export function unknownName(
  path: string[],
  answers: readonly string[] = [],
): { name: string; suggestion: string | null } | null {
  const root = contextShape();
  let shape: Shape = {
    fields: {
      ...root.fields,
      answers: { fields: Object.fromEntries(answers.map((k) => [k, 'value'])) },
    },
  };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const so = path.slice(0, i);
    if (shape === 'value') {
      if (segment === 'size') return null;
      return {
        name: [...so, segment].join('.'),
        suggestion: nearest(segment, ['size']) && [...so, 'size'].join('.'),
      };
    }
    if ('list' in shape) {
      if (LIST_WORDS.has(segment) || /^\d+$/.test(segment)) {
        shape = segment === 'size' ? 'value' : shape.list;
        continue;
      }
      const near = nearest(segment, [...LIST_WORDS]);
      return {
        name: [...so, segment].join('.'),
        suggestion: near ? [...so, near].join('.') : null,
      };
    }
    const next: Shape | undefined = Object.hasOwn(shape.fields, segment)
      ? shape.fields[segment]
      : undefined;
    if (next === undefined) {
      const near = nearest(segment, Object.keys(shape.fields));
      if (!near) return { name: [...so, segment].join('.'), suggestion: null };
      // The whole corrected name when the rest of it is right too ("clinet.name" → "client.name").
      const whole = [...so, near, ...path.slice(i + 1)];
      return {
        name: [...so, segment].join('.'),
        suggestion: (unknownName(whole, answers) === null ? whole : [...so, near]).join('.'),
      };
    }
    shape = next;
  }
  return null;
}

/** Refuses a template that reads a name no case has, naming it, its place and the nearest name. */
export function checkPlaceholders(template: ParsedTemplate): void {
  const { meta, body } = template;
  const answers = (meta.questions ?? []).map((q) => q.key);
  const parts: [string, string][] = [
    ['letter text', body],
    ...(['re', 'enclosures', 'cc'] as const).flatMap((part) =>
      meta[part].map((line, i): [string, string] => [`${part} line ${i + 1}`, line]),
    ),
  ];
  for (const [part, text] of parts) {
    let paths: string[][];
    try {
      paths = fieldsRead(text);
    } catch (error) {
      // Reading names follows {% include %} to another file, which templates never may.
      const message = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'invalid-input',
        /Failed to lookup|ENOENT/.test(message)
          ? `The template's ${part} uses {% include %} or {% render %}: templates read only the case's own values, never another file.`
          : `The template's ${part} has a problem: ${message.split('\n')[0]}`,
        'source',
      );
    }
    for (const path of paths) {
      const unknown = unknownName(path, answers);
      if (!unknown) continue;
      const hint = unknown.name.startsWith('answers.')
        ? ' A template’s own answers must be declared under questions: in its settings.'
        : '';
      throw new AppError(
        'invalid-input',
        `The template's ${part} uses {{ ${unknown.name} }}, which no case has.${unknown.suggestion ? ` Did you mean {{ ${unknown.suggestion} }}?` : ''}${hint}`,
        'source',
      );
    }
  }
}

/** Every name a template can read, in the context's own order. */
export function placeholderList(): Placeholder[] {
  const out: Placeholder[] = [];
  const walk = (shape: Shape, path: string[]) => {
    if (!path.length && shape !== 'value' && 'fields' in shape) {
      for (const [k, v] of Object.entries(shape.fields)) walk(v, [k]);
      return;
    }
    const name = path.join('.');
    const label =
      LETTER_FIELDS[name]?.label ??
      path
        .at(-1)!
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase();
    if (shape === 'value') out.push({ name, label, list: false });
    else if ('list' in shape) {
      out.push({ name, label, list: true });
      if (shape.list !== 'value' && 'fields' in shape.list) walk(shape.list, [...path, 'first']);
    } else for (const [k, v] of Object.entries(shape.fields)) walk(v, [...path, k]);
  };
  walk(contextShape(), []);
  return out;
}
