/** Where in the checked value a valibot issue is, as a dotted path ('' for the value itself): every error message names the place this way. */
import type * as v from 'valibot';

export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}
