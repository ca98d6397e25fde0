/**
 * Vitest setup file for scripts/ablate.ts: removes the matcher rule named in ABLATE_RULE before
 * the tests run, so the script can show which tests fail without it.
 */
import { RULES, SURE_RULES } from '../../src/matcher/rules';

const name = process.env.ABLATE_RULE;
const at = RULES.findIndex((r) => r.name === name);
const sureAt = SURE_RULES.findIndex((r) => r.name === name);
if (at >= 0) RULES.splice(at, 1);
else if (sureAt >= 0) SURE_RULES.splice(sureAt, 1);
else throw new Error(`no matcher rule named ${JSON.stringify(name)}`);
