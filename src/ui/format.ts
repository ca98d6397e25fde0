import type { EntityKind, Topic } from '../shared/dataset';
import { t, type MessageKey } from './i18n';

const KIND_KEYS: Record<EntityKind, MessageKey> = {
  model: 'kindModel',
  'model-family': 'kindModelFamily',
  company: 'kindCompany',
  organisation: 'kindOrganisation',
  person: 'kindPerson',
  project: 'kindProject',
  event: 'kindEvent',
  publication: 'kindPublication',
};

export function kindLabel(kind: EntityKind): string {
  return t(KIND_KEYS[kind]);
}

const TOPIC_KEYS: Record<Topic, MessageKey> = { llama: 'topicLlama', meta: 'topicMeta', 'hugging-face': 'topicHuggingFace' };

export function topicLabel(topic: Topic): string {
  return t(TOPIC_KEYS[topic]);
}

/** A month ("2023-03") as the reader's locale names it, with its year. */
export function formatMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split('-').map(Number);
  if (!y || !m) return isoMonth;
  return new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** ISO dates as the reader's locale writes them; month-only dates stay month-only. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m) return iso;
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  return new Intl.DateTimeFormat(undefined, {
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
