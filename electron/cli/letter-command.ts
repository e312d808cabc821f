// `advocate letter`: one letter to a file, or one per case into a folder, with progress.
import type { Command } from 'commander';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaseList } from '../contract/case';
import { LETTER_KIND } from '../contract/letter';
import type { BatchLetter, GeneratedLetter, TemplateSummary } from '../contract/letter';

/** Cases per batch call (the engine commits its letters a few dozen at a time). */
const CHUNK = 50;

export interface LetterCommandDeps {
  call(name: string, args: unknown, context?: string): Promise<unknown>;
  out(line: string): void;
  err(line: string): void;
  /** Throws a failure the CLI reports and exits 1 on. */
  fail(message: string): never;
  /** Ends the command with this exit code, having already said why. */
  exit(code: number): never;
}

interface LetterOptions {
  case?: string;
  cases?: string;
  kind?: string;
  template?: string;
  to?: string;
  out?: string;
  outDir?: string;
}

const id = (value: string, what: string, deps: LetterCommandDeps) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) deps.fail(`"${value}" is not ${what}.`);
  return n;
};

async function allCaseIds(deps: LetterCommandDeps): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await deps.call('cases.list', { limit: 1000, offset })) as CaseList;
    ids.push(...page.items.map((c) => c.id));
    if (ids.length >= page.total || page.items.length === 0) return ids;
  }
}

export function addLetterCommand(program: Command, deps: LetterCommandDeps): void {
  program
    .command('letter')
    .description('write a letter from a case as an editable .docx (also kept with the case)')
    .option('--case <id>', 'the case')
    .option('--cases <ids>', 'several cases: "all", or ids separated by commas (use --out-dir)')
    .option('--kind <kind>', `the kind of letter: ${LETTER_KIND.values.join(', ')}`)
    .option('--template <name>', 'one of your templates, by name (instead of --kind)')
    .option('--to <contactId>', 'the address-book contact the letter goes to')
    .option('--out <file>', 'where to save the .docx (one case)')
    .option('--out-dir <folder>', 'the folder for one .docx per case (several cases)')
    .action(async (opts: LetterOptions) => {
      if (!opts.kind && !opts.template)
        deps.fail('Say which letter: --kind KIND or --template NAME.');
      if (opts.kind && !(LETTER_KIND.values as readonly string[]).includes(opts.kind)) {
        deps.fail(
          `"${opts.kind}" is not a kind of letter; use one of ${LETTER_KIND.values.join(', ')}.`,
        );
      }
      let templateId: number | undefined;
      if (opts.template) {
        const list = (await deps.call('templates.list', {})) as TemplateSummary[];
        const wanted = opts.template.toLowerCase();
        templateId = list.find((t) => t.name.toLowerCase() === wanted)?.id;
        if (!templateId) deps.fail(`There is no template named "${opts.template}".`);
      }
      const recipientId = opts.to === undefined ? undefined : id(opts.to, 'a contact id', deps);
      const choice = { ...(templateId ? { templateId } : { kind: opts.kind }), recipientId };

      if (opts.case !== undefined) {
        if (!opts.out) deps.fail('Say where to save the letter: --out FILE.docx.');
        const caseId = id(opts.case, 'a case id', deps);
        const letter = (await deps.call('letters.generate', {
          caseId,
          ...choice,
        })) as GeneratedLetter;
        const saved = (await deps.call('documents.saveTo', {
          id: letter.documentId,
          path: resolve(opts.out),
        })) as {
          path: string;
        };
        deps.out(saved.path);
        reportGaps(letter, `case ${caseId}`, deps);
        return;
      }
      if (opts.cases === undefined)
        deps.fail('Say which case: --case ID, or --cases all|ID,ID… with --out-dir.');
      if (!opts.outDir) deps.fail('Say which folder to write the letters to: --out-dir FOLDER.');
      const caseIds =
        opts.cases.trim().toLowerCase() === 'all'
          ? await allCaseIds(deps)
          : opts.cases.split(',').map((v) => id(v.trim(), 'a case id', deps));
      const folder = resolve(opts.outDir);
      // A mistyped folder fails at once: no letter is made into the cases and then not saved.
      const stats = statSync(folder, { throwIfNoEntry: false });
      if (!stats)
        deps.fail(`The folder ${folder} does not exist: create it first (no letter was written).`);
      if (!stats.isDirectory()) deps.fail(`${folder} is not a folder (no letter was written).`);
      let failed = 0;
      let done = 0;
      // A chunk of cases per call: the engine commits its letters together, and the progress
      // lines come as each chunk is done.
      for (let start = 0; start < caseIds.length; start += CHUNK) {
        const chunk = caseIds.slice(start, start + CHUNK);
        const { letters } = (await deps.call('letters.generateMany', {
          caseIds: chunk,
          ...choice,
          outDir: folder,
        })) as { letters: BatchLetter[] };
        for (const letter of letters) {
          done += 1;
          if (letter.ok) {
            deps.err(`letter ${done} of ${caseIds.length}: case ${letter.caseId} → ${letter.path}`);
            reportGaps(letter, `case ${letter.caseId}`, deps);
          } else {
            failed += 1;
            deps.err(
              `letter ${done} of ${caseIds.length}: case ${letter.caseId}: ${letter.error.message}`,
            );
          }
        }
      }
      deps.out(`${caseIds.length - failed} letters written to ${folder}, ${failed} failed`);
      if (failed) deps.exit(1);
    });
}

function reportGaps(letter: GeneratedLetter, where: string, deps: LetterCommandDeps) {
  if (letter.gaps === 0) return;
  const missing = letter.checklist.map((c) => c.label).join(', ');
  deps.err(`${where}: ${letter.gaps} gaps marked in the letter (${missing || 'see the letter'})`);
}
