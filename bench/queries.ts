// Two hundred searches as advocates type them: surnames, full names, member IDs, drugs, a name
// with a drug, common words of every record, codes, and the first letters of a word mid-typing.
import { DRUGS, random } from './library';
import type { LibraryFacts } from './library';

export interface BenchQuery {
  kind: string;
  query: string;
}

const COMMON = [
  'prior authorization',
  'patient',
  'medical necessity',
  'denied',
  'ketamine',
  'depression',
  'appeal',
  'treatment resistant',
  'external review',
  'side effects',
];
const CODES = ['F33.2', 'F41.1', 'F43.10', 'TMS', 'esketamine', 'J3490', 'G89.4', 'Spravato'];
const TYPING = ['Pol', 'Esc', 'keta', 'Ser', 'Okon', 'Bren', 'Dulo', 'appe', 'Ma', 'Fl'];

export function benchQueries(facts: LibraryFacts): BenchQuery[] {
  const r = random(4242);
  const name = () => r.pick(facts.names);
  const out: BenchQuery[] = [];
  const add = (kind: string, n: number, make: () => string) => {
    for (let i = 0; i < n; i++) out.push({ kind, query: make() });
  };
  add('surname', 40, () => name()[1]);
  add('full name', 30, () => name().join(' '));
  add('member ID', 30, () => r.pick(facts.memberIds));
  add('drug', 20, () => r.pick(DRUGS));
  add('name + drug', 30, () => `${name()[1]} ${r.pick(DRUGS)}`);
  add('common words', 20, () => COMMON[out.length % COMMON.length]!);
  add('code or treatment', 10, () => r.pick(CODES));
  add('typing', 20, () => r.pick(TYPING));
  return out;
}
