// The exchange format as JSON Schema, for people and tools outside the app.
import { z } from 'zod';
import { exchangeFile } from './exchange';

export function exchangeJsonSchema(): object {
  return {
    ...z.toJSONSchema(exchangeFile, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://advocate-desk.invalid/schemas/case-exchange-v1.json',
    title: 'Advocate Desk case exchange file, version 1',
    description:
      'One client with their cases and every related record. Dates are YYYY-MM-DD; documents carry their bytes in base64.',
  };
}
