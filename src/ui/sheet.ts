/**
 * A constructable stylesheet from CSS text. Every surface styles itself this way: adopted sheets
 * add no node and are not blocked by a page's style-src CSP (the popover lives on such pages).
 */
export function sheetOf(...css: string[]): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css.join('\n'));
  return sheet;
}
