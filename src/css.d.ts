/** Stylesheets imported into TypeScript arrive as text (esbuild's text loader) for constructable stylesheets. */
declare module '*.css' {
  const text: string;
  export default text;
}
