// How much a Word file may ask of the machine before it is refused as too large or hostile.

export const IMPORT_LIMITS = {
  /** Largest file accepted. Clinical notes and denials are kilobytes; scans inside .docx, a few MB. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Largest total the zip may inflate to. */
  maxUnzippedBytes: 250 * 1024 * 1024,
  /** Most entries in the zip. */
  maxEntries: 5000,
  /** Largest size one part of the zip may inflate to. */
  maxPartBytes: 100 * 1024 * 1024,
  /** Largest inflate ratio of any entry (a zip bomb compresses at thousands to one). */
  maxRatio: 200,
  /** Longest a conversion may run before it is stopped. */
  timeoutMs: 30_000,
  /**
   * Longest a file that may need OCR (a PDF, which may be a scan, or a picture) may take: OCR
   * reads a page in a few seconds, and a file has at most 50 scanned pages (worker/scan.mjs).
   */
  ocrTimeoutMs: 300_000,
  /** Heap the converting worker may use. */
  workerHeapMb: 512,
} as const;

export const MB = 1024 * 1024;

/** The time limit for converting one file of `format`: longer for those OCR may read. */
export function conversionTimeMs(format: string): number {
  return format === 'docx' || format === 'doc'
    ? IMPORT_LIMITS.timeoutMs
    : IMPORT_LIMITS.ocrTimeoutMs;
}

/** The same limits as bounded-unzip reads them; a ratio is judged only on parts over 1 MB. */
export const DOCX_UNZIP_LIMITS = {
  maxEntries: IMPORT_LIMITS.maxEntries,
  maxEntryBytes: IMPORT_LIMITS.maxPartBytes,
  maxTotalBytes: IMPORT_LIMITS.maxUnzippedBytes,
  maxRatio: IMPORT_LIMITS.maxRatio,
  ratioFromBytes: MB,
};
