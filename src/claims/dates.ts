/**
 * Dates as people write them, in English and German: "March 3", "3 March 2023", "24. Februar",
 * "Oct. 28", "April 18th, 2024", "2023-02-24", "in 2022", "early March", "Ende Februar", weekdays
 * ("on Saturday", "Donnerstagabend"), and durations from an event ("a week after it was announced").
 * A written date is a span of days; judging it against the truth is interval arithmetic.
 */
import { DURATION_DAYS, MONTHS, MONTH_PARTS, NUMBER_WORDS, WEEKDAYS } from './lexicon';

export interface WrittenDate {
  start: number;
  end: number;
  year?: number;
  month?: number;
  /** First and last day of the month meant: one day, a part of the month, or all of it. */
  days?: [number, number];
  weekday?: number;
  /** "around March 1": the writer allows a few days either way. */
  approx: boolean;
}

export interface WrittenDuration {
  start: number;
  end: number;
  days: [number, number];
  /** "within a week": anything up to the duration. */
  within: boolean;
}

const monthAlt = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** Abbreviated month names ("Feb", "Sept"): a key that another name of the same month starts with. Only these take a full stop of their own. */
const abbreviationAlt = Object.keys(MONTHS)
  .filter((a) => Object.keys(MONTHS).some((b) => b !== a && b.startsWith(a) && MONTHS[b] === MONTHS[a]))
  .join('|');
const partAlt = MONTH_PARTS.map((p) => p.pattern).join('|');
const ORD = String.raw`(?:st|nd|rd|th|\.)?`;
/** After the month only English ordinals: a full stop after "March 3" ends the sentence (German writes the day first, "3. März"). */
const ORD_AFTER_MONTH = String.raw`(?:st|nd|rd|th)?`;
const DATE = new RegExp(
  String.raw`(?<approx>\b(?:around|about|circa|ca\.|etwa|um)\s+)?(?:(?<part>\b(?:${partAlt}))[\s-]+)?` +
    String.raw`(?:(?<dayFirst>\b\d{1,2})${ORD}\s+(?:of\s+)?)?(?<month>\b(?:${monthAlt}))\b(?:(?<=\b(?:${abbreviationAlt}))\.)?` +
    String.raw`(?:\s+(?<day>\d{1,2})${ORD_AFTER_MONTH}(?![\d.,]\d))?(?:,?\s+(?<year>(?:19\d{2}|20[0-3]\d))\b)?`,
  'giu',
);
const ISO = /\b(?<year>(?:19\d{2}|20[0-3]\d))-(?<month>\d{2})-(?<day>\d{2})\b/g;
// Case-blind: the preposition opens many sentences ("In 2019, …").
const YEAR = /\b(?:in|im|of|seit|since|Anfang|Ende|early|late)\s+(?<year>(?:19\d{2}|20[0-3]\d))\b(?![-/.]\d)/gi;
const WEEKDAY = new RegExp(String.raw`\b(?<weekday>${Object.keys(WEEKDAYS).join('|')})(?:abend|morgen|nachmittag|vormittag|nacht)?s?\b`, 'giu');

function monthNumber(word: string): number | undefined {
  const key = Object.keys(MONTHS).find((k) => k.toLowerCase() === word.toLowerCase());
  return key ? MONTHS[key] : undefined;
}

function partDays(part: string): [number, number] | undefined {
  for (const p of MONTH_PARTS) if (new RegExp(`^(?:${p.pattern})$`, 'i').test(part.replace(/-$/, ''))) return p.days;
  for (const p of MONTH_PARTS) if (new RegExp(`^(?:${p.pattern})`, 'i').test(part)) return p.days;
  return undefined;
}

