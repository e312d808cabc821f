// The advocate CLI: parses argv, calls the engine, prints. Every command is one API call.
import { Command, CommanderError } from 'commander';
import { existsSync, writeFileSync } from 'node:fs';
import { readRegularFile } from '../security/regular-file';
import { resolve } from 'node:path';
import type { ImportSummary } from '../contract/document';
import type { ApiError, ErrorCode } from '../contract/errors';
import { openEngine } from '../engine';
import type { Engine } from '../engine';
import { defaultDatabasePath, defaultLocationFile } from '../engine/data-path';
import { addContactsCommand } from './contacts-command';
import { addFactsCommand } from './facts-command';
import { addLetterCommand } from './letter-command';
import { addPacketCommand } from './packet-command';
import { backupToFile, defaultBackupFolder, inspectBackup } from '../engine/backups/files';
import { keepDamagedCopy, replaceLibraryFile } from '../engine/backups/restore';
import { migrations } from '../engine/db/migrations';
import { refuseWhileHeld } from '../engine/library/ownership';
import { AppError } from '../contract/errors';
import type { ArchiveImportResult, ArchiveSummary, RestoreResult } from '../contract/safety';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * Exit codes a script can branch on (sysexits.h): the library is missing, is busy or in use
 * (try again later), the disk is full. Every other failure exits 1.
 */
export const EXIT_CODES: Partial<Record<ErrorCode, number>> = {
  'database-missing': 66,
  busy: 75,
  'library-in-use': 75,
  'library-replaced': 75,
  'disk-full': 74,
};
/** Ends the command with this exit code, having already said why. */
class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const DAY_MS = 86_400_000;

/** Text files people hand the CLI (templates, case files, contact lists) are far below this. */
const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

function readTextFile(path: string): string {
  const read = readRegularFile(
    path,
    MAX_TEXT_FILE_BYTES,
    (size) => `it is ${Math.round(size / 1024 / 1024)} MB, far larger than any text file it reads`,
  );
  if (!read.ok) {
    throw new CliFailure(
      read.code
        ? `${path}: cannot read the file (${read.code}).`
        : `${path}: cannot read the file: ${read.problem}`,
    );
  }
  return read.bytes.toString('utf8');
}

