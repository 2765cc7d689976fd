import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Vendor libraries land in their own long-cached chunks; pages are split per route by React.lazy.
 * antd is split "entries-aware": each page loads only the antd chunks holding components it uses, so the
 * login page does not pay for Table, Tree or DatePicker (first load must stay usable on Fast-3G).
 */
const vendorGroups = [
  {
    name: 'vendor-react',
    test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
    priority: 40,
  },
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  {
    name: 'vendor-antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|@emotion|stylis|@babel[\\/]runtime|classnames|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|copy-to-clipboard|toggle-selection|resize-observer-polyfill)[\\/]/,
    priority: 30,
    entriesAware: true,
    entriesAwareMergeThreshold: 24_000,
  },
  { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
];

export default defineConfig({
  root: '.',
  plugins: [react()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Vite 8 (Rolldown) replaces the deprecated `manualChunks` with `codeSplitting.groups`.
        codeSplitting: { groups: vendorGroups },
        // Entries-aware antd chunks are named after every page sharing them; keep file names short.
        chunkFileNames: (chunk) =>
          chunk.name.startsWith('vendor-antd') ? 'assets/vendor-antd-[hash].js' : 'assets/[name]-[hash].js',
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
