/** The unit-test config with one matcher rule removed (ABLATE_RULE); used by scripts/ablate.ts. */
import { defineConfig, mergeConfig } from 'vitest/config';
import path from 'node:path';
import base from '../../vitest.config';

export default mergeConfig(base, defineConfig({ root: path.resolve(import.meta.dirname, '../..'), test: { setupFiles: ['test/ablate/remove-rule.ts'] } }));
