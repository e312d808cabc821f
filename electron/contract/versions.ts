// Edits as partial patches made from a known version: what every update call sends.
import { z } from 'zod';

/** The version of a record an edit was made from (every stored record carries one). */
export const version = z
  .number({ error: 'must say which version of the record the edit was made from' })
  .int()
  .min(0);

type Patch<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<S[K]> };

/**
 * The fields of `shape`, each optional and without its default: only what the user changed is
 * sent, and a field left out stays as it is (the engine merges and checks the whole record).
 */
export function patchOf<S extends z.ZodRawShape>(shape: S): z.ZodObject<Patch<S>> {
  const fields = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => {
      const schema = field as unknown as z.ZodType;
      const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
      return [key, inner.optional()];
    }),
  );
  return z.object(fields) as unknown as z.ZodObject<Patch<S>>;
}

/** What every stored record carries besides its fields. */
export interface Versioned {
  version: number;
}
