/**
 * The settings module against an in-memory browser.storage that enforces Chrome's storage.sync
 * quotas the way Chrome does: a `set` that would break one is refused whole.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** chrome.storage.sync's quotas (Firefox's are the same). */
const SYNC_QUOTA = { QUOTA_BYTES: 102_400, QUOTA_BYTES_PER_ITEM: 8_192, MAX_ITEMS: 512 };

type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

class FakeArea {
  data = new Map<string, string>();
  writes = 0;
  /** Refuse every write from now on (a broken or rate-limited area). */
  failWrites: Error | null = null;

  constructor(
    private readonly name: string,
    private readonly quota: typeof SYNC_QUOTA | null,
    private readonly listeners: Set<Listener>,
  ) {}

  static itemBytes(key: string, json: string): number {
    return new TextEncoder().encode(key).length + new TextEncoder().encode(json).length;
  }

  bytesInUse(): number {
    let total = 0;
    for (const [k, json] of this.data) total += FakeArea.itemBytes(k, json);
    return total;
  }

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const json = this.data.get(k);
      if (json !== undefined) out[k] = JSON.parse(json);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    const next = new Map(this.data);
    for (const [k, value] of Object.entries(items)) {
      const json = JSON.stringify(value);
      if (this.quota && FakeArea.itemBytes(k, json) > this.quota.QUOTA_BYTES_PER_ITEM) {
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      next.set(k, json);
    }
    if (this.quota) {
      let total = 0;
      for (const [k, json] of next) total += FakeArea.itemBytes(k, json);
      if (total > this.quota.QUOTA_BYTES) throw new Error('QUOTA_BYTES quota exceeded');
      if (next.size > this.quota.MAX_ITEMS) throw new Error('MAX_ITEMS quota exceeded');
    }
    const changes = Object.fromEntries(Object.entries(items).map(([k, value]) => [k, { newValue: value }]));
    this.data = next;
    this.writes++;
    this.emit(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    if (this.failWrites) throw this.failWrites;
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (this.data.delete(k)) changes[k] = {};
    }
    if (Object.keys(changes).length) this.emit(changes);
  }

  private emit(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
    for (const l of this.listeners) l(changes, this.name);
  }
}

const listeners = new Set<Listener>();
const storage = {
  sync: undefined as FakeArea | undefined,
  local: new FakeArea('local', null, listeners),
  onChanged: {
    addListener: (l: Listener) => listeners.add(l),
    removeListener: (l: Listener) => listeners.delete(l),
  },
};

vi.mock('../../src/shared/webext', () => ({ browser: { storage } }));

const {
  DEFAULT_SETTINGS,
  decodeSites,
  encodeSites,
  isActiveOn,
  loadSettings,
  loadSettingsWithArea,
  migrateSettings,
  onSettingsChanged,
  parseSiteInput,
  saveSettings,
  withSite,
} = await import('../../src/shared/settings');
const { createHandlers } = await import('../../src/background/handlers');
const { dispatcher } = await import('../../src/shared/dispatch');
const { backgroundRequests } = await import('../../src/shared/messages');
type Settings = import('../../src/shared/settings').Settings;

function resetStorage(withSync = true): void {
  listeners.clear();
  storage.sync = withSync ? new FakeArea('sync', SYNC_QUOTA, listeners) : undefined;
  storage.local = new FakeArea('local', null, listeners);
}

/** A deterministic PRNG, so a failure is reproducible. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const WORDS = ('news times daily tech blog shop store cloud data media world city online home net web info guide review '
  + 'market health travel food sport game music photo video book school learn code dev open free best top my the '
  + 'green blue red north south east west star sun moon river lake hill forest stone iron gold silver alpha beta').split(' ');
const TLDS = ['com', 'com', 'com', 'com', 'org', 'net', 'de', 'co.uk', 'io', 'fr', 'jp', 'com.br', 'info', 'dev', 'ru', 'nl'];
const SUBDOMAINS = ['www.', 'www.', 'www.', '', '', '', 'blog.', 'news.', 'm.', 'en.', 'docs.', 'shop.'];

/** Hostnames shaped like real ones: word compounds, some digits, common subdomains and TLDs. */
function realisticSites(n: number, seed = 1): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out = new Set<string>();
  while (out.size < n) {
    const words = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick(WORDS));
    const name = words.join(rnd() < 0.2 ? '-' : '') + (rnd() < 0.15 ? String(Math.floor(rnd() * 1000)) : '');
    out.add(`${pick(SUBDOMAINS)}${name}.${pick(TLDS)}`);
  }
  return [...out];
}

