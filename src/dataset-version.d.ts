/** The bundled dataset's content hash, provided at build time (scripts/build.ts) and in unit tests (vitest.config.ts). */
declare module 'virtual:dataset-version' {
  const version: string;
  export default version;
}
