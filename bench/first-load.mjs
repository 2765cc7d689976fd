// First load of /login on emulated Fast-3G (DevTools profile), cold cache.
// Time = navigation start → username field rendered, visible and enabled (page's own clock).
// SIGN_IN=<username>: then sign in as her (demo password) and also time the click on 登录 → her home usable
// (every task button of the home visible and enabled); bytes then count the whole first visit.
// TYPING_MS=<ms>: the time she spends typing her name and password before pressing 登录 (0: at once).
// Run against a production build (`npm run build`, then start the server):
//   node bench/first-load.mjs http://127.0.0.1:3400 [runs]   (PHONE=1 for 390×844, VERBOSE=1 lists files)
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3471';
const runs = Number(process.argv[3] ?? 3);
const viewport = process.env.PHONE ? { width: 390, height: 844 } : { width: 1280, height: 800 };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
const results = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 562,
    downloadThroughput: 180_000,
    uploadThroughput: 84_375,
  });
  const bytes = new Map();
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  await page.goto(`${base}${process.env.START ?? '/login'}`, { waitUntil: 'commit' });
  const usable = await page.waitForFunction(
    () => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === '用户名');
      const id = label?.getAttribute('for');
      const input = id ? document.getElementById(id) : null;
      if (!input || input.disabled) return false;
      const r = input.getBoundingClientRect();
      return r.width > 0 && r.height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const ms = await usable.jsonValue();
  let homeMs;
  if (process.env.SIGN_IN) {
    await page.getByLabel('用户名').fill(process.env.SIGN_IN);
    await page.getByLabel('密码').fill(process.env.PASSWORD ?? 'Banbiantian2026');
    await page.waitForTimeout(Number(process.env.TYPING_MS ?? 0));
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: '登录' }).click();
    const ready = await page.waitForFunction(
      () => {
        const tiles = [...document.querySelectorAll('[data-testid="home-tasks"] a')];
        if (tiles.length === 0) return false;
        const shown = tiles.every((a) => {
          const r = a.getBoundingClientRect();
          return (
            r.width > 0 && r.height > 0 && r.top < window.innerHeight && !a.getAttribute('aria-disabled')
          );
        });
        return shown ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    homeMs = (await ready.jsonValue()) - clicked;
  }
  await page.waitForLoadState('networkidle').catch(() => undefined);
  let total = 0;
  const list = [];
  for (const [id, n] of bytes) {
    total += n;
    list.push(`${String(n).padStart(7)} ${urls.get(id)?.replace(base, '')}`);
  }
  results.push(homeMs ?? ms);
  console.log(
    `run ${i + 1}: login usable ${(ms / 1000).toFixed(2)} s${homeMs === undefined ? '' : `, sign-in → home tasks usable ${(homeMs / 1000).toFixed(2)} s`}, ${(total / 1000).toFixed(1)} kB over the wire, ${bytes.size} requests`,
  );
  if (process.env.VERBOSE) console.log(list.join('\n'));
  await context.close();
}
await browser.close();
const sorted = [...results].sort((a, b) => a - b);
console.log(
  `median${process.env.SIGN_IN ? ' (sign-in → home)' : ''} ${(sorted[Math.floor(sorted.length / 2)] / 1000).toFixed(2)} s (${sorted.map((x) => (x / 1000).toFixed(2)).join(', ')})`,
);
