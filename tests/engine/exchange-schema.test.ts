// The published JSON Schema must describe the format the app actually reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exchangeJsonSchema } from '../../electron/contract/exchange-json-schema';

describe('docs/case-exchange.schema.json', () => {
  it('is the schema generated from the contract (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(readFileSync('docs/case-exchange.schema.json', 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(exchangeJsonSchema())));
  });

  it('requires the client, the cases and the fields people must fill in', () => {
    const schema = exchangeJsonSchema() as {
      required: string[];
      properties: { client: { required: string[] }; cases: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(
      expect.arrayContaining(['format', 'version', 'client', 'cases']),
    );
    expect(schema.properties.client.required).toEqual(
      expect.arrayContaining(['firstName', 'lastName']),
    );
    expect(schema.properties.cases.items.required).toContain('requestedTreatment');
  });
});
