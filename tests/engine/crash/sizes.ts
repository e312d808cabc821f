// Sizes shared by the crash worker and the crash-safety test (the worker runs as its own process).

/** Clients in the archive the archive-import operation imports. */
export const ARCHIVE_CLIENTS = 4;
