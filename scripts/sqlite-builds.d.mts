// Types for sqlite-builds.mjs (tests import it).
export declare const nodeBinding: (root: string) => string;
export declare const electronSqliteDir: (root: string, electronVersion: string) => string;
export declare const electronBinding: (root: string, electronVersion: string) => string;
export declare const nodeBindingKeep: (root: string, nodeAbi: string) => string;
