import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), precompress()],
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
