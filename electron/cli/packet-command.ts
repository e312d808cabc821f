// `advocate packet`: a letter and its enclosures as one packet (.docx), kept with the case and
// saved where asked; with --pdf, LibreOffice (when installed) lays the same file out as a PDF.
import type { Command } from 'commander';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseItemToken } from '../contract/packet';
import type { GeneratedPacket } from '../contract/packet';
import type { LetterCommandDeps } from './letter-command';

interface PacketOptions {
  letter?: string;
  enclose?: string[];
  suggested?: boolean;
  to?: string;
  out?: string;
  pdf?: boolean;
}

/** LibreOffice's PDF of a .docx beside it, or why there is none. */
function pdfBeside(docx: string): { path: string } | { problem: string } {
  const work = mkdtempSync(join(tmpdir(), 'advocate-pdf-'));
  try {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const made = join(work, basename(docx).replace(/\.docx$/i, '.pdf'));
    if (!existsSync(made)) return { problem: 'LibreOffice made no PDF of it.' };
    const path = join(dirname(docx), basename(made));
    // Health information: readable by this user only, like every file the app writes.
    chmodSync(made, 0o600);
    renameSync(made, path);
    return { path };
  } catch {
    return { problem: 'No PDF: LibreOffice (soffice) is not installed or could not convert it.' };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function addPacketCommand(program: Command, deps: LetterCommandDeps): void {
  program
    .command('packet')
    .description(
      'put a letter made here and its enclosures into one packet: cover sheet, index, letter, enclosures (.docx, also kept with the case)',
    )
    .option('--letter <documentId>', 'the letter (a document made here)')
    .option(
      '--enclose <items...>',
      'enclosures in order: doc:ID (a case document), auth:ID (an authorization), citations',
    )
    .option(
      '--suggested',
      'enclose what the letter calls for (its authorization, notices, records)',
    )
    .option('--to <contactId>', 'who it goes to (else the letter’s recipient)')
    .option('--out <file>', 'where to save the .docx')
    .option('--pdf', 'also save a PDF beside it (needs LibreOffice)')
    .action(async (opts: PacketOptions) => {
      const letterId = Number(opts.letter);
      if (!Number.isInteger(letterId) || letterId <= 0)
        deps.fail('Say which letter: --letter DOCUMENT_ID (see "documents" of the case).');
      if (!opts.out) deps.fail('Say where to save the packet: --out FILE.docx.');
      const items = (opts.enclose ?? []).map((text) => {
        const item = parseItemToken(text);
        if (!item) deps.fail(`"${text}" is not an enclosure: use doc:ID, auth:ID or citations.`);
        return item;
      });
      const recipientId = opts.to === undefined ? undefined : Number(opts.to);
      const base = { letterId, ...(recipientId ? { recipientId } : {}) };
      const chosen = opts.suggested
        ? [
            ...((await deps.call('packets.preview', { ...base, items: [] })) as GeneratedPacket)
              .suggested,
            ...items,
          ]
        : items;
      const packet = (await deps.call('packets.generate', {
        ...base,
        items: chosen,
      })) as GeneratedPacket;
      const saved = (await deps.call('documents.saveTo', {
        id: packet.documentId,
        path: resolve(opts.out),
      })) as { path: string };
      deps.out(saved.path);
      deps.err(
        `${packet.totalPages} pages with the cover sheet: ${packet.entries
          .map((e) => `${e.title} (${e.pages})`)
          .join('; ')}.`,
      );
      for (const problem of packet.problems) deps.err(`Check: ${problem}`);
      if (opts.pdf) {
        const pdf = pdfBeside(saved.path);
        if ('path' in pdf) deps.out(pdf.path);
        else deps.err(pdf.problem);
      }
    });
}
