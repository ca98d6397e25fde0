/**
 * Content-script modules in real Chromium and Firefox ESR, without the extension (see
 * harness/suite.ts). Each module's cases live in test/browser/<module>.page.ts.
 */
import { moduleSuites } from './harness/suite';
import { cases as claimLayer } from './claim-layer.page';
import { cases as frameGate } from './frame-gate.page';
import { cases as hitTest } from './hit-test.page';
import { cases as lens } from './lens.page';
import { cases as marks } from './marks.page';
import { cases as markSync } from './mark-sync.page';
import { cases as scan } from './scan.page';
import { cases as textBlocks } from './text-blocks.page';

moduleSuites([
  { module: 'src/content/hit-test.ts', file: 'test/browser/hit-test.page.ts', cases: hitTest },
  { module: 'src/content/marks.ts', file: 'test/browser/marks.page.ts', cases: marks },
  { module: 'src/content/text-blocks.ts', file: 'test/browser/text-blocks.page.ts', cases: textBlocks },
  { module: 'src/content/scan.ts', file: 'test/browser/scan.page.ts', cases: scan },
  { module: 'src/content/mark-sync.ts', file: 'test/browser/mark-sync.page.ts', cases: markSync },
  { module: 'src/content/frame-gate.ts', file: 'test/browser/frame-gate.page.ts', cases: frameGate },
  { module: 'src/content/claim-layer.ts', file: 'test/browser/claim-layer.page.ts', cases: claimLayer },
  { module: 'src/content/lens.ts', file: 'test/browser/lens.page.ts', cases: lens },
]);
