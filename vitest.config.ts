import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@data': path.resolve('src/data') } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
