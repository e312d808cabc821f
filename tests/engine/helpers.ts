// Shared test helpers: an engine on a fresh temp database file, and sample clients and cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ApiArgs, ApiName, ApiResults } from '../../electron/contract/api';
import type { ApiError } from '../../electron/contract/errors';
import { openEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';

const cleanups: (() => void)[] = [];

/** Closes every engine and removes every temp folder made since the last call (use in afterEach). */
export function cleanup(): void {
  for (const undo of cleanups.splice(0).reverse()) undo();
}

/** A new empty folder under the OS temp folder, removed by cleanup(). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'advocate-desk-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Opens an engine on `databasePath` and closes it at cleanup() unless closed before. */
export function openTracked(databasePath: string): Engine {
  const engine = openEngine({ databasePath, appVersion: '9.9.9-test' });
  cleanups.push(() => {
    if (engine.db.open) engine.close();
  });
  return engine;
}

/** An engine on a new database file in a new temp folder. */
export function tempEngine(): Engine {
  return openTracked(join(tempDir(), 'case-library.sqlite'));
}

/** Makes a call that must succeed and returns its value. */
export async function ok<N extends ApiName>(
  engine: Engine,
  name: N,
  args?: ApiArgs<N>,
): Promise<ApiResults[N]> {
  const reply = await engine.call(name, args);
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** Makes a call that must fail and returns its error. */
export async function fails<N extends ApiName>(
  engine: Engine,
  name: N,
  args?: unknown,
): Promise<ApiError> {
  const reply = await engine.call(name, args as ApiArgs<N>);
  if (reply.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(reply.value)}`);
  return reply.error;
}

/** A valid NPI (the CMS example), and one with a wrong check digit. */
export const VALID_NPI = '1234567893';
export const INVALID_NPI = '1234567890';

export function sampleClient(overrides: Partial<ApiArgs<'clients.create'>> = {}) {
  return {
    firstName: 'Maria',
    lastName: 'Okonkwo',
    dateOfBirth: '1984-06-02',
    phone: '555-0101',
    email: 'maria@example.org',
    addressLine1: '12 Elm Street',
    addressLine2: 'Apt 3',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62701',
    notes: 'Prefers email.',
    ...overrides,
  } satisfies ApiArgs<'clients.create'>;
}

export function sampleCase(clientId: number, overrides: Partial<ApiArgs<'cases.create'>> = {}) {
  return {
    clientId,
    requestedTreatment: 'Esketamine nasal spray',
    treatmentCodes: 'S0013',
    status: 'denied',
    openedOn: '2024-02-01',
    providerName: 'Dr. Ada Lovelace',
    providerNpi: VALID_NPI,
    providerPractice: 'Lakeside Psychiatry',
    providerPhone: '555-0102',
    providerFax: '555-0103',
    insurerName: 'Prairie Health',
    planName: 'Gold PPO',
    planType: 'employer-self-funded',
    memberId: 'XQZ123456789',
    groupNumber: 'G-4411',
    notes: 'Denied as not medically necessary.',
    ...overrides,
  } satisfies ApiArgs<'cases.create'>;
}

/** A client with one case. */
export async function clientWithCase(
  engine: Engine,
  client: Partial<ApiArgs<'clients.create'>> = {},
  kase: Partial<ApiArgs<'cases.create'>> = {},
) {
  const c = await ok(engine, 'clients.create', sampleClient(client));
  const k = await ok(engine, 'cases.create', sampleCase(c.id, kase));
  return { client: c, case: k };
}

const TABLES = [
  'profile',
  'clients',
  'cases',
  'diagnoses',
  'treatments',
  'assessments',
  'communications',
  'deadlines',
  'denials',
  'documents',
  'document_contents',
  'contacts',
  'letter_templates',
  'letters',
  'case_search',
  'client_search',
  'letter_search',
] as const;

/** Rows in every table, to check that a refused write wrote nothing. */
export function rowCounts(engine: Engine): Record<string, number> {
  return Object.fromEntries(
    TABLES.map((t) => [t, engine.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
  );
}

/** The version a record is at now, as a form that has just loaded it would send it back. */
export function versionOf(engine: Engine, table: string, id: number): number {
  return engine.db.prepare(`SELECT version FROM ${table} WHERE id = ?`).pluck().get(id) as number;
}

/**
 * For suites whose temp folders live until afterAll (slow fixtures made once): each test gets an
 * engine with one case and a temp folder, and the engine is closed after the test, so its import
 * workers never outlive it. Call once at the top of the suite.
 */
export function casePerTest(): () => Promise<{ engine: Engine; caseId: number; dir: string }> {
  const open: Engine[] = [];
  afterEach(() => {
    for (const engine of open.splice(0)) if (engine.db.open) engine.close();
  });
  return async () => {
    const engine = tempEngine();
    open.push(engine);
    const { case: kase } = await clientWithCase(engine);
    return { engine, caseId: kase.id, dir: tempDir() };
  };
}
