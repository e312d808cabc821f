// Writes docs/case-exchange.schema.json from the contract's schema: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { exchangeJsonSchema } from '../electron/contract/exchange-json-schema';

writeFileSync(
  'docs/case-exchange.schema.json',
  `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`,
);
