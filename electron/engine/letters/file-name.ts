// File names for what the app writes: safe on every system, and saying what the file is.
import { LETTER_KIND } from '../../contract/letter';
import type { LetterKind } from '../../contract/letter';

/** Words as a file name: only letters, digits and plain punctuation, at most 150 characters. */
export function safeFileName(words: string, extension: string): string {
  return `${words
    .replace(/[^\p{L}\p{N} ,.'()-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150)}.${extension}`;
}

/** "Internal appeal - Maria Okonkwo - 2026-12-05.docx". */
export function letterFileName(kind: LetterKind, clientName: string, date: string): string {
  return safeFileName(`${LETTER_KIND.labels[kind]} - ${clientName} - ${date}`, 'docx');
}
