// The template language: Liquid, locked down. Templates are data people edit, so they read only
// the letter's own values (own properties, no files, no partials), within time and size limits,
// and everything they print is escaped so a client's data can never become formatting.
import { Liquid } from 'liquidjs';
import type { Template } from 'liquidjs';
import { AppError } from '../../contract/errors';
import { isolateDirection } from './bidi';
import { Blank, Missing, gapMarker, literal } from './gaps';

/** Text kept as paragraphs (the `paragraphs` filter): blank lines survive, other breaks don't. */
class Paragraphs {
  constructor(readonly text: string) {}
}

const escapeInline = (text: string) => literal(isolateDirection(text.replace(/\s+/g, ' ')));

/** A field the letter's data does not have at all (a misspelt name, or an empty list joined). */
const UNKNOWN = { field: '', label: 'value' };

/** What `{{ value }}` prints: literal text, a gap marker, or kept paragraphs. */
function printed(value: unknown): string {
  if (value instanceof Missing) return gapMarker(value);
  if (value instanceof Blank) return '';
  if (value instanceof Paragraphs) {
    return value.text
      .split(/\n\s*\n/)
      .map((p) => escapeInline(p).trim())
      .filter(Boolean)
      .join('\n\n');
  }
  if (value === null || value === undefined || value === '') return gapMarker(UNKNOWN);
  if (Array.isArray(value)) return value.map(printed).join(', ');
  if (typeof value === 'object') return gapMarker(UNKNOWN);
  return escapeInline(String(value));
}

/**
 * The one Liquid engine, made on first use: making it reads the system's date locale, which
 * costs a command that writes no letter (an import, a search) a noticeable part of its start.
 */
let engine: Liquid | null = null;
function liquid(): Liquid {
  if (engine) return engine;
  engine = new Liquid({
    ownPropertyOnly: true,
    strictFilters: true,
    // In-memory, empty: {% include %} and {% render %} can never read a file.
    templates: {},
    relativeReference: false,
    outputEscape: printed,
    // A template is text a person wrote; these stop a runaway loop from hanging the app.
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 50_000_000,
  });
  engine.registerFilter('paragraphs', (value: unknown) =>
    typeof value === 'string' ? new Paragraphs(value) : value,
  );
  return engine;
}

// Parsed templates by text: a batch of letters, or a preview redrawn as the advocate types,
// parses each template once. Oldest entries go first.
const parsed = new Map<string, Template[]>();
const PARSED_KEPT = 200;

function parse(text: string, part: string): Template[] {
  let templates = parsed.get(text);
  if (!templates) {
    try {
      templates = liquid().parse(text);
    } catch (error) {
      throw templateError(error, part);
    }
    if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, templates);
  }
  return templates;
}

/** Renders one piece of a template, naming the part in any error. */
export function renderText(text: string, data: object, part: string): string {
  const templates = parse(text, part);
  try {
    return liquid().renderSync(templates, data) as string;
  } catch (error) {
    throw templateError(error, part);
  }
}

/** Checks that a piece of template text parses; throws what is wrong and where. */
export function checkText(text: string, part: string): void {
  parse(text, part);
}

const fieldsByText = new Map<string, string[][]>();

/** The template fields a piece of text reads, e.g. ["plan", "memberId"]. */
export function fieldsRead(text: string): string[][] {
  let fields = fieldsByText.get(text);
  if (!fields) {
    fields = liquid()
      .globalVariableSegmentsSync(parse(text, 'text'))
      .map((segments) => segments.filter((s): s is string | number => typeof s !== 'object'))
      .map((segments) => segments.map(String));
    if (fieldsByText.size >= PARSED_KEPT) {
      fieldsByText.delete(fieldsByText.keys().next().value as string);
    }
    fieldsByText.set(text, fields);
  }
  return fields;
}

function templateError(error: unknown, part: string): AppError {
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  // Liquid parses and renders tags inside tags by recursion: thousands deep run out of stack.
  if (/Maximum call stack size exceeded/.test(message ?? '')) {
    return new AppError(
      'invalid-input',
      `The template's ${part} is too deeply nested ({% %} tags inside one another, thousands deep); no letter needs more than a few levels.`,
      'source',
    );
  }
  return new AppError(
    'invalid-input',
    `The template's ${part} has a problem: ${inWords(message ?? '')}`,
    'source',
  );
}

/** The tags templates use, for "did you mean". */
const TAGS = [
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'for',
  'endfor',
  'assign',
  'capture',
  'endcapture',
  'case',
  'when',
  'endcase',
  'comment',
  'endcomment',
  'raw',
  'endraw',
];

/** What opens each closing tag. */
const OPENS: Record<string, string> = {
  endif: 'if',
  endunless: 'unless',
  endfor: 'for',
  endcapture: 'capture',
  endcase: 'case',
  endcomment: 'comment',
  endraw: 'raw',
};

/** Liquid's parser messages, in words an author can act on (the line kept). */
export function inWords(message: string): string {
  const where = /line:(\d+)/.exec(message);
  const line = where ? ` on line ${where[1]}` : '';
  let m = /^tag "(\w+)" not found/.exec(message);
  if (m) {
    const tag = m[1]!;
    if (OPENS[tag])
      return `{% ${tag} %}${line} closes nothing: there is no {% ${OPENS[tag]} %} open before it.`;
    const near = TAGS.filter((t) => !OPENS[t]).find(
      (t) => t.startsWith(tag.slice(0, 2)) || tag.startsWith(t),
    );
    return `{% ${tag} %}${line} is not a tag templates know${near ? ` — did you mean {% ${near} %}?` : '.'}`;
  }
  m = /^tag \{%-?\s*(\w+)[^]*?%\} not closed/.exec(message);
  if (m) {
    const close = Object.entries(OPENS).find(([, open]) => open === m![1])?.[0];
    return `{% ${m[1]} %}${line} is never closed${close ? `: add {% ${close} %} after the text it controls` : ''}.`;
  }
  if (/^output "\{\{/.test(message)) return `A {{${line} is never closed with }}.`;
  if (/^tag "\{%/.test(message)) return `A {%${line} is never closed with %}.`;
  m = /^undefined filter: (\w+)/.exec(message);
  if (m)
    return `| ${m[1]}${line} is not a filter templates know (see the guide for the filters there are).`;
  return message;
}
