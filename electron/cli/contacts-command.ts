// `advocate contacts import-lawmakers`: the public congress-legislators files into the address book.
import type { Command } from 'commander';
import type { LawmakerImportResult } from '../contract/contact';
import type { LetterCommandDeps } from './letter-command';

export function addContactsCommand(
  program: Command,
  deps: LetterCommandDeps & { readText(path: string): string },
): void {
  program
    .command('contacts')
    .description('the address book')
    .command('import-lawmakers <legislators.yaml>')
    .description(
      'add or update members of Congress from legislators-current.yaml (unitedstates/congress-legislators)',
    )
    .option(
      '--offices <file>',
      'legislators-district-offices.yaml, for home-state office addresses',
    )
    .option('--state <XX>', 'only the members for this state')
    .action(async (file: string, opts: { offices?: string; state?: string }) => {
      const result = (await deps.call(
        'contacts.importLawmakers',
        {
          legislatorsYaml: deps.readText(file),
          ...(opts.offices ? { officesYaml: deps.readText(opts.offices) } : {}),
          ...(opts.state ? { state: opts.state } : {}),
        },
        file,
      )) as LawmakerImportResult;
      deps.out(`${result.added} lawmakers added, ${result.updated} updated`);
    });
}
