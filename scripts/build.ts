/**
 * Builds both unpacked extensions from one source: extension/chrome and extension/firefox.
 *   tsx scripts/build.ts [--data DIR] [--out DIR] [--dev] [--metafile FILE]
 * --data validates another data folder (the tests use it to prove a bad dataset fails the build).
 * --metafile writes esbuild's account of which module put how many bytes in which output (the bench reads it).
 * The dataset is validated first: a bad entry stops the build with a message naming it.
 */
import { build, transform, type BuildOptions, type Plugin } from 'esbuild';
import { Resvg } from '@resvg/resvg-js';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDataFolder } from './data-folder';
import { aliasPrefixes } from '../src/matcher/prefixes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(root, 'src/data') },
    out: { type: 'string', default: path.join(root, 'extension') },
    dev: { type: 'boolean', default: false },
    metafile: { type: 'string' },
  },
});

type Browser = 'chrome' | 'firefox';
const BROWSERS: Browser[] = ['chrome', 'firefox'];
const ICON_SIZES = [16, 32, 48, 128];

function manifestFor(source: Record<string, unknown>, browser: Browser, version: string): Record<string, unknown> {
  const m: Record<string, unknown> = structuredClone(source);
  m.version = version;
  const bg = m.background as { service_worker: string };
  if (browser === 'firefox') {
    // Firefox runs MV3 backgrounds as event pages and refuses a service worker alone.
    m.background = { scripts: [bg.service_worker] };
  } else {
    // Chromium warns about keys it does not know.
    delete m.browser_specific_settings;
  }
  return m;
}

/**
 * Preact's only HTML sink is `dangerouslySetInnerHTML`, which this extension never uses (eslint
 * forbids it). Cutting the sink out of the bundle makes that a guarantee rather than a habit, and
 * keeps Mozilla's add-ons linter free of UNSAFE_VAR_ASSIGNMENT warnings. The build fails if a
 * Preact upgrade changes the code, so the cut is never silently lost.
 */
const noHtmlSink: Plugin = {
  name: 'no-html-sink',
  setup(b) {
    b.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.mjs$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8');
      const sink = /(\w+)\.innerHTML=(\w+)\.__html/g;
      if (!sink.test(code)) throw new Error(`no-html-sink: Preact's innerHTML sink not found in ${args.path}; update the plugin`);
      return { contents: code.replace(sink, '(()=>{throw new Error("HTML rendering is disabled")})()'), loader: 'js' };
    });
  },
};

/** Stylesheets imported as text (for constructable stylesheets) are minified like the code around them. */
const minifiedCssText: Plugin = {
  name: 'minified-css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = await readFile(args.path, 'utf8');
      const { code } = await transform(css, { loader: 'css', minify: !args.path.includes('node_modules') && !b.initialOptions.sourcemap });
      return { contents: code, loader: 'text' };
    });
  },
};

/**
 * Values the build derives from the validated data, as modules: the dataset's version (the content
 * hash of the data folder, not a number someone bumps) and the aliases' prefixes the content
 * script's entry checks frames against (src/matcher/prefixes.ts).
 */
function datasetModules(values: Record<string, unknown>): Plugin {
  return {
    name: 'dataset-modules',
    setup(b) {
      b.onResolve({ filter: /^virtual:/ }, (args) => {
        if (!Object.hasOwn(values, args.path)) throw new Error(`unknown module ${args.path}`);
        return { path: args.path, namespace: 'dataset-modules' };
      });
      b.onLoad({ filter: /.*/, namespace: 'dataset-modules' }, (args) => ({ contents: `export default ${JSON.stringify(values[args.path])};`, loader: 'js' }));
    },
  };
}

async function main(): Promise<void> {
  const dataDir = path.resolve(args.data!);
  const data = loadDataFolder(dataDir);
  if (!data.ok) {
    console.error(`build: the dataset in ${path.relative(process.cwd(), dataDir) || '.'} is invalid:`);
    for (const e of data.errors) console.error(`  - ${e}`);
    process.exit(1);
  }

  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const sourceManifest = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const outRoot = path.resolve(args.out!);
  const staging = path.join(outRoot, '.staging');
  await rm(staging, { recursive: true, force: true });

  const common: BuildOptions = {
    bundle: true,
    minify: !args.dev,
    sourcemap: args.dev ? 'inline' : false,
    format: 'iife',
    target: ['chrome120', 'firefox142'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { 'process.env.NODE_ENV': args.dev ? '"development"' : '"production"' },
    legalComments: 'none',
    logLevel: 'warning',
    // The bundled dataset is read from the data folder that was validated, not always src/data.
    alias: { '@data': dataDir },
    plugins: [
      noHtmlSink,
      minifiedCssText,
      datasetModules({
        'virtual:dataset-version': data.dataset.version,
        'virtual:alias-prefixes': aliasPrefixes(Object.values(data.dataset.aliases).flatMap((list) => list.map((a) => a.text))),
      }),
    ],
  };
  const result = await build({
    ...common,
    metafile: Boolean(args.metafile),
    entryPoints: {
      background: path.join(root, 'src/background/index.ts'),
      // The entry every frame runs, and the lens it has the background inject where it is worth it.
      content: path.join(root, 'src/content/entry.ts'),
      lens: path.join(root, 'src/content/index.ts'),
      popup: path.join(root, 'src/popup/index.tsx'),
      options: path.join(root, 'src/options/index.tsx'),
    },
    outdir: staging,
  });
  if (args.metafile) await writeFile(path.resolve(args.metafile), JSON.stringify(result.metafile));
  await cp(path.join(root, 'src/content/marks.css'), path.join(staging, 'content.css'));
  await cp(path.join(root, 'src/popup/popup.html'), path.join(staging, 'popup.html'));
  await cp(path.join(root, 'src/options/options.html'), path.join(staging, 'options.html'));
  await cp(path.join(root, 'src/_locales'), path.join(staging, '_locales'), { recursive: true });
  const svg = await readFile(path.join(root, 'icons/icon.svg'));
  await mkdir(path.join(staging, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    await writeFile(path.join(staging, 'icons', `${size}.png`), png);
  }

  for (const b of BROWSERS) {
    const dir = path.join(outRoot, b);
    await rm(dir, { recursive: true, force: true });
    await cp(staging, dir, { recursive: true });
    await writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(sourceManifest, b, pkg.version), null, 2)}\n`);
  }
  await rm(staging, { recursive: true, force: true });
  console.log(`build: dataset ${data.dataset.version} (${data.dataset.entities.length} entities, ${data.dataset.facts.length} facts) -> ${BROWSERS.map((b) => path.relative(process.cwd(), path.join(outRoot, b))).join(', ')}`);
}

await main();
