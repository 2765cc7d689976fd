// Downloads an export over and over, N at a time, until SIGTERM; then prints one JSON line:
// { completed, refused, bytes, ms, durations } (refused = non-200 answers, e.g. 503 when exports
// are capped). With `once` as the 4th argument: one download, the line, and exit.
// Run by bench/persons-load.bench.ts in its own process, so reading the downloads costs the
// server's process nothing. Usage: node bench/export-loop.mjs <url> <cookie> [concurrency] [once]
const [url, cookie, concurrencyArg, mode] = process.argv.slice(2);
const concurrency = Number(concurrencyArg ?? 1);
let stopping = false;
let completed = 0;
let refused = 0;
let bytes = 0;
const durations = [];
const t0 = performance.now();

const one = async () => {
  const started = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) {
    refused++;
    await res.arrayBuffer();
    // A refused export is retried a little later, as a user would.
    await new Promise((r) => setTimeout(r, 500));
    return;
  }
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  completed++;
  durations.push(performance.now() - started);
};

const loop = async () => {
  while (!stopping) {
    try {
      await one();
    } catch (e) {
      if (!stopping) console.error(String(e));
    }
  }
};

const report = () => {
  stopping = true;
  process.stdout.write(
    `${JSON.stringify({ completed, refused, bytes, ms: Math.round(performance.now() - t0), durations })}\n`,
  );
  process.exit(0);
};
process.on('SIGTERM', report);

if (mode === 'once') one().then(report);
else for (let i = 0; i < concurrency; i++) loop();
