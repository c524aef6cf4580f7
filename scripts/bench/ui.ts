/**
 * Bench section `ui`: what the browser pays for the app.
 * (1) JS shipped on first load, gzip: a production build to a temp folder, then the entry script,
 *     its modulepreloads and the stylesheets that index.html names, each gzipped (budget: JS
 *     ≤ 300 KB; the YAML editor loads lazily after the first picture, so it is not counted).
 * (2) Frame times with 200 packets in flight on the default cluster: `vite preview` of that build,
 *     Debian's chromium (headless) through Playwright, a burst of 200 connections animated on the
 *     packet overlay, requestAnimationFrame intervals recorded in the page for 3 s (budget: 95th
 *     percentile ≤ 20 ms).
 */
/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';

const JS_BUDGET_KB = 300;
const P95_BUDGET_MS = 20;
const PACKETS = 200;
const RECORD_MS = 3000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kb = (bytes: number) => bytes / 1024;

/** The files index.html makes the browser fetch before the first picture. */
function firstLoadFiles(html: string): { js: string[]; css: string[] } {
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}="([^"]+)"`).exec(tag)?.[1] ?? null;
  const js: string[] = [];
  const css: string[] = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/g)) {
    if (tag.startsWith('<script') && attr(tag, 'type') === 'module') {
      const src = attr(tag, 'src');
      if (src) js.push(src);
    } else if (tag.startsWith('<link')) {
      const rel = attr(tag, 'rel');
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel === 'modulepreload') js.push(href);
      else if (rel === 'stylesheet') css.push(href);
    }
  }
  return { js, css };
}

function gzippedSize(dist: string, url: string): number {
  return gzipSync(readFileSync(join(dist, url.replace(/^\.?\//, '')))).length;
}

function reportBundle(dist: string): void {
  const { js, css } = firstLoadFiles(readFileSync(join(dist, 'index.html'), 'utf8'));
  const jsKb = js.reduce((n, f) => n + kb(gzippedSize(dist, f)), 0);
  const cssKb = css.reduce((n, f) => n + kb(gzippedSize(dist, f)), 0);
  for (const f of [...js, ...css])
    console.log(
      `ui first load ${f.replace(/^\.?\/assets\//, '')}: ${kb(gzippedSize(dist, f)).toFixed(1)} KB gzip`,
    );
  console.log(
    `ui first load: JS ${jsKb.toFixed(1)} KB gzip in ${js.length} files, CSS ${cssKb.toFixed(1)} KB` +
      `  (budget JS ≤ ${JS_BUDGET_KB} KB: ${jsKb <= JS_BUDGET_KB ? 'met' : 'MISSED'})`,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The in-page recorder: requestAnimationFrame intervals for `ms`. A string, not a function: tsx
 * compiles functions with a `__name` helper that does not exist in the page.
 */
function recordFrames(ms: number): string {
  return `new Promise((resolve) => {
    const count = () => window.__podpath.packetsInFlight();
    const start = count();
    const gaps = [];
    let last = -1;
    let until = Infinity;
    requestAnimationFrame(function frame(now) {
      if (last >= 0) gaps.push(now - last);
      else until = now + ${ms};
      last = now;
      if (now < until) requestAnimationFrame(frame);
      else resolve({ gaps, start, end: count() });
    });
  })`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function reportFrames(dist: string): Promise<void> {
  const port = await freePort();
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?scenario=article`);
    await page.waitForFunction(() => window.__podpath?.state().model != null);
    await page.waitForSelector('.packet-layer', { state: 'attached' });
    // The same page with nothing moving, to tell the packets' cost from the machine's load.
    const idle = (await page.evaluate(recordFrames(RECORD_MS))) as { gaps: number[] };
    // Slow playback keeps all of the burst on screen for the whole recording.
    await page.evaluate((n) => {
      const s = window.__podpath!.state();
      s.setSpeed(0.5);
      s.runBurst(n);
    }, PACKETS);
    await page.waitForFunction((n) => window.__podpath!.packetsInFlight() >= n, PACKETS, {
      timeout: 30_000,
    });
    const { gaps, start, end } = (await page.evaluate(recordFrames(RECORD_MS))) as {
      gaps: number[];
      start: number;
      end: number;
    };
    const quiet = [...idle.gaps].sort((a, b) => a - b);
    console.log(
      `ui frames with no packet moving (same page; load average ${loadavg()[0]!.toFixed(1)}): p50 ${percentile(quiet, 50).toFixed(1)} ms, ` +
        `p95 ${percentile(quiet, 95).toFixed(1)} ms, max ${quiet[quiet.length - 1]!.toFixed(1)} ms`,
    );
    const sorted = [...gaps].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    console.log(
      `ui frames with ${start}→${end} packets in flight (chromium headless, 1440×900, ${gaps.length} frames in ${RECORD_MS / 1000} s): ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms` +
        `  (budget p95 ≤ ${P95_BUDGET_MS} ms: ${p95 <= P95_BUDGET_MS ? 'met' : 'MISSED'})`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

const dist = mkdtempSync(join(tmpdir(), 'podpath-bench-ui-'));
try {
  await build({ logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  reportBundle(dist);
  await reportFrames(dist);
} finally {
  rmSync(dist, { recursive: true, force: true });
}
