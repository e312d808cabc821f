// A process the crash-safety test kills with SIGKILL: it opens the library and repeats one long
// operation forever. `node --import tsx crash-worker.ts <operation> <database> <fixtures-dir>`.
// Each operation prints "go" once its loop starts, so the kill lands inside the work.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '../../../electron/engine';
import type { Engine } from '../../../electron/engine';
import { ARCHIVE_CLIENTS } from './sizes';

type Operation = (engine: Engine, fixtures: string) => Promise<void>;

async function must<T>(reply: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const r = await reply;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

/** The operations the test can interrupt. Add one here and a matching entry in the test. */
export const OPERATIONS: Record<string, Operation> = {
  /** Batch import: a new case, then every Word file of the folder into it, over and over. */
  'batch-import': async (engine, fixtures) => {
    const paths = readdirSync(fixtures)
      .filter((f) => f.endsWith('.docx'))
      .map((f) => join(fixtures, f));
    const client = await must(
      engine.call('clients.create', { firstName: 'Crash', lastName: 'Test' }),
    );
    process.stdout.write('go\n');
    for (;;) {
      const kase = await must(
        engine.call('cases.create', {
          clientId: client.id,
          requestedTreatment: 'Ketamine infusion',
        }),
      );
      await must(engine.call('documents.import', { caseId: kase.id, paths }));
    }
  },

  /** Letter generation: every kind of letter for a case, over and over, each saved with the case. */
  letters: async (engine) => {
    const client = await must(
      engine.call('clients.create', { firstName: 'Crash', lastName: 'Letters' }),
    );
    const kase = await must(
      engine.call('cases.create', {
        clientId: client.id,
        requestedTreatment: 'IV ketamine infusion series',
        memberId: 'M-1',
      }),
    );
    await must(
      engine.call('treatments.create', {
        caseId: kase.id,
        values: { kind: 'medication', name: 'Sertraline', drugClass: 'SSRI', dose: '200 mg' },
      }),
    );
    await must(
      engine.call('denials.create', {
        caseId: kase.id,
        values: { deniedOn: '2026-10-01', reason: 'Not medically necessary.', service: 'Ketamine' },
      }),
    );
    const kinds = ['appeal', 'medical-necessity', 'lawmaker', 'claim-file-request'] as const;
    process.stdout.write('go\n');
    for (let i = 0; ; i++) {
      await must(
        engine.call('letters.generate', { caseId: kase.id, kind: kinds[i % kinds.length]! }),
      );
    }
  },

  /**
   * Archive import: an archive of ARCHIVE_CLIENTS clients (each with a case and Word files),
   * imported over and over; each import is all or nothing, even when killed.
   */
  'archive-import': async (engine, fixtures) => {
    const archive = `${databasePath!}.archive.zip`;
    if (!existsSync(archive)) {
      const source = openEngine({ databasePath: `${archive}.source.sqlite`, door: 'crash-test' });
      const paths = readdirSync(fixtures)
        .filter((f) => f.endsWith('.docx'))
        .map((f) => join(fixtures, f));
      for (let i = 0; i < ARCHIVE_CLIENTS; i++) {
        const client = await must(
          source.call('clients.create', { firstName: 'Archived', lastName: `Client${i}` }),
        );
        const kase = await must(
          source.call('cases.create', { clientId: client.id, requestedTreatment: 'TMS' }),
        );
        await must(source.call('documents.import', { caseId: kase.id, paths }));
      }
      await must(source.call('archive.export', { out: archive }));
      source.close();
    }
    process.stdout.write('go\n');
    for (;;) await must(engine.call('archive.import', { file: archive }));
  },

  /** Restore: one listed backup after another (each restore backs up the current state first). */
  restore: async (engine) => {
    await must(engine.call('backups.create', {}));
    await must(engine.call('clients.create', { firstName: 'Only', lastName: 'InSecond' }));
    await must(engine.call('backups.create', {}));
    process.stdout.write('go\n');
    for (let i = 0; ; i++) {
      const { backups } = await must(engine.call('backups.list', {}));
      const pick = backups[i % backups.length]!;
      await must(engine.call('backups.restore', { file: pick.file }));
    }
  },
};

const [operation, databasePath, fixtures] = process.argv.slice(2);
const run = OPERATIONS[operation ?? ''];
if (!run || !databasePath || !fixtures) {
  console.error('usage: crash-worker.ts <operation> <database> <fixtures-dir>');
  process.exit(2);
}
const engine = openEngine({ databasePath, door: 'crash-test' });
run(engine, fixtures).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
