// How exchange files and archives read the fields the app now checks on entry (phone and fax,
// ZIP, CPT/HCPCS codes): normalised when they can be, else kept as written, so a file written
// before the checks (or by another tool) imports without losing what it holds.
import { keptIfUnchecked, normalisePhone, normaliseServiceCodes, normaliseZip } from './fields';

const phone = keptIfUnchecked(normalisePhone, 40);

export const importedCaseFields = {
  treatmentCodes: keptIfUnchecked(normaliseServiceCodes, 200),
  providerPhone: phone,
  providerFax: phone,
};
export const importedClientFields = { phone, postalCode: keptIfUnchecked(normaliseZip, 20) };
export const importedContactFields = { ...importedClientFields, fax: phone };
export const importedProfileFields = importedClientFields;