export function findDates(text: string): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const g = m.groups!;
    // Month names are proper nouns: "march" and "may" in lower case are verbs.
    if (g.month![0] !== g.month![0]!.toUpperCase()) continue;
    const month = monthNumber(g.month!);
    if (!month) continue;
    const dayText = g.day ?? g.dayFirst;
    const day = dayText ? Number(dayText) : undefined;
    const year = g.year ? Number(g.year) : undefined;
    // A bare "May" or "March" is too often another word; a month alone needs a day, a year or a part.
    if (day === undefined && year === undefined && !g.part && !/\b(?:in|im|of|since|seit|until|bis|Ende|Anfang|Mitte)\s+$/i.test(text.slice(0, m.index))) {
      if (g.month!.length <= 3) continue;
    }
    if (day !== undefined && (day < 1 || day > 31)) continue;
    const d: WrittenDate = { start: m.index + (g.approx?.length ?? 0), end: m.index + m[0].length, month, approx: Boolean(g.approx) };
    if (year !== undefined) d.year = year;
    if (day !== undefined) d.days = [day, day];
    else if (g.part) {
      const pd = partDays(g.part);
      if (pd) d.days = pd;
    }
    out.push(d);
  }
  for (const m of text.matchAll(ISO)) {
    if (out.some((d) => m.index < d.end && m.index + m[0].length > d.start)) continue;
    const day = Number(m.groups!.day);
    out.push({ start: m.index, end: m.index + m[0].length, year: Number(m.groups!.year), month: Number(m.groups!.month), days: [day, day], approx: false });
  }
  for (const m of text.matchAll(YEAR)) {
    const at = m.index + m[0].length - 4;
    if (out.some((d) => at < d.end && at >= d.start)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, year: Number(m.groups!.year), approx: false });
  }
  // Weekdays join the date next to them ("Saturday, April 5"), or stand alone ("on Friday").
  for (const m of text.matchAll(WEEKDAY)) {
    const weekday = WEEKDAYS[m.groups!.weekday!.toLowerCase()];
    if (weekday === undefined) continue;
    const end = m.index + m[0].length;
    const next = out.find((d) => d.start >= end && /^[\s,]*(?:the\s+)?$/i.test(text.slice(end, d.start)));
    const prev = out.find((d) => d.end <= m.index && /^[\s,]*$/.test(text.slice(d.end, m.index)));
    const joined = next ?? prev;
    if (joined) {
      joined.weekday = weekday;
      joined.start = Math.min(joined.start, m.index);
      joined.end = Math.max(joined.end, end);
    } else out.push({ start: m.index, end, weekday, approx: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

const durationWords = Object.keys(DURATION_DAYS).join('|');
const countWords = Object.keys(NUMBER_WORDS).join('|');
const DURATION = new RegExp(
  String.raw`(?<pre>\b(?:within|in|after|only|just|less than|innerhalb|binnen|nach|nur|knapp)\s+)?(?<hedge>\b(?:about|around|roughly|nearly|almost|etwa|rund|gut)\s+)?` +
    String.raw`(?<count>\b(?:${countWords}|\d+)\s+)(?<unit>(?:${durationWords}))\b(?<post>\s+(?:later|after|afterwards|danach|später|nach|of|von))?`,
  'giu',
);
/** What a duration is counted from must be named: the announcement or the release. */
const ANCHOR = /^[\s,]*(?:(?:after|of|nach|from|since|seit)\s+)?(?:(?:it|they|the model|the weights|LLaMA|es|sie)\s+(?:was|were|had been|wurde|wurden)\s+|(?:the|its|der|seiner|ihrer|dem)\s+)?(?:announc\w*|releas\w*|launch\w*|unveil\w*|Ankündigung|Veröffentlichung|Vorstellung|angekündigt|veröffentlicht|vorgestellt)/i;

/** Durations counted from an announcement or release the sentence names ("a week after it was announced"). */
export function findDurations(text: string): WrittenDuration[] {
  const out: WrittenDuration[] = [];
  for (const m of text.matchAll(DURATION)) {
    const g = m.groups!;
    const pre = g.pre?.trim().toLowerCase();
    const post = g.post?.trim().toLowerCase();
    if (!pre && !post) continue;
    const end = m.index + m[0].length;
    if (!ANCHOR.test(post === 'later' || post === 'später' || post === 'danach' || post === 'afterwards' ? '' : text.slice(end - (post ? g.post!.length : 0)))) continue;
    const countText = g.count!.trim().toLowerCase();
    const count = /^\d+$/.test(countText) ? Number(countText) : NUMBER_WORDS[countText];
    const unit = DURATION_DAYS[g.unit!.toLowerCase()];
    if (count === undefined || !unit) continue;
    let days: [number, number] = [unit[0] * count, unit[1] * count];
    // "a week" is loose: people write it for six to nine days; a hedge widens that further.
    const slack = Math.max(1, Math.round(days[1] * (g.hedge ? 0.35 : 0.25)));
    days = [Math.max(0, days[0] - slack), days[1] + slack];
    const within = pre === 'within' || pre === 'in' || pre === 'innerhalb' || pre === 'binnen' || pre === 'less than';
    if (within) days = [0, days[1]];
    out.push({ start: m.index, end, days, within });
  }
  return out;
}

const MS_DAY = 86_400_000;
function utc(iso: string): number {
  const [y, mo, d] = iso.split('-').map(Number);
  return Date.UTC(y!, (mo ?? 1) - 1, d ?? 1);
}

/**
 * Whether a written date agrees with a true span of days [from, until] (ISO days). A missing year
 * is read as the true one (writers leave out the year the story is about). A weekday alone is a day
 * of the week before the page's date, when that is known ("on Friday" in a story of 10 March is 3
 * March): a true span outside that week is not what it names. Returns undefined when the written
 * date says too little to judge (no weekday, no month), or names a week the truth is not in.
 */
export function dateAgrees(d: WrittenDate, from: string, until: string, pageDate?: string): boolean | undefined {
  const t0 = utc(from);
  const t1 = utc(until);
  const trueYear = Number(from.slice(0, 4));
  if (d.month === undefined && d.year === undefined) {
    if (d.weekday === undefined) return undefined;
    const [weekStart, weekEnd] = pageDate ? [utc(pageDate) - 7 * MS_DAY, utc(pageDate)] : [t0, t1];
    const lo = Math.max(t0, weekStart);
    const hi = Math.min(t1, weekEnd);
    if (lo > hi) return undefined;
    for (let t = lo; t <= hi; t += MS_DAY) if (new Date(t).getUTCDay() === d.weekday) return true;
    return false;
  }
  const year = d.year ?? trueYear;
  let lo: number;
  let hi: number;
  if (d.month === undefined) {
    lo = Date.UTC(year, 0, 1);
    hi = Date.UTC(year, 11, 31);
  } else {
    const last = new Date(Date.UTC(year, d.month, 0)).getUTCDate();
    const [a, b] = d.days ?? [1, last];
    lo = Date.UTC(year, d.month - 1, a);
    hi = Date.UTC(year, d.month - 1, Math.min(b, last));
  }
  if (d.approx) {
    lo -= 3 * MS_DAY;
    hi += 3 * MS_DAY;
  }
  const a = Math.max(lo, t0);
  const b = Math.min(hi, t1);
  if (a > b) return false;
  if (d.weekday === undefined) return true;
  for (let t = a; t <= b; t += MS_DAY) if (new Date(t).getUTCDay() === d.weekday) return true;
  return false;
}

/** Whether every day the written date can mean is after `day`. */
export function allAfter(d: WrittenDate, day: string): boolean {
  return dateAgrees(d, '1970-01-01', day) === false;
}

/** Days between two ISO days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / MS_DAY);
}

/** The written date as an ISO day, when it names one. */
export function isoDay(d: WrittenDate, fallbackYear: number): string | undefined {
  if (d.month === undefined || !d.days || d.days[0] !== d.days[1]) return undefined;
  const y = d.year ?? fallbackYear;
  return `${y}-${String(d.month).padStart(2, '0')}-${String(d.days[0]).padStart(2, '0')}`;
}
