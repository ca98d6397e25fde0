import type { EntityKind, Topic } from '../shared/dataset';
import { t, uiLocale } from './i18n';

const KIND_LABELS: Record<EntityKind, () => string> = {
  model: () => t('kindModel'),
  'model-family': () => t('kindModelFamily'),
  company: () => t('kindCompany'),
  organisation: () => t('kindOrganisation'),
  person: () => t('kindPerson'),
  project: () => t('kindProject'),
  event: () => t('kindEvent'),
  publication: () => t('kindPublication'),
};

export function kindLabel(kind: EntityKind): string {
  return KIND_LABELS[kind]();
}

const TOPIC_LABELS: Record<Topic, () => string> = {
  llama: () => t('topicLlama'),
  meta: () => t('topicMeta'),
  'hugging-face': () => t('topicHuggingFace'),
};

export function topicLabel(topic: Topic): string {
  return TOPIC_LABELS[topic]();
}

/** A month ("2023-03") as the UI's language names it, with its year. */
export function formatMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  if (!y || !m) return isoMonth;
  return new Intl.DateTimeFormat(uiLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A count as the UI's language writes it (2,000 · 2.000 · 2 000). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLocale()).format(n);
}

/** ISO dates as the UI's language writes them; month-only dates stay month-only. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m) return iso;
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return new Intl.DateTimeFormat(uiLocale(), {
    year: 'numeric',
    month: 'short',
    ...(d ? { day: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(date);
}

/** Source links are https only (the build refuses anything else); this is the last guard before an href. */
export function safeHref(url: string): string | undefined {
  try {
    return new URL(url).protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
