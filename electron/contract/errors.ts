// Errors that cross every front door as plain data, so the UI and the CLI can act on them.

/** What went wrong, in a form the UI can branch on. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unknown-call'
  | 'database-too-new'
  | 'database-unreadable'
  | 'database-damaged'
  | 'backup-unusable'
  | 'database-missing'
  | 'busy'
  | 'library-in-use'
  | 'library-replaced'
  | 'disk-full'
  | 'unauthorized'
  | 'internal';

/** The serialisable error every door returns. `field` names the bad input, when there is one. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** Every call's answer, whichever door carried it. */
export type ApiReply<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error raised on purpose by the engine: its message is written for the person using the app. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  toJSON(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

/** Rebuilds an AppError on the client side of a door, so callers can `catch` one type. */
export function toAppError(error: ApiError): AppError {
  return new AppError(error.code, error.message, error.field);
}
