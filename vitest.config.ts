import { defineConfig } from 'vitest/config';
import path from 'node:path';
import { datasetVersion } from './scripts/data-folder';

const DATA = path.resolve('src/data');

export default defineConfig({
  resolve: { alias: { '@data': DATA } },
  plugins: [
    {
      // The same content hash the build gives the bundle (scripts/build.ts).
      name: 'dataset-version',
      resolveId: (id) => (id === 'virtual:dataset-version' ? '\0dataset-version' : undefined),
      load: (id) => (id === '\0dataset-version' ? `export default ${JSON.stringify(datasetVersion(DATA))};` : undefined),
    },
  ],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