/** Hostnames that do not compress: random letters, as long as real long ones. */
function randomSites(n: number, seed = 2): string[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => {
    const label = Array.from({ length: 30 }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join('');
    return `${label}${i}.example`;
  });
}

const sorted = (xs: readonly string[]) => [...xs].sort();

beforeEach(() => resetStorage());

describe('defaults and migration', () => {
  it('reads the defaults from empty storage', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect((await loadSettingsWithArea()).sitesArea).toBe('sync');
  });

  it('repairs a damaged record field by field, keeping what is valid', () => {
    const s = migrateSettings({
      enabled: false,
      mode: 'sometimes',
      sites: ['Example.COM ', 42, 'bad site', 'example.com', 'ok.org', '', 'a/b'],
      topics: { llama: false, meta: 'yes' },
      markStyle: 'neon',
      markDensity: 'some',
      hoverDelayMs: 5,
      claimCheck: false,
      claimMarksSupported: 'sometimes',
      extra: { anything: true },
    });
    expect(s).toEqual({
      enabled: false,
      mode: 'all-except',
      sites: ['example.com', 'ok.org'],
      topics: { llama: false, meta: true, 'hugging-face': true },
      markStyle: 'underline',
      markDensity: DEFAULT_SETTINGS.markDensity,
      hoverDelayMs: DEFAULT_SETTINGS.hoverDelayMs,
      claimCheck: false,
      claimMarksSupported: false,
    });
  });

  it('turns anything that is not a record into the defaults', () => {
    for (const raw of [null, undefined, 'settings', 7, [], { sites: 'a.com', topics: null }]) {
      expect(migrateSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('migrates the version 1 layout (JSON arrays in the chunks) and rewrites it as version 2', async () => {
    await storage.sync!.set({
      settings: { v: 1, enabled: false, mode: 'only', topics: { llama: true, meta: false, 'hugging-face': true }, markStyle: 'background', hoverDelayMs: 500, siteChunks: 2, sitesArea: 'sync' },
      'sites.0': ['a.com', 'b.org'],
      'sites.1': ['c.net'],
    });
    const s = await loadSettings();
    expect(s).toMatchObject({ enabled: false, mode: 'only', markStyle: 'background', hoverDelayMs: 500, sites: ['a.com', 'b.org', 'c.net'] });
    expect(s.topics.meta).toBe(false);
    await saveSettings(s);
    const { settings: stored } = await storage.sync!.get('settings');
    expect(stored).toMatchObject({ v: 2, siteChunks: 1 });
    expect(typeof (await storage.sync!.get('sites.0'))['sites.0']).toBe('string');
    expect(await storage.sync!.get('sites.1')).toEqual({});
    expect(await loadSettings()).toEqual(s);
  });

  it('keeps the other settings when the stored site list is damaged', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await storage.sync!.set({ settings: { v: 2, enabled: false, siteChunks: 1, sitesArea: 'sync', savedAt: 1 }, 'sites.0': 'not base64 deflate!' });
    const s = await loadSettings();
    expect(s.enabled).toBe(false);
    expect(s.sites).toEqual([]);
  });
});

describe('sites and modes', () => {
  const base: Settings = { ...DEFAULT_SETTINGS, sites: ['a.com'] };

  it('runs everywhere but the listed sites in all-except mode', () => {
    expect(isActiveOn(base, 'a.com')).toBe(false);
    expect(isActiveOn(base, 'b.com')).toBe(true);
    const off = withSite(base, 'b.com', false);
    expect(off.sites).toEqual(['a.com', 'b.com']);
    expect(isActiveOn(off, 'b.com')).toBe(false);
    const on = withSite(off, 'a.com', true);
    expect(on.sites).toEqual(['b.com']);
    expect(isActiveOn(on, 'a.com')).toBe(true);
    expect(withSite(on, 'b.com', false).sites).toEqual(['b.com']);
  });

  it('runs only on the listed sites in only mode', () => {
    const only: Settings = { ...base, mode: 'only' };
    expect(isActiveOn(only, 'a.com')).toBe(true);
    expect(isActiveOn(only, 'b.com')).toBe(false);
    const on = withSite(only, 'b.com', true);
    expect(on.sites).toEqual(['a.com', 'b.com']);
    expect(isActiveOn(on, 'b.com')).toBe(true);
    expect(withSite(on, 'a.com', false).sites).toEqual(['b.com']);
  });

  it('is off everywhere when the global switch is off', () => {
    expect(isActiveOn({ ...base, enabled: false }, 'b.com')).toBe(false);
    expect(isActiveOn({ ...base, mode: 'only', enabled: false }, 'a.com')).toBe(false);
  });

  it('reads a typed or pasted site as its site key', () => {
    expect(parseSiteInput(' Example.COM ')).toBe('example.com');
    expect(parseSiteInput('https://news.example.org/a/b?c')).toBe('news.example.org');
    expect(parseSiteInput('example.org/path')).toBe('example.org');
    expect(parseSiteInput('')).toBeNull();
    expect(parseSiteInput('not a site')).toBeNull();
  });
});

describe('storage and quotas', () => {
  it('round-trips every setting', async () => {
    const s: Settings = { enabled: false, mode: 'only', sites: ['b.org', 'a.com'], topics: { llama: true, meta: false, 'hugging-face': false }, markStyle: 'background', markDensity: 'page', hoverDelayMs: 800, claimCheck: false, claimMarksSupported: true };
    expect(await saveSettings(s)).toEqual({ sitesArea: 'sync' });
    expect(await loadSettings()).toEqual({ ...s, sites: ['a.com', 'b.org'] });
  });

  it('encodes a list losslessly', async () => {
    const sites = realisticSites(300);
    expect(await decodeSites(await encodeSites(sites))).toEqual(sorted(sites));
    expect(await decodeSites('')).toEqual([]);
  });

  it('keeps 5,000 sites in storage.sync within its quotas', async () => {
    const sites = realisticSites(5_000);
    const rawBytes = new TextEncoder().encode(JSON.stringify(sites)).length;
    expect(rawBytes).toBeGreaterThan(SYNC_QUOTA.QUOTA_BYTES); // as a plain array it would not fit
    expect(await saveSettings({ ...DEFAULT_SETTINGS, sites })).toEqual({ sitesArea: 'sync' });
    const sync = storage.sync!;
    const perItem = Math.max(...[...sync.data].map(([k, json]) => FakeArea.itemBytes(k, json)));
    const used = sync.bytesInUse();
    console.log(
      `5,000 sites (avg ${(sites.join('').length / sites.length).toFixed(1)} chars, ${rawBytes} B as JSON): storage.sync, ` +
        `${used} B in ${sync.data.size} items (largest ${perItem} B) of ${SYNC_QUOTA.QUOTA_BYTES} B`,
    );
    expect(used).toBeLessThanOrEqual(SYNC_QUOTA.QUOTA_BYTES);
    expect(storage.local.data.size).toBe(0);
    const loaded = await loadSettingsWithArea();
    expect(loaded.sitesArea).toBe('sync');
    expect(loaded.settings.sites).toEqual(sorted(sites));
  });

  it('moves a list that does not fit to storage.local, then back when it fits again', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['kept.example'] });
    const big = randomSites(5_000);
    expect(await saveSettings({ ...DEFAULT_SETTINGS, sites: big })).toEqual({ sitesArea: 'local' });
    console.log(`5,000 incompressible sites: storage.local, ${storage.local.bytesInUse()} B; storage.sync keeps ${storage.sync!.bytesInUse()} B`);
    const loaded = await loadSettingsWithArea();
    expect(loaded.sitesArea).toBe('local');
    expect(loaded.settings.sites).toEqual(sorted(big));
    // The pointer stays in sync; the old sync chunk is gone.
    expect([...storage.sync!.data.keys()]).toEqual(['settings']);

    expect(await saveSettings({ ...DEFAULT_SETTINGS, sites: ['small.example'] })).toEqual({ sitesArea: 'sync' });
    expect(await loadSettingsWithArea()).toEqual({ settings: { ...DEFAULT_SETTINGS, sites: ['small.example'] }, sitesArea: 'sync' });
    expect([...storage.local.data.keys()]).toEqual([]);
  });

  it('never loses the saved list when no area takes a write', async () => {
    const before: Settings = { ...DEFAULT_SETTINGS, sites: realisticSites(50) };
    await saveSettings(before);
    storage.sync!.failWrites = new Error('QUOTA_BYTES quota exceeded');
    storage.local.failWrites = new Error('QUOTA_BYTES quota exceeded');
    await expect(saveSettings({ ...before, sites: randomSites(5_000) })).rejects.toThrow(/quota/);
    expect(await loadSettings()).toEqual({ ...before, sites: sorted(before.sites) });
  });

  it('keeps the newer settings in storage.local when storage.sync refuses even the pointer', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['old.example'] });
    storage.sync!.failWrites = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    const next: Settings = { ...DEFAULT_SETTINGS, enabled: false, sites: ['new.example'] };
    expect(await saveSettings(next)).toEqual({ sitesArea: 'local' });
    expect(await loadSettings()).toEqual(next);
    storage.sync!.failWrites = null;
    const later: Settings = { ...next, enabled: true };
    expect(await saveSettings(later)).toEqual({ sitesArea: 'sync' });
    expect(await loadSettings()).toEqual(later);
    expect([...storage.local.data.keys()]).toEqual([]);
  });

  it('works with storage.local alone where storage.sync does not exist', async () => {
    resetStorage(false);
    const s: Settings = { ...DEFAULT_SETTINGS, mode: 'only', sites: ['a.com'] };
    await saveSettings(s);
    expect(await loadSettings()).toEqual(s);
    expect(storage.local.data.has('settings')).toBe(true);
  });

  it('tells listeners about every change', async () => {
    const seen: Settings[] = [];
    const stop = onSettingsChanged((s) => seen.push(s));
    await saveSettings({ ...DEFAULT_SETTINGS, sites: ['a.com'] });
    await vi.waitFor(() => expect(seen.at(-1)?.sites).toEqual(['a.com']));
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('the background, the one writer', () => {
  const OUR_ID = 'llama-leak-lens@example.org';
  const answer = () =>
    dispatcher(
      backgroundRequests,
      createHandlers({
        data: new Promise(() => undefined),
        openEntry: async () => undefined,
        injectLens: async () => undefined,
        notesChanged: async () => undefined,
      }),
      OUR_ID,
    );

  it('saves one request after another, so two at once cannot undo each other', async () => {
    const send = answer();
    const replies = await Promise.all(
      ['https://a.com/x', 'https://b.org/y', 'https://c.net/'].map((url) => send({ type: 'site/set', payload: { on: false } }, { id: OUR_ID, url })),
    );
    expect(replies).toEqual(Array(3).fill({ ok: true, value: null }));
    expect((await loadSettings()).sites.sort()).toEqual(['a.com', 'b.org', 'c.net']);
  });

  it('saves whole settings sent with settings/save, and refuses a bad field without writing', async () => {
    const send = answer();
    const next: Settings = { ...DEFAULT_SETTINGS, mode: 'only', sites: ['a.com'], hoverDelayMs: 500 };
    expect(await send({ type: 'settings/save', payload: { settings: next } }, { id: OUR_ID })).toEqual({ ok: true, value: { sitesArea: 'sync' } });
    expect(await loadSettings()).toEqual(next);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = await send({ type: 'settings/save', payload: { settings: { ...next, hoverDelayMs: 5 } } }, { id: OUR_ID });
    expect(bad).toEqual({ ok: false, error: 'bad settings/save request at settings.hoverDelayMs: not an allowed hover delay' });
    expect(await loadSettings()).toEqual(next);
    vi.restoreAllMocks();
  });
});

