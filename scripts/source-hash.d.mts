/** See source-hash.mjs: the build inputs under `root`, as one hex SHA-256. */
export function sourceHash(root: string): string;