function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${path}: not valid JSON (${(error as Error).message}).`);
  }
}

function positiveId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CliFailure(`"${value}" is not a case id.`);
  return n;
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  let engine: Engine | undefined;
  const program = new Command('advocate')
    .description('Advocate Desk from the command line: the same case library the app uses.')
    .version(version)
    .option('--db <file>', "case library file (default: the app's data file)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
    });

  const dbPath = () => resolve(program.opts<{ db?: string }>().db ?? defaultDatabasePath());
  const open = () => {
    const path = dbPath();
    const locationFile = defaultLocationFile(program.opts<{ db?: string }>().db);
    engine ??= openEngine({
      databasePath: path,
      appVersion: version,
      door: 'cli',
      // The app checks the file page by page at every start; the CLI, run many times a day,
      // when no check has in the last day (its structure is checked at every open regardless).
      checkEvery: DAY_MS,
      ...(locationFile ? { locationFile } : {}),
    });
    return engine;
  };
  const call = async (name: string, args: unknown, context?: string) => {
    const reply = await open().callUnchecked(name, args);
    if (!reply.ok) {
      const e: ApiError = reply.error;
      // A stale edit: say which version to make it from, to keep it over the newer values.
      const version = e.conflict ? ` (It is now at version ${e.conflict.version}.)` : '';
      throw new CliFailure(
        `${context ? `${context}: ` : ''}${e.message}${version}`,
        EXIT_CODES[e.code],
      );
    }
    return reply.value;
  };

  const caseCmd = program.command('case').description('import, export and list cases');
  caseCmd
    .command('import <file>')
    .description(
      'create a client and their cases from an exchange-format JSON file; prints the new case ids',
    )
    .action(async (file: string) => {
      const result = (await call('exchange.import', readJsonFile(file), file)) as {
        caseIds: number[];
        warnings?: string[];
      };
      for (const id of result.caseIds) io.out(String(id));
      for (const warning of result.warnings ?? []) io.err(`${file}: ${warning}`);
    });
  caseCmd
    .command('export')
    .description('print one case, its client and every record as exchange-format JSON')
    .requiredOption('--case <id>', 'the case id')
    .action(async (opts: { case: string }) => {
      io.out(
        JSON.stringify(await call('exchange.export', { caseId: positiveId(opts.case) }), null, 2),
      );
    });
  caseCmd
    .command('list')
    .description('print cases as JSON lines (or CSV), most recently updated first')
    .option('--status <status>', 'only cases at this stage')
    .option('--insurer <name>', 'only cases with this insurer')
    .option('--treatment <name>', 'only cases for this treatment')
    .option('--plan <type>', 'only cases with this plan type')
    .option('--due-within <days>', 'only cases with something due within this many days')
    .option('--sort <by>', 'activity, client, stage, insurer, treatment or due')
    .option('--desc', 'the other way round')
    .option('--csv', 'write every matching case as CSV instead')
    .option('--limit <n>', 'at most this many', '1000')
    .action(
      async (opts: {
        status?: string;
        insurer?: string;
        treatment?: string;
        plan?: string;
        dueWithin?: string;
        sort?: string;
        desc?: boolean;
        csv?: boolean;
        limit: string;
      }) => {
        const filters = {
          status: opts.status,
          insurer: opts.insurer,
          treatment: opts.treatment,
          planType: opts.plan,
          dueWithinDays: opts.dueWithin === undefined ? undefined : Number(opts.dueWithin),
          sort: opts.sort,
          direction: opts.desc ? 'desc' : undefined,
        };
        if (opts.csv) {
          const file = (await call('cases.export', filters)) as { text: string };
          io.out(file.text.replace(/\r\n$/, ''));
          return;
        }
        const list = (await call('cases.list', { ...filters, limit: Number(opts.limit) })) as {
          items: unknown[];
        };
        for (const item of list.items) io.out(JSON.stringify(item));
      },
    );

  program
    .command('import <paths...>')
    .description(
      'import Word (.docx, .doc), PDF and scanned (.png, .jpg, .tif; read by OCR) files (or every such file in a folder) into a case',
    )
    .requiredOption('--case <id>', 'the case id')
    .option('--password <password>', 'the password of protected files (used, never kept)')
    .action(async (paths: string[], opts: { case: string; password?: string }) => {
      const summary = (await call('documents.import', {
        caseId: positiveId(opts.case),
        paths,
        ...(opts.password ? { password: opts.password } : {}),
      })) as ImportSummary;
      for (const doc of summary.imported) io.out(`imported ${doc.fileName} (document ${doc.id})`);
      for (const r of summary.refused) {
        const hint = r.code === 'password-required' ? ' Give it with --password.' : '';
        io.err(`refused ${r.path}: ${r.problem}${hint}`);
      }
      io.out(`${summary.imported.length} imported, ${summary.refused.length} refused`);
      if (summary.refused.length > 0) throw new CliExit(1);
    });

  const deps = {
    call,
    out: io.out,
    err: io.err,
    fail: (message: string): never => {
      throw new CliFailure(message);
    },
    exit: (code: number): never => {
      throw new CliExit(code);
    },
  };
  addLetterCommand(program, deps);
  addPacketCommand(program, deps);
  addContactsCommand(program, { ...deps, readText: readTextFile });
  addFactsCommand(program, deps);

  program
    .command('deadlines')
    .description('deadlines across cases')
    .command('ics')
    .description(
      'write open deadlines and tasks as an .ics calendar file (Outlook, Google Calendar)',
    )
    .requiredOption('--out <file>', 'the .ics file to write')
    .option('--case <id>', 'only this case')
    .option(
      '--full-names',
      "put clients' full names, treatments and insurers in the calendar (initials otherwise)",
    )
    .action(async (opts: { out: string; case?: string; fullNames?: boolean }) => {
      const file = (await call('calendar.export', {
        ...(opts.case === undefined ? {} : { caseId: positiveId(opts.case) }),
        fullNames: opts.fullNames === true,
      })) as { text: string; events: number };
      try {
        writeFileSync(opts.out, file.text, { mode: 0o600 });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliFailure(`${opts.out}: cannot write the file (${code ?? 'unknown error'}).`);
      }
      io.out(`${file.events} deadline${file.events === 1 ? '' : 's'} written to ${opts.out}`);
    });

  program
    .command('search <query...>')
    .description('print the cases matching every word as JSON lines, best first')
    .option('--limit <n>', 'at most this many', '50')
    .action(async (words: string[], opts: { limit: string }) => {
      const found = (await call('search', {
        query: words.join(' '),
        limit: Number(opts.limit),
      })) as unknown[];
      for (const item of found) io.out(JSON.stringify(item));
    });

  program
    .command('backup')
    .description('back up the case library now (to the backup folder, or to --out FILE)')
    .option('--out <file>', 'write the backup to this file instead')
    .action(async (opts: { out?: string }) => {
      const info = opts.out
        ? await backupToFile(open().db, opts.out)
        : ((await call('backups.create', {})) as { file: string; sizeBytes: number });
      io.out(`backed up to ${info.file} (${info.sizeBytes} bytes)`);
    });

  program
    .command('restore <file>')
    .description(
      'replace the case library with a backup, after backing up the current one (close the app first)',
    )
    .action(async (file: string) => {
      const source = resolve(file);
      let unusable = false;
      try {
        // The page-by-page check runs as the library opens: a restore waits for what it finds.
        const checked = await open().context.checked;
        if (checked?.state === 'damaged') {
          engine?.close();
          engine = undefined;
          unusable = true;
        }
      } catch (error) {
        const code = error instanceof AppError ? error.code : '';
        if (
          code !== 'database-damaged' &&
          code !== 'database-unreadable' &&
          code !== 'database-missing'
        ) {
          throw error;
        }
        unusable = true;
      }
      if (unusable) {
        // The library cannot be used: keep it exactly as it is, then put the backup in place.
        const missing = !existsSync(dbPath());
        refuseWhileHeld(dbPath(), undefined, 'restore');
        const preview = inspectBackup(source, migrations.length);
        if (!missing) {
          const kept = keepDamagedCopy(dbPath(), defaultBackupFolder(dbPath()));
          io.out(`kept the damaged library as ${kept.file}`);
        }
        replaceLibraryFile(dbPath(), source);
        io.out(
          `restored ${source}: ${preview.counts.clients} clients, ${preview.counts.cases} cases, ${preview.counts.documents} documents`,
        );
        open();
        return;
      }
      const result = (await call('backups.restore', { file: source })) as RestoreResult;
      const { counts } = result.restored;
      io.out(`backed up the library as it was to ${result.previous.file}`);
      io.out(
        `restored ${source}: ${counts.clients} clients, ${counts.cases} cases, ${counts.documents} documents`,
      );
    });

  program
    .command('documents')
    .description(
      "save a case's original documents into a folder (names made safe; nothing replaced)",
    )
    .requiredOption('--case <id>', 'the case id')
    .requiredOption('--to <folder>', 'the folder to save them in')
    .action(async (opts: { case: string; to: string }) => {
      const saved = (await call('documents.saveOriginals', {
        caseId: positiveId(opts.case),
        folder: resolve(opts.to),
      })) as { files: string[] };
      for (const f of saved.files) io.out(f);
    });

  const archiveCmd = program
    .command('archive')
    .description(
      'move the whole library to another computer: one file with every record and document',
    );
  archiveCmd
    .command('export')
    .description('write every client, case, record, contact and original document to one archive')
    .requiredOption('--out <file>', 'the archive file to write (.zip)')
    .action(async (opts: { out: string }) => {
      const summary = (await call('archive.export', { out: resolve(opts.out) })) as ArchiveSummary;
      const { counts } = summary;
      io.out(
        `wrote ${summary.file} (${summary.sizeBytes} bytes): ${counts.clients} clients, ${counts.cases} cases, ${counts.documents} documents, ${counts.contacts} contacts`,
      );
    });
  archiveCmd
    .command('import <file>')
    .description('add everything in an archive to this library (checked in full before writing)')
    .action(async (file: string) => {
      const result = (await call(
        'archive.import',
        { file: resolve(file) },
        file,
      )) as ArchiveImportResult;
      const { counts } = result;
      io.out(
        `imported ${result.clientIds.length} clients; the library now holds ${counts.clients} clients, ${counts.cases} cases, ${counts.documents} documents`,
      );
    });

  program
    .command('call <name> [json]')
    .description(
      'make any API call (see electron/contract/api.ts) with JSON arguments; prints the JSON result',
    )
    .action(async (name: string, json?: string) => {
      let args: unknown;
      try {
        args = json === undefined ? undefined : JSON.parse(json);
      } catch {
        throw new CliFailure('The arguments are not valid JSON.');
      }
      io.out(JSON.stringify(await call(name, args), null, 2));
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    // The library's page-by-page check ran beside the command: a damaged file is never
    // reported as fine.
    const checked = engine ? await engine.context.checked : null;
    if (checked?.state === 'damaged') {
      io.err(`advocate: ${checked.message}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliExit) return error.code;
    if (error instanceof CliFailure) {
      io.err(`advocate: ${error.message}`);
      return error.exitCode;
    }
    // The engine's own errors (a database too new, unreadable) carry a message for people.
    io.err(`advocate: ${error instanceof Error ? error.message : String(error)}`);
    return (error instanceof AppError && EXIT_CODES[error.code]) || 1;
  } finally {
    engine?.close();
  }
}
