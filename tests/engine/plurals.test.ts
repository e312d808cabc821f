// Counts on screen agree with their nouns: "1 case", never "1 cases".
import { describe, expect, it } from 'vitest';
import { counted, nounFor } from '../../renderer/src/lib/format';

describe('counts and their nouns', () => {
  it('says "1 case", "0 cases" and "1,204 cases"', () => {
    expect(counted(1, ['case', 'cases'])).toBe('1 case');
    expect(counted(0, ['case', 'cases'])).toBe('0 cases');
    expect(counted(2, ['letter', 'letters'])).toBe('2 letters');
    expect(counted(1204, ['document', 'documents'])).toBe('1,204 documents');
  });

  it('leaves a noun that does not change alone', () => {
    expect(nounFor(1, 'overdue')).toBe('overdue');
    expect(nounFor(5, 'due in the next 7 days')).toBe('due in the next 7 days');
  });
});
