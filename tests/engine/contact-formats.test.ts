// Phone and fax numbers, ZIP codes and CPT/HCPCS codes are checked and written one way by every
// door; an older exchange file or archive with values the checks refuse still imports, kept as written.
import { afterEach, describe, expect, it } from 'vitest';
import {
  normalisePhone,
  normaliseServiceCodes,
  normaliseZip,
} from '../../electron/contract/fields';
import {
  cleanup,
  clientWithCase,
  fails,
  ok,
  sampleCase,
  sampleClient,
  tempEngine,
} from './helpers';

afterEach(cleanup);

describe('one format for phone, ZIP and service codes', () => {
  it('normalises what people type and refuses what is not one', () => {
    expect(normalisePhone('555.123.4567')).toBe('(555) 123-4567');
    expect(normalisePhone('+1 (555) 123-4567 x204')).toBe('(555) 123-4567 ext. 204');
    expect(normalisePhone('1-555-123-4567')).toBe('(555) 123-4567');
    expect(normalisePhone('555 0101')).toBe('555-0101');
    expect(normalisePhone('555-12345')).toBeNull();
    expect(normalisePhone('call the front desk')).toBeNull();
    expect(normaliseZip('62701')).toBe('62701');
    expect(normaliseZip('627011234')).toBe('62701-1234');
    expect(normaliseZip('62701-1234')).toBe('62701-1234');
    expect(normaliseZip('6270')).toBeNull();
    expect(normaliseZip('SW1A 1AA')).toBeNull();
    expect(normaliseServiceCodes('90867, 90868;90869')).toBe('90867, 90868, 90869');
    expect(normaliseServiceCodes('j0585-59, 90867 26')).toBe('J0585-59, 90867-26');
    expect(normaliseServiceCodes('S0013')).toBe('S0013');
    expect(normaliseServiceCodes('0160T')).toBe('0160T');
    expect(normaliseServiceCodes('9086')).toBeNull();
    expect(normaliseServiceCodes('908677')).toBeNull();
    expect(normaliseServiceCodes('JJ585')).toBeNull();
  });

  it('stores the one format through the engine and refuses a bad value naming its field', async () => {
    const engine = tempEngine();
    const { client, case: k } = await clientWithCase(
      engine,
      { phone: '555 123 4567', postalCode: '627011234' },
      { treatmentCodes: '90867 26, j0585', providerFax: '(555)987-6543' },
    );
    expect(client).toMatchObject({ phone: '(555) 123-4567', postalCode: '62701-1234' });
    expect(k).toMatchObject({ treatmentCodes: '90867-26, J0585', providerFax: '(555) 987-6543' });

    const zip = await fails(engine, 'clients.create', sampleClient({ postalCode: '627' }));
    expect(zip).toMatchObject({ code: 'invalid-input', field: 'postalCode' });
    expect(zip.message).toBe(
      'ZIP code must be a ZIP code: 5 or 9 digits, e.g. 62701 or 62701-1234',
    );
    const cpt = await fails(
      engine,
      'cases.create',
      sampleCase(client.id, { treatmentCodes: '9086' }),
    );
    expect(cpt).toMatchObject({ code: 'invalid-input', field: 'treatmentCodes' });
    expect(cpt.message).toContain('must be CPT or HCPCS codes');
    const fax = await fails(engine, 'contacts.create', {
      kind: 'insurer',
      name: 'Prairie Health Appeals',
      fax: '555-12',
    });
    expect(fax).toMatchObject({ code: 'invalid-input', field: 'fax' });
    const contact = await ok(engine, 'contacts.create', {
      kind: 'insurer',
      name: 'Prairie Health Appeals',
      fax: '1 800 555 0199',
    });
    expect(contact.fax).toBe('(800) 555-0199');
  });

  it('imports an older exchange file with values the checks refuse, kept as written', async () => {
    const engine = tempEngine();
    const result = await ok(engine, 'exchange.import', {
      format: 'advocate-desk/case-exchange',
      version: 1,
      client: {
        firstName: 'Ana',
        lastName: 'Reyes',
        phone: 'ask for Ana',
        postalCode: '627011234',
      },
      cases: [
        { requestedTreatment: 'TMS', treatmentCodes: '90867 x36', providerFax: '555.987.6543' },
      ],
    });
    expect(result.warnings).toEqual([
      'client.phone: Phone "ask for Ana" is not in a form the app accepts today. Kept as written.',
      'cases[0].treatmentCodes: CPT/HCPCS codes "90867 x36" is not in a form the app accepts today. Kept as written.',
    ]);
    const detail = await ok(engine, 'cases.get', { id: result.caseIds[0]! });
    expect(detail.client).toMatchObject({ phone: 'ask for Ana', postalCode: '62701-1234' });
    expect(detail.case).toMatchObject({
      treatmentCodes: '90867 x36',
      providerFax: '(555) 987-6543',
    });
  });
});
