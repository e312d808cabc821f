// Types for sqlite-builds.mjs (tests import it).
export declare const nodeBinding: (root: string) => string;
export declare const electronSqliteDir: (root: string, electronVersion: string) => string;
export declare const electronBinding: (root: string, electronVersion: string) => string;
export declare const nodeBuildDir: (root: string) => string;
export declare const nodeBuildKeep: (root: string, nodeAbi: string) => string;
export declare function withNodeBuildKept<T>(
  root: string,
  nodeAbi: string,
  loadsInNode: () => boolean,
  build: () => T,
): T;
