// An exchange file's phone, fax, ZIP and CPT/HCPCS values that today's checks would refuse: the
// import keeps them as written, and says so, so the advocate can correct them.
import type { ExchangeFileValues } from '../../contract/exchange';
import { normalisePhone, normaliseServiceCodes, normaliseZip } from '../../contract/fields';
import { fieldLabel } from '../../contract/labels';

const CHECKS: [string, (v: string) => string | null][] = [
  ['phone', normalisePhone],
  ['fax', normalisePhone],
  ['postalCode', normaliseZip],
  ['providerPhone', normalisePhone],
  ['providerFax', normalisePhone],
  ['treatmentCodes', normaliseServiceCodes],
];

export function keptAsWritten(file: ExchangeFileValues): string[] {
  const warnings: string[] = [];
  const check = (at: string, values: Record<string, unknown>) => {
    for (const [field, normalise] of CHECKS) {
      const v = values[field];
      if (typeof v === 'string' && v && normalise(v) === null)
        warnings.push(
          `${at}.${field}: ${fieldLabel(field)} "${v}" is not in a form the app accepts today. Kept as written.`,
        );
    }
  };
  check('client', file.client);
  file.cases.forEach((c, i) => check(`cases[${i}]`, c));
  return warnings;
}
