/**
 * Stands in for the WebExtension API in the bench bundle, which runs in a plain page. The Lens only
 * messages the background after a scan (to fetch entity data for popovers), so answering "no
 * entities" leaves the measured marking path untouched. scripts/bench.ts injects this file first
 * (esbuild `inject`), so `browser` exists before src/shared/webext.ts reads it.
 */
const stub = {
  runtime: {
    id: 'bench',
    sendMessage: (): Promise<unknown> => Promise.resolve({ ok: true, value: { entities: [] } }),
    onMessage: { addListener: (): void => undefined },
  },
  i18n: { getMessage: (): string => '' },
  storage: { onChanged: { addListener: (): void => undefined } },
};
(globalThis as { browser?: unknown }).browser ??= stub;

export default stub;
