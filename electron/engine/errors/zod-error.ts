// Says which field was wrong and why, in words, from a schema's validation error.
import type { ZodError } from 'zod';
import type { ApiError } from '../../contract/errors';
import { fieldLabel } from '../../contract/labels';

/** ['cases', 0, 'diagnoses', 1, 'icd10Code'] → "cases[0].diagnoses[1].icd10Code" */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`))
    .join('');
}

export function describeZodError(error: ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid-input', message: 'The input was not valid.' };
  const field = fieldPath(issue.path);
  // A form's fields arrive alone or under `values`; name those as the form labels them.
  const own = issue.path[0] === 'values' ? issue.path.slice(1) : issue.path;
  const name = own.length === 1 ? fieldLabel(String(own[0])) : field;
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  const message = field ? `${name} ${issue.message}${more}` : `${issue.message}${more}`;
  return field ? { code: 'invalid-input', message, field } : { code: 'invalid-input', message };
}
