// A fact proposed from a document: what it is, its values, and where in the text it was found.

export type FactKind =
  | 'client'
  | 'request'
  | 'diagnosis'
  | 'treatment'
  | 'assessment'
  | 'identifier'
  | 'provider'
  | 'procedure-code'
  | 'denial';

export interface Proposal {
  kind: FactKind;
  /** The values to fill in, named as the case's fields are (icd10Code, memberId, dose...). */
  values: Record<string, string | number | null>;
  /** The passage it came from, as offsets into the document's text, for highlighting. */
  start: number;
  end: number;
}
