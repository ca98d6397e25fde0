/** The bundled dataset's content hash, provided at build time (scripts/build.ts) and in unit tests (vitest.config.ts). */
declare module 'virtual:dataset-version' {
  const version: string;
  export default version;
}

/** The case-folded first letters of every bundled alias (src/matcher/prefixes.ts), provided at build time. */
declare module 'virtual:alias-prefixes' {
  const prefixes: string[];
  export default prefixes;
}
