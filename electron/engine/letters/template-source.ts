// Reads a template's text: YAML front matter (name, kind, RE lines, enclosures...) and a body of
// Markdown with Liquid. Every problem is reported in words an advocate can act on.
import { parseDocument, parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CONTACT_KIND } from '../../contract/choices';
import { AppError } from '../../contract/errors';
import { LETTER_KIND } from '../../contract/letter';
import { checkText } from './liquid';
import { markdownShapeProblem } from './markdown-limits';

const lines = z
  .union([z.string(), z.array(z.string()), z.null()])
  .optional()
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));

const frontMatter = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(200),
  kind: z.enum(LETTER_KIND.values, {
    error: `must be one of ${LETTER_KIND.values.join(', ')}`,
  }),
  description: z.string().trim().max(500).optional().default(''),
  recipient: z.enum(CONTACT_KIND.values).optional().default('insurer'),
  signer: z.enum(['advocate', 'provider']).optional().default('advocate'),
  /** A form to sign has no recipient, closing or signature block: it carries its own lines. */
  layout: z.enum(['letter', 'form']).optional().default('letter'),
  re: lines,
  enclosures: lines,
  cc: lines,
  /**
   * The template's own questions: asked once per case, kept with the case, and read by every
   * letter that declares the same key as {{ answers.<key> }}.
   */
  questions: z
    .array(
      z.object({
        key: z.string({ error: 'is required' }).regex(/^[A-Za-z][A-Za-z0-9]{0,59}$/, {
          error: 'must be one word of letters and digits, e.g. faxedOn',
        }),
        ask: z.string({ error: 'is required' }).trim().min(1, { error: 'is required' }).max(200),
        hint: z.string().trim().max(500).optional(),
        /** A paragraph or more (a statement), not a line. */
        long: z.boolean().optional().default(false),
      }),
    )
    .max(30, { error: 'may list at most 30 questions' })
    .nullish()
    .transform((v) => v ?? []),
});

export type TemplateMeta = z.output<typeof frontMatter>;

export interface ParsedTemplate {
  meta: TemplateMeta;
  body: string;
}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const invalid = (message: string) => new AppError('invalid-input', message, 'source');

/** A template's settings (the YAML between the --- lines) and its letter text. */
export function splitTemplate(source: string): { settings: string; body: string } {
  const text = source.replace(/^\uFEFF/, '');
  const fence = FENCE.exec(text);
  if (!fence) {
    throw invalid(
      'The template must start with its settings between two lines of three dashes (---), then the letter text.',
    );
  }
  return { settings: fence[1] ?? '', body: text.slice(fence[0].length) };
}

// Parsed templates by source: a batch of letters, or a preview redrawn as the advocate types,
// reads each template once. Oldest entries go first.
const parsedTemplates = new Map<string, ParsedTemplate>();
const TEMPLATES_KEPT = 50;

/** Splits, validates and parse-checks a template; throws on the first problem found. */
export function parseTemplate(source: string): ParsedTemplate {
  const known = parsedTemplates.get(source);
  if (known) return known;
  const parsed = readTemplate(source);
  if (parsedTemplates.size >= TEMPLATES_KEPT) {
    parsedTemplates.delete(parsedTemplates.keys().next().value as string);
  }
  parsedTemplates.set(source, parsed);
  return parsed;
}

function readTemplate(source: string): ParsedTemplate {
  const { settings, body } = splitTemplate(source);
  let raw: unknown;
  try {
    raw = parseYaml(settings, { maxAliasCount: 10 });
  } catch (error) {
    throw invalid(`The template's settings could not be read: ${(error as Error).message}`);
  }
  const meta = frontMatter.safeParse(raw ?? {});
  if (!meta.success) {
    const issue = meta.error.issues[0];
    throw invalid(
      `The template's setting "${issue?.path.join('.') || 'settings'}" ${issue?.message}.`,
    );
  }
  if (!body.trim()) throw invalid('The template has no letter text after its settings.');

  checkText(body, 'letter text');
  for (const part of ['re', 'enclosures', 'cc'] as const) {
    meta.data[part].forEach((line, i) => checkText(line, `${part} line ${i + 1}`));
  }
  return { meta: meta.data, body };
}

/** The same template under another name; the settings' comments and order survive. */
export function renameTemplate(source: string, name: string): string {
  const { settings, body } = splitTemplate(source);
  const doc = parseDocument(settings);
  doc.set('name', name);
  return `---\n${doc.toString()}---\n${body}`;
}

/** Most text a template may render to: a long letter is 30 kB. */
export const MAX_RENDERED_CHARS = 1_000_000;

/**
 * Refuses Markdown the parser cannot read in bounded time and stack (see markdown-limits.ts),
 * naming the template and the part: `stage` says whether it is the text as written or as filled
 * in for a case (a loop can make either).
 */
export function checkTemplateShape(
  name: string,
  parts: { body: string; re: string[]; enclosures: string[]; cc: string[] },
  stage: 'written' | 'filled in' = 'written',
): void {
  const where = stage === 'written' ? '' : ', filled in for this case';
  if (parts.body.length > MAX_RENDERED_CHARS) {
    throw invalid(
      `The template "${name}"${where}: its letter text is ${Math.round(parts.body.length / 1000)} kB, far beyond any letter (at most ${MAX_RENDERED_CHARS / 1000} kB).`,
    );
  }
  const pieces: [string, string][] = [
    ['letter text', parts.body],
    ...(['re', 'enclosures', 'cc'] as const).flatMap((part) =>
      parts[part].map((line, i): [string, string] => [`${part} line ${i + 1}`, line]),
    ),
  ];
  for (const [part, text] of pieces) {
    const problem = markdownShapeProblem(text);
    if (problem) throw invalid(`The template "${name}"${where}: its ${part} ${problem}`);
  }
}
