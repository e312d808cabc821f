// `advocate facts`: a document's proposed facts against its case, and accepting all new ones —
// the same engine calls as the app's review, so the same matching and the same refusals.
import type { Command } from 'commander';
import type { FactAcceptAllResult, FactReview } from '../contract/facts';
import type { LetterCommandDeps } from './letter-command';

function documentId(value: string, fail: (message: string) => never): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) fail(`"${value}" is not a document id.`);
  return n;
}

export function addFactsCommand(program: Command, deps: LetterCommandDeps): void {
  const facts = program
    .command('facts')
    .description("facts proposed from an imported document, matched against its case's records");
  facts
    .command('list')
    .description('print each proposed fact as a JSON line: its key, kind, status and summary')
    .requiredOption('--document <id>', 'the document id (printed by `advocate import`)')
    .action(async (opts: { document: string }) => {
      const review = (await deps.call('facts.review', {
        documentId: documentId(opts.document, deps.fail),
      })) as FactReview;
      for (const f of review.facts) {
        deps.out(
          JSON.stringify({
            key: f.key,
            kind: f.kind,
            status: f.status,
            rejected: f.rejected,
            summary: f.summary,
            ...(f.changes.length && f.status === 'different' ? { changes: f.changes } : {}),
            ...(f.blocked ? { blocked: f.blocked } : {}),
          }),
        );
      }
    });
  facts
    .command('accept-all')
    .description(
      'add every new fact (not rejected, not differing from the case) to the case in one transaction',
    )
    .requiredOption('--document <id>', 'the document id')
    .action(async (opts: { document: string }) => {
      const id = documentId(opts.document, deps.fail);
      const review = (await deps.call('facts.review', { documentId: id })) as FactReview;
      const keys = review.facts
        .filter((f) => f.status === 'new' && !f.rejected && !f.blocked)
        .map((f) => f.key);
      if (keys.length === 0) {
        deps.out('nothing new to add');
        return;
      }
      const result = (await deps.call('facts.acceptAll', {
        documentId: id,
        keys,
      })) as FactAcceptAllResult;
      for (const s of result.skipped) deps.err(`not added: ${s.summary}: ${s.reason}`);
      deps.out(
        `${result.added} added, ${result.alreadyRecorded} already in the case, ${result.skipped.length} not added`,
      );
    });
}
