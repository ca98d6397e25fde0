/**
 * axe-core on the popover. The popover lives in a closed shadow root that axe cannot enter, so the
 * test re-creates it: the exact markup read from the browser (through the driver's closed-root
 * access) under the extension's own stylesheets, in an open shadow root on a blank page of the
 * same browser and colour scheme, where axe can check it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DomNode, TestPage } from './browsers';

const AXE = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
const POPOVER_CSS = ['src/ui/theme.css', 'src/content/popover/popover.css', 'src/ui/card.css']
  .map((f) => readFileSync(path.resolve(f), 'utf8'))
  .join('\n');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(n: DomNode): string {
  if (n.tag === '#text') return escape(n.text);
  const inner = n.children.map(toHtml).join('');
  if (n.tag.startsWith('#')) return inner;
  const attrs = Object.entries(n.attrs)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join('');
  return `<${n.tag}${attrs}>${inner}</${n.tag}>`;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe on `markup` rendered like the popover; returns the violations. */
export async function axePopover(page: TestPage, popoverHost: DomNode): Promise<AxeViolation[]> {
  const shadow = popoverHost.children.find((c) => c.tag.startsWith('#'));
  const markup = (shadow ?? popoverHost).children.map(toHtml).join('');
  if (!markup.includes('role="dialog"')) throw new Error('axePopover: the serialised popover has no dialog; nothing to check');
  return page.evaluate(
    async ({ markup, css, axe }) => {
      document.documentElement.lang = 'en';
      document.title = 'axe check of the popover';
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = markup;
      (0, eval)(axe);
      const a = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
      // The popover, not the blank page around it: page-level rules (one h1, landmarks) do not apply.
      const result = await a.run(host, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
    },
    { markup, css: POPOVER_CSS, axe: AXE },
  );
}
