/** "…and N more" under a list of claims that shows only the first of them (the popover's, the popup's). */
import type { FirstOf } from '../shared/claims';
import { formatNumber } from './format';
import { t } from './i18n';

export function MoreCount({ of, class: className }: { of: FirstOf<unknown>; class: string }) {
  const more = of.total - of.first.length;
  return more > 0 ? <p class={className}>{t('claimsOnPageMore', formatNumber(more))}</p> : null;
}
