// ICD-10-CM codes, described from the shipped vocabulary or else by the words beside them.
import type { Proposal } from '../../contract/facts';
import { linesOf } from './text';
import { vocabulary } from './vocabulary';

export function diagnoses(text: string, out: Proposal[]) {
  const { icd10 } = vocabulary();
  const code = /\b([A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})\b/g;
  for (const line of linesOf(text)) {
    for (const m of line.text.matchAll(code)) {
      const icd10Code = m[1]!.toUpperCase();
      // Describe it from the vocabulary, else from the words around it on its line.
      const around = line.text
        .replace(m[0], '')
        .replace(/[()[\]:;,-]+\s*$|^\s*[()[\]:;,-]+/g, '')
        .replace(/\(\s*\)/g, '')
        .trim();
      const description =
        icd10.get(icd10Code) ?? (around.length > 3 && around.length < 160 ? around : null);
      out.push({
        kind: 'diagnosis',
        values: { icd10Code, description },
        start: line.start,
        end: line.start + line.text.length,
      });
    }
  }
}
