// Lists come a page at a time: no answer carries thousands of rows. A page says how many there
// are in all, so a list can show "50 of 1,234" and offer more.
import { z } from 'zod';

/** The most rows one answer carries. */
export const MAX_PAGE = 1000;

/** `limit` (rows wanted, `size` unless said) and `offset` (rows skipped) of a paged call. */
export const pageArgs = (size: number) => ({
  limit: z.number().int().min(1).max(MAX_PAGE).default(size),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

export interface Page<T> {
  /** How many rows there are in all (beyond this page too). */
  total: number;
  items: T[];
}
