// Anything thrown, as an error a person can act on.
import { ZodError } from 'zod';
import type { ApiError } from '../../contract/errors';
import { AppError } from '../../contract/errors';
import { describeZodError } from './zod-error';

/** Turns anything thrown into an error a person can act on. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toJSON();
  if (error instanceof ZodError) return describeZodError(error);
  if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return {
      code: 'not-found',
      message: 'This refers to a record that no longer exists (it may have been deleted).',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Advocate Desk hit an unexpected problem: ${message}` };
}
