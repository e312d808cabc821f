// Treating providers, by NPI (checked against its check digit) with the name beside it.
import { isValidNpi } from '../../contract/fields';
import type { Proposal } from '../../contract/facts';
import { linesOf } from './text';

export function providers(text: string, out: Proposal[]) {
  for (const line of linesOf(text)) {
    for (const m of line.text.matchAll(/\bNPI\s*(?:#|number|no\.?)?\s*:?\s*(\d{10})\b/gi)) {
      if (!isValidNpi(m[1]!)) continue;
      const name =
        /(?:Dr\.?\s+)?([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][A-Za-z'-]+),?\s+(?:MD|DO|NP|PMHNP(?:-BC)?|PA-C|PhD|APRN)\b/.exec(
          line.text,
        )?.[0] ?? null;
      out.push({
        kind: 'provider',
        values: { npi: m[1]!, name },
        start: line.start,
        end: line.start + line.text.length,
      });
    }
  }
}
