import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

/**
 * Vendor libraries land in their own long-cached chunks; pages are split per route by React.lazy.
 * antd is left to the default splitting: each page's chunk graph pulls only the components it uses
 * and shared pieces land in shared chunks. The entry (login page, router, session check) has no antd
 * at all: first load must stay usable in ≤ 3 s on Fast-3G (docs/PERFORMANCE.md); antd comes with the
 * lazily loaded shell. (An "entries-aware" antd group was tried and dropped: with more pages its
 * merged chunks came to import each other and failed at start-up.)
 */
const ANTD =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis|@babel[\\/]runtime|classnames|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|copy-to-clipboard|toggle-selection|resize-observer-polyfill)[\\/]/;

/**
 * Writes `.br` and `.gz` beside every text asset over 1 kB; the server sends them to browsers that
 * accept them (@fastify/static `preCompressed`), so a phone on a slow line downloads a quarter.
 */
const precompress = (): Plugin => ({
  name: 'bbt-precompress',
  apply: 'build',
  async writeBundle(options, bundle) {
    const dir = options.dir ?? 'dist/web';
    const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
    for (const f of files) {
      const full = path.join(dir, f);
      const buf = await readFile(full);
      if (buf.length < 1024) continue;
      await writeFile(
        `${full}.br`,
        brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      await writeFile(`${full}.gz`, gzipSync(buf, { level: 9 }));
    }
  },
});

/** Modules whose chunks (and what they import) the app needs offline: the shell and the capture pages. */
const OFFLINE_SEEDS =
  /src[\\/]web[\\/](app[\\/](main|app-layout|landing-page|error-pages|route-error-page)\.tsx|i18n[\\/]|features[\\/](activities[\\/]pages[\\/](quick-page|patrols-page)|courtyards[\\/]pages[\\/]score-page)\.tsx)/;

/**
 * Fills in the service worker (public/sw.js → dist/web/sw.js): this build's id, its JS/CSS files (the
 * worker keeps no others) and those the shell and the capture pages need (static imports followed from
 * OFFLINE_SEEDS, with their CSS), which it fetches ahead after sign-in so the three forms open offline.
 */
const serviceWorker = (): Plugin => ({
  name: 'bbt-service-worker',
  apply: 'build',
  async writeBundle(options, bundle) {
    const dir = options.dir ?? 'dist/web';
    const chunks = Object.values(bundle).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const capture = new Set<string>();
    const visit = (c: Rolldown.OutputChunk) => {
      if (capture.has(c.fileName)) return;
      capture.add(c.fileName);
      for (const css of c.viteMetadata?.importedCss ?? []) capture.add(css);
      for (const i of c.imports) {
        const next = byName.get(i);
        if (next) visit(next);
      }
    };
    for (const c of chunks) if (c.moduleIds.some((id) => OFFLINE_SEEDS.test(id))) visit(c);
    const assets = Object.keys(bundle).filter((f) => /^assets\/.*\.(js|css)$/.test(f));
    const list = (files: Iterable<string>) => JSON.stringify([...files].sort().map((f) => `/${f}`));
    const sw = path.join(dir, 'sw.js');
    const build = createHash('sha256').update(assets.sort().join()).digest('hex').slice(0, 12);
    const text = (await readFile(sw, 'utf8'))
      .replace("const BUILD = 'dev';", `const BUILD = '${build}';`)
      .replace('const ASSETS = [];', `const ASSETS = ${list(assets)};`)
      .replace('const CAPTURE = [];', `const CAPTURE = ${list(capture)};`);
    await writeFile(sw, text);
    // Public files are not in the bundle the precompress plugin sees: the worker is compressed here.
    await writeFile(`${sw}.br`, brotliCompressSync(Buffer.from(text)));
    await writeFile(`${sw}.gz`, gzipSync(Buffer.from(text), { level: 9 }));
  },
});

/**
 * What the entry (login page, router, session check) needs beside React: queries, i18n, zod (the
 * contracts' error codes and permissions). Apart from `vendor`, which only the signed-in pages load
 * (dayjs, pinyin, …): a group's chunk is downloaded whole by whoever imports any module of it.
 */
const ENTRY_VENDOR =
  /node_modules[\\/](@tanstack|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store|zod)[\\/]/;

const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'vendor-entry', test: ENTRY_VENDOR, priority: 30 },
  { name: 'vendor', test: (id: string) => /node_modules[\\/]/.test(id) && !ANTD.test(id), priority: 10 },
];

export default defineConfig({
  root: '.',
  plugins: [react(), serviceWorker(), precompress()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Vite 8 (Rolldown) replaces the deprecated `manualChunks` with `codeSplitting.groups`.
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
