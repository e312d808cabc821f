// Tags on cases and the case list's saved views.
import { z } from 'zod';
import { id } from './fields';
import { version } from './versions';

/** A tag as people type it: a word or two, no commas (they separate tags where typed). */
export const tagText = z
  .string()
  .trim()
  .min(1, { error: 'is empty' })
  .max(40, { error: 'is longer than 40 characters' })
  .refine((t) => !/[,|]/.test(t), { error: 'cannot contain a comma or |' });

/**
 * A case's tags as the editor leaves them. With `from` (the tags the editor started from) only
 * what was added or removed since is applied, so a tag another window or the CLI added meanwhile
 * is kept, never silently dropped; without it the set replaces the case's tags.
 */
export const caseTagsSet = z.object({
  caseId: id,
  tags: z.array(tagText).max(20, { error: 'A case takes at most 20 tags.' }),
  from: z.array(tagText).max(20).optional(),
});

export interface TagCount {
  tag: string;
  cases: number;
}

const viewName = z.string().trim().min(1, { error: 'is required' }).max(80);

export const savedViewCreate = z.object({
  name: viewName,
  /** The case list's address query, e.g. "insurer=Prairie+Health&sort=due". */
  query: z.string().max(2000),
});
export const savedViewRename = z.object({ id, version, name: viewName });

export interface SavedView {
  id: number;
  name: string;
  query: string;
  version: number;
  createdAt: string;
}
