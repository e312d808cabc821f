// The exchange format as JSON Schema, for people and tools outside the app.
import { z } from 'zod';
import { exchangeFile } from './exchange';

export function exchangeJsonSchema(): object {
  return {
    ...z.toJSONSchema(exchangeFile, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://advocate-desk.invalid/schemas/case-exchange-v2.json',
    title: 'Advocate Desk case exchange file, version 2 (version 1 files are read too)',
    description:
      'One client with their cases and every related record. Dates are YYYY-MM-DD; the dates of a diagnosis, a treatment and a score may be a month (YYYY-MM) or a year (YYYY) when the record says no more. Documents carry their bytes in base64.',
  };
}
