// Types for cli-bundle.mjs (plain JavaScript, so the command starts without a TypeScript loader).

/** The URL of the CLI bundle's entry module, built if needed; null where it cannot be built. */
export function cliBundle(options?: { sources?: string; cache?: string }): Promise<string | null>;
