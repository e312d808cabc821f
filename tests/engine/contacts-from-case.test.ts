// A case's insurer or provider becomes a letter's recipient without typing it into the address
// book first; the second time, the same contact is used again.
import { afterEach, describe, expect, test } from 'vitest';
import { VALID_NPI, cleanup, fails, ok, tempEngine } from './helpers';

afterEach(cleanup);

describe('recipients from the case', () => {
  test("the case's insurer and provider become contacts once, never twice", async () => {
    const engine = tempEngine();
    const client = await ok(engine, 'clients.create', { firstName: 'Rosa', lastName: 'Delgado' });
    const c = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'Continuous glucose monitor',
      insurerName: 'Cigna',
      providerName: 'Dr. Ana Ruiz',
      providerPractice: 'Valley Clinic',
      providerNpi: VALID_NPI,
    });
    const insurer = await ok(engine, 'contacts.fromCase', { caseId: c.id, kind: 'insurer' });
    expect(insurer).toMatchObject({ kind: 'insurer', name: 'Cigna' });
    const again = await ok(engine, 'contacts.fromCase', { caseId: c.id, kind: 'insurer' });
    expect(again.id).toBe(insurer.id);
    const provider = await ok(engine, 'contacts.fromCase', { caseId: c.id, kind: 'provider' });
    expect(provider).toMatchObject({
      kind: 'provider',
      name: 'Dr. Ana Ruiz',
      organisation: 'Valley Clinic',
      npi: VALID_NPI,
    });
    const all = await ok(engine, 'contacts.list', {});
    expect(all.items.map((x) => x.name).sort()).toEqual(['Cigna', 'Dr. Ana Ruiz']);

    const bare = await ok(engine, 'cases.create', {
      clientId: client.id,
      requestedTreatment: 'TMS',
    });
    const error = await fails(engine, 'contacts.fromCase', { caseId: bare.id, kind: 'insurer' });
    expect(error.message).toContain('no insurer');
  });
});
