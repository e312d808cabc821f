// Lawmakers from the public congress-legislators files: members become address-book contacts
// with their home-state office, a re-import updates them, and a letter greets them properly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, clientWithCase, fails, ok, rowCounts, tempDir, tempEngine } from './helpers';
import { cli } from './run-cli';

afterEach(cleanup);

const FIXTURES = join(process.cwd(), '../shared/fixtures/contacts');
const legislatorsYaml = readFileSync(join(FIXTURES, 'legislators-current.yaml'), 'utf8');
const officesYaml = readFileSync(join(FIXTURES, 'legislators-district-offices.yaml'), 'utf8');

describe('importing lawmakers', () => {
  it("adds one state's members with a home-state office, and updates them on re-import", async () => {
    const engine = tempEngine();
    const first = await ok(engine, 'contacts.importLawmakers', {
      legislatorsYaml,
      officesYaml,
      state: 'wa',
    });
    // Washington: two senators and ten representatives.
    expect(first).toEqual({ added: 12, updated: 0 });
    const contacts = (await ok(engine, 'contacts.list', { kind: 'lawmaker' })).items;
    const cantwell = contacts.find((c) => c.name === 'Maria Cantwell')!;
    expect(cantwell).toMatchObject({
      title: 'Senator',
      organisation: 'United States Senate',
      department: 'Senator for WA',
      state: 'WA',
    });
    expect(cantwell.city).not.toBe('Washington');
    expect(cantwell.notes).toMatch(/Washington office: 511 Hart Senate Office Building/);
    expect(contacts.filter((c) => c.title === 'Representative')).toHaveLength(10);

    const again = await ok(engine, 'contacts.importLawmakers', { legislatorsYaml, state: 'WA' });
    expect(again).toEqual({ added: 0, updated: 12 });
    expect(await ok(engine, 'contacts.list', { kind: 'lawmaker' })).toMatchObject({ total: 12 });
    // Without district offices, the Washington office is the address.
    const dc = (await ok(engine, 'contacts.get', { id: cantwell.id })).postalCode;
    expect(dc).toBe('20510');
  });

  it('greets a senator as such in a letter', async () => {
    const engine = tempEngine();
    await ok(engine, 'contacts.importLawmakers', { legislatorsYaml, state: 'WA' });
    const senator = (await ok(engine, 'contacts.list', { query: 'Cantwell' })).items[0]!;
    const { case: kase } = await clientWithCase(engine);
    const preview = await ok(engine, 'letters.preview', {
      caseId: kase.id,
      kind: 'lawmaker',
      recipientId: senator.id,
    });
    expect(JSON.stringify(preview.model.body)).toContain('Dear Senator Cantwell');
    expect(preview.model.recipient[0]).toEqual([{ text: 'Maria Cantwell' }]);
  });

  it('refuses a file that is not the legislators data, naming the problem, and adds nothing', async () => {
    const engine = tempEngine();
    const before = rowCounts(engine);
    const notYaml = await fails(engine, 'contacts.importLawmakers', { legislatorsYaml: '{ [' });
    expect(notYaml.message).toMatch(/^The legislators file is not valid YAML/);
    const wrong = await fails(engine, 'contacts.importLawmakers', {
      legislatorsYaml: '- name: Someone\n',
    });
    expect(wrong.message).toMatch(/not the congress-legislators format: item 0\.id/);
    expect(rowCounts(engine)).toEqual(before);
  });

  it('runs from the command line', async () => {
    const db = join(tempDir(), 'lib.sqlite');
    const run = await cli(
      '--db',
      db,
      'contacts',
      'import-lawmakers',
      join(FIXTURES, 'legislators-current.yaml'),
      '--state',
      'VT',
    );
    expect(run).toMatchObject({ code: 0, out: ['3 lawmakers added, 0 updated'] });
    const missing = await cli(
      '--db',
      db,
      'contacts',
      'import-lawmakers',
      join(FIXTURES, 'nope.yaml'),
    );
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/nope\.yaml: cannot read the file/);
  });
});
