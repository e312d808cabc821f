// Proposes structured facts from a document's plain text. Recognizes things by their shape and
// by shipped vocabularies, not by the layout of any one form: labelled values in any layout
// (fields.ts), code patterns (ICD-10-CM, CPT, HCPCS, NPI, CARC), drug and therapy names, scores
// by instrument, and what the sentence around a mention says of it (negated, planned, requested).
import type { Proposal } from '../../contract/facts';
import { assessments } from './assessments';
import { client } from './client';
import { denial } from './denial';
import { foldDenial } from './denial-notice';
import { diagnoses } from './diagnoses';
import { identifiers } from './identifiers';
import { insurer } from './insurer';
import { procedureCodes } from './procedure-codes';
import { providers } from './providers';
import { request } from './request';
import { treatments } from './treatments';

/** Every fact the text suggests, in order of where it appears; duplicates removed. */
export function proposeFacts(text: string): Proposal[] {
  const out: Proposal[] = [];
  client(text, out);
  const requested = request(text, out);
  diagnoses(text, out);
  identifiers(text, out);
  insurer(text, out);
  providers(text, out);
  const taken = out
    .filter((p) => p.kind === 'identifier')
    .map((p): [number, number] => [p.start, p.end]);
  const codes = procedureCodes(text, out, taken);
  treatments(text, out, {
    requested: requested.names,
    servicePassages: [...codes, ...requested.passages],
  });
  assessments(text, out);
  denial(text, out);
  // A notice's separate denial facts become one denial, as Record denial records it.
  foldDenial(text, out);
  const seen = new Set<string>();
  return out
    .filter((p) => {
      const key = `${p.kind}:${JSON.stringify(p.values)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start);
}
