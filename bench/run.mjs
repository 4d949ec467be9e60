// The bench (issue 9). Measures the release build in dist/ and, as the floor, a minimal
// Leptos 0.8 counter built with the same release settings (bench/floor/dist/), then prints a
// markdown report and writes it to BENCHMARKS.md. Run through scripts/bench.sh, which builds
// both first. A bench reports figures: it exits 0 whether or not the budgets are met, and
// non-zero only when something could not be measured.
//
//   node bench/run.mjs [--runs N] [--memory-interactions N] [--throttle RATE]
//                      [--lighthouse-runs N] [--no-lighthouse]
//                      [--dist DIR] [--floor-dist DIR] [--out FILE]
//   node bench/run.mjs --interactions-only [--only NAME[,NAME...]] [--runs N] [--dist DIR]
//                      [--on-views]
//
// --interactions-only times the interactions on the story page of --dist (--on-views: each
// on its own view, as the view switch has to be) and prints their table, for comparing two
// builds; it writes nothing and checks no budget.
//
// Defaults: 30 timed runs per interaction, 10,000 interactions for memory, 4× throttle,
// 3 Lighthouse runs per page (the median is reported), dist/, bench/floor/dist/, BENCHMARKS.md.
// Environment: BENCH_RUNS, BENCH_MEMORY_INTERACTIONS, BENCH_THROTTLE, BENCH_LIGHTHOUSE_RUNS, BENCH_OUT,
// CHROMIUM_PATH (default /usr/bin/chromium), BENCH_NOTE (a line added to the report).

import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { FLOOR_INTERACTIONS, INTERACTIONS, capturingWindowListeners, hasPlaywrightListeners, installBench, waitInPage } from './interactions.mjs';
import { encoded, serve } from './server.mjs';
import { frameEnd, traceDuring } from './trace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS || '30' },
    'memory-interactions': { type: 'string', default: process.env.BENCH_MEMORY_INTERACTIONS || '10000' },
    throttle: { type: 'string', default: process.env.BENCH_THROTTLE || '4' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    'floor-dist': { type: 'string', default: join(ROOT, 'bench', 'floor', 'dist') },
    out: { type: 'string', default: process.env.BENCH_OUT || join(ROOT, 'BENCHMARKS.md') },
    'no-lighthouse': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: process.env.BENCH_LIGHTHOUSE_RUNS || '3' },
    'interactions-only': { type: 'boolean', default: false },
    'on-views': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const MEMORY_INTERACTIONS = Math.max(1, Number(args['memory-interactions']));
const THROTTLE = Math.max(1, Number(args.throttle));
const LIGHTHOUSE_RUNS = Math.max(1, Number(args['lighthouse-runs']));
const WARMUP = 3;
const MEMORY_WARMUP = 100;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WORK = join(ROOT, 'target', 'bench');
const VIEWS = ['ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];
const PAGES = [{ name: 'story', path: '/' }, ...VIEWS.map((v) => ({ name: `view=${v}`, path: `/?view=${v}` }))];
const READY = 'html[data-ready="1"] main#story';
// Lighthouse's Moto G Power screen; the interactions run on the same phone-sized page.
const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

const BUDGET = {
  transferBytes: 200_000, // 200 KB, 1 KB = 1,000 bytes, brotli, first load
  lcpRatio: 1.15,
  tbtMs: 0,
  cls: 0,
  interactionP95Ms: 16,
  memoryGrowth: 0.05,
};

const problems = []; // measurements that could not be made: exit 1
const log = (...parts) => console.error('[bench]', ...parts);

// ---------------------------------------------------------------- helpers

function sh(cmd, cmdArgs) {
  try {
    return execFileSync(cmd, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const fmtBytes = (n) => (n == null ? 'n/a' : n.toLocaleString('en-US'));
const fmtKB = (n) => (n == null ? 'n/a' : `${(n / 1000).toFixed(1)} KB`);
const fmtMs = (n, digits = 0) => (n == null || Number.isNaN(n) ? 'n/a' : `${n.toFixed(digits)} ms`);
const fmtRatio = (a, b) => (a == null || b == null || !b ? 'n/a' : `${(a / b).toFixed(2)}×`);
const fmtPct = (x) => (x == null || Number.isNaN(x) ? 'n/a' : `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)} %`);
const fmtMiB = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(2)} MiB`);

function table(head, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

function waitMs(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}

// ---------------------------------------------------------------- machine

function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown';
  const meminfo = existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '';
  const memKb = Number(/^MemTotal:\s+(\d+)/m.exec(meminfo)?.[1] ?? 0);
  const lighthouse = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  const playwright = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'playwright-core', 'package.json'), 'utf8')).version;
  const head = sh('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'content', 'assets', 'index.html', 'Cargo.toml', 'Cargo.lock', 'build.rs']);
  return {
    cpus: sh('nproc', []) ?? 'unknown',
    model,
    memory: memKb ? `${(memKb / 1048576).toFixed(1)} GiB` : 'unknown',
    os: sh('uname', ['-srm']) ?? 'unknown',
    chromium: sh(CHROMIUM_PATH, ['--version']) ?? 'unknown',
    rustc: sh('rustc', ['--version']) ?? 'unknown',
    trunk: sh('trunk', ['--version']) ?? 'unknown',
    wasmOpt: sh('wasm-opt', ['--version']) ?? 'unknown',
    node: process.version,
    lighthouse,
    playwright,
    commit: head ? `${head}${dirty ? ' with uncommitted changes to the app' : ''}` : 'unknown',
    load: () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a'),
  };
}

// ---------------------------------------------------------------- sizes

/** Every shipped file (not the precompressed .br/.gz copies, which are encodings of these). */
function shippedFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue; // Trunk's .stage/ of a build in progress, not shipped
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!/\.(br|gz)$/.test(name)) files.push(relative(dir, full));
    }
  };
  walk(dir);
  return files.map((name) => {
    // Also fills the server's cache, so no request of the bench waits for brotli.
    const file = join(dir, name);
    const raw = readFileSync(file);
    return { name, raw: raw.length, gzip: encoded(file, raw, 'gzip').length, brotli: encoded(file, raw, 'br').length };
  });
}

/** The files the first load of `/` fetches, by watching the server. */
async function firstLoadFiles(browser, dir) {
  const server = await serve(dir);
  try {
    const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitInPage(page, (ready) => document.querySelector(ready) !== null, READY);
    await page.waitForLoadState('networkidle');
    await context.close();
    return [
      ...new Set(
        server.requests.filter((r) => r.status === 200).map((r) => (r.path.endsWith('/') ? 'index.html' : r.path.replace(/^\//, ''))),
      ),
    ];
  } finally {
    await server.close();
  }
}

async function measureSizes(browser, dir, label) {
  const files = shippedFiles(dir);
  let loaded;
  try {
    loaded = await firstLoadFiles(browser, dir);
  } catch (error) {
    problems.push(`${label}: could not load / to see what the first load fetches: ${error.message.split('\n')[0]}`);
    loaded = files.filter((f) => /(^index\.html$|\.js$|_bg\.wasm$|\.css$)/.test(f.name) && f.name !== 'embed.js').map((f) => f.name);
  }
  for (const f of files) f.firstLoad = loaded.includes(f.name);
  const first = files.filter((f) => f.firstLoad);
  const sum = (key, list) => list.reduce((a, f) => a + f[key], 0);
  return {
    files,
    firstLoad: { raw: sum('raw', first), gzip: sum('gzip', first), brotli: sum('brotli', first), count: first.length },
    shipped: { raw: sum('raw', files), gzip: sum('gzip', files), brotli: sum('brotli', files), count: files.length },
  };
}

// ---------------------------------------------------------------- lighthouse

async function startChromeForLighthouse() {
  const userDir = mkdtempSync(join(tmpdir(), 'bench-lh-'));
  const child = spawn(
    CHROMIUM_PATH,
    ['--headless', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${userDir}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const portFile = join(userDir, 'DevToolsActivePort');
  for (let i = 0; i < 300 && !existsSync(portFile); i += 1) await waitMs(100);
  if (!existsSync(portFile)) {
    child.kill();
    throw new Error('Chromium did not open a DevTools port within 30 s');
  }
  await waitMs(200);
  const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
  return {
    port,
    async close() {
      child.kill('SIGTERM');
      await new Promise((ok) => {
        if (child.exitCode !== null) ok();
        else child.once('exit', ok);
        setTimeout(ok, 5000);
      });
      // Its helper processes may still be writing there a moment after it exits; a profile
      // left in /tmp must not cost the run its results.
      try {
        rmSync(userDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        log(`could not remove ${userDir}: ${error.message}`);
      }
    },
  };
}

/** One Lighthouse run of `url`: the figures the report needs, and the full result saved. */
async function lighthouseOnce(lighthouse, port, url, file) {
  // The default config is Lighthouse's mobile preset with simulated throttling.
  const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, undefined);
  const lhr = run?.lhr;
  if (!lhr) throw new Error('no result');
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  writeFileSync(file, JSON.stringify(lhr));
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  return {
    score: lhr.categories.performance.score == null ? null : Math.round(lhr.categories.performance.score * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    warnings: lhr.runWarnings ?? [],
    settings: `${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod}`,
  };
}

/**
 * LIGHTHOUSE_RUNS runs per target, sequential, in one Chromium; the median run by LCP
 * (then FCP) is reported, with the spread of LCP and TBT over the runs.
 */
async function lighthouseRuns(targets) {
  const { default: lighthouse } = await import('lighthouse');
  const outDir = join(WORK, 'lighthouse');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const results = {};
  const chrome = await startChromeForLighthouse();
  try {
    for (const target of targets) {
      const server = await serve(target.dir);
      const url = new URL(target.path, server.url).href;
      const runs = [];
      let failures = 0;
      while (runs.length < LIGHTHOUSE_RUNS && failures < 2) {
        const t0 = Date.now();
        try {
          const run = await lighthouseOnce(lighthouse, chrome.port, url, join(outDir, `${target.key}-${runs.length + 1}.json`));
          runs.push(run);
          log(`lighthouse ${target.key} #${runs.length}: score ${run.score}, FCP ${Math.round(run.fcp)} ms, LCP ${Math.round(run.lcp)} ms, TBT ${Math.round(run.tbt)} ms (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
        } catch (error) {
          failures += 1;
          log(`lighthouse ${target.key} failed: ${error.message}`);
          if (failures === 2) problems.push(`Lighthouse ${target.key}: ${error.message}`);
        }
      }
      if (runs.length > 0) {
        const sorted = [...runs].sort((a, b) => a.lcp - b.lcp || a.fcp - b.fcp);
        const median = sorted[Math.floor((sorted.length - 1) / 2)];
        results[target.key] = {
          ...median,
          runs: runs.length,
          lcpRange: [sorted[0].lcp, sorted.at(-1).lcp],
          tbtRange: [Math.min(...runs.map((r) => r.tbt)), Math.max(...runs.map((r) => r.tbt))],
          warnings: [...new Set(runs.flatMap((r) => r.warnings))],
        };
      } else {
        results[target.key] = null;
      }
      await server.close();
    }
  } finally {
    await chrome.close();
  }
  return results;
}

// ---------------------------------------------------------------- browser pages

async function openApp(browser, server, path, { wasmProbe = true } = {}) {
  const context = await browser.newContext({ ...MOBILE, locale: 'en-US', colorScheme: 'light', serviceWorkers: 'block' });
  if (wasmProbe) {
    // Trunk's loader announces the instantiated module; keep its exports for wasm memory.
    await context.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.__benchWasm = event.detail?.wasm;
      });
    });
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error?.message || error)));
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  // Polled, not Playwright's waits, which would add listeners to every click (waitInPage).
  await waitInPage(page, (ready) => document.querySelector(ready) !== null, READY);
  // The story's sections arrive as wasm chunks at the reader's first scroll
  // (src/app/chunks.rs): the interactions are measured on the page a reader scrolls through.
  if (await page.evaluate(() => document.querySelector('section.chunk-pending') !== null)) {
    await page.evaluate(() => dispatchEvent(new Event('scroll')));
    await waitInPage(page, () => document.documentElement.dataset.ready === '1' && !document.querySelector('section.chunk-pending'));
  }
  await page.evaluate(installBench);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, errors, close: () => context.close().catch(() => {}) };
}

/**
 * Runs `count` interactions in the page while Chromium traces its top-level tasks, and
 * returns, per run, the main thread's busy time (ms) between the run's two user-timing
 * marks: the union of the renderer main thread's top-level tasks, clipped to the window.
 */
async function tracedSeries(cdp, page, spec, from, count) {
  const { result: oks, events } = await traceDuring(cdp, ['toplevel', 'blink.user_timing'], () =>
    page.evaluate(({ s, f, n }) => window.__bench.series(s, f, n), { s: spec, f: from, n: count }),
  );
  const marks = new Map();
  let thread = null;
  for (const e of events) {
    if (typeof e.name === 'string' && e.name.startsWith('bench:') && String(e.cat).includes('blink.user_timing')) {
      marks.set(e.name, e.ts);
      thread ??= { pid: e.pid, tid: e.tid };
    }
  }
  if (!thread) throw new Error('the trace has none of the user-timing marks');
  // Outermost top-level tasks only (a nested one is already inside its parent's time).
  const tasks = [];
  const sorted = events
    .filter((e) => e.ph === 'X' && e.pid === thread.pid && e.tid === thread.tid && String(e.cat).split(',').includes('toplevel'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  for (const e of sorted) {
    const start = e.ts;
    const end = e.ts + (e.dur ?? 0);
    const last = tasks.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      continue;
    }
    tasks.push({ start, end, cpu: e.tdur ?? e.dur ?? 0 });
  }
  // Wall time of the tasks inside [from, to], and their thread CPU time (pro rata when clipped).
  const busy = (from, to) => {
    let wall = 0;
    let cpu = 0;
    for (const t of tasks) {
      const overlap = Math.max(0, Math.min(t.end, to) - Math.max(t.start, from));
      if (overlap === 0) continue;
      wall += overlap;
      cpu += t.end > t.start ? (t.cpu * overlap) / (t.end - t.start) : 0;
    }
    return { wall, cpu };
  };
  return oks.map((ok, k) => {
    const start = marks.get(`bench:start:${k}`);
    const marked = marks.get(`bench:end:${k}`);
    if (start == null || marked == null) throw new Error(`run ${k}: its marks are missing from the trace`);
    const end = frameEnd(sorted, start, marked);
    const { wall, cpu } = busy(start, end);
    const after = marks.get(`bench:after:${k}`);
    const next = after == null ? null : busy(end, after).wall / 1000;
    return { ok, ms: wall / 1000, cpuMs: cpu / 1000, windowMs: (end - start) / 1000, nextFrameMs: next };
  });
}

/** How many untimed runs come before an interaction's timed ones. */
function warmupOf(spec) {
  return Math.max(WARMUP, spec.warmup ?? 0);
}

/**
 * Times each interaction of `specs` on a fresh page (`pathOf(spec)`): main-thread time
 * until the next frame.
 */
async function timeInteractions(browser, dir, specs, pathOf = () => '/') {
  const server = await serve(dir);
  const results = [];
  try {
    for (const spec of specs) {
      const path = pathOf(spec);
      const row = { name: spec.name, what: spec.what ?? '', path, status: 'ok', samples: [] };
      results.push(row);
      let app;
      try {
        app = await openApp(browser, server, path);
        const { page, cdp } = app;
        await waitMs(500);
        if (!(await page.evaluate((s) => window.__bench.present(s), spec))) {
          row.status = 'n/a: no such control on the page';
          continue;
        }
        row.control = await page.evaluate((s) => window.__bench.describe(s), spec);
        await page.evaluate((s) => window.__bench.reveal(s), spec);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        let navigated = false;
        const warmup = warmupOf(spec);
        for (let i = 0; i < warmup && !navigated; i += 1) {
          try {
            await page.evaluate(({ s, n }) => window.__bench.timed(s, n), { s: spec, n: i });
          } catch {
            navigated = true;
          }
        }
        await waitMs(500);
        if (!navigated) navigated = !(await page.evaluate(() => Boolean(window.__bench)).catch(() => false));
        if (navigated) {
          row.status = 'n/a: its control navigates (a page load, not an in-page interaction)';
          continue;
        }
        const runs = await tracedSeries(cdp, page, spec, warmup, RUNS);
        // Checked after the runs, so that the check's own CDP calls cannot touch them.
        if (hasPlaywrightListeners(await capturingWindowListeners(cdp))) {
          throw new Error("Playwright's hit-target listeners were on the page: every click ran them (see waitInPage)");
        }
        const misses = runs.filter((r) => !r.ok).length;
        if (misses === RUNS) {
          row.status = 'n/a: the control is never enabled';
          continue;
        }
        const counted = runs.filter((r) => r.ok);
        row.samples = counted.map((r) => r.ms);
        const cpu = counted.map((r) => r.cpuMs).sort((a, b) => a - b);
        row.cpuP50 = percentile(cpu, 50);
        row.cpuP95 = percentile(cpu, 95);
        // What the interaction left for its second frame (work deferred a frame, such as
        // the ownership details): not in the budget's figure, reported beside it.
        const next = counted.map((r) => r.nextFrameMs).filter((ms) => ms != null).sort((a, b) => a - b);
        row.nextP95 = next.length ? percentile(next, 95) : null;
        const whole = counted.map((r) => r.ms + (r.nextFrameMs ?? 0)).sort((a, b) => a - b);
        row.wholeP95 = percentile(whole, 95);
        if (misses > 0) row.note = `${misses} of ${RUNS} runs found no enabled control (left out)`;
        if (app.errors.length) row.note = `${row.note ? `${row.note}; ` : ''}page errors: ${app.errors.slice(0, 2).join(' / ')}`;
        const sorted = [...row.samples].sort((a, b) => a - b);
        row.p50 = percentile(sorted, 50);
        row.p95 = percentile(sorted, 95);
        row.max = sorted.at(-1);
        log(`interaction ${spec.name} on ${path}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (${row.control})`);
      } catch (error) {
        row.status = `error: ${error.message.split('\n')[0]}`;
        problems.push(`interaction ${spec.name}: ${error.message.split('\n')[0]}`);
      } finally {
        await app?.close();
      }
    }
  } finally {
    await server.close();
  }
  return results;
}

/** JS heap, wasm memory, DOM nodes and listeners, after forced garbage collections. */
async function memorySnapshot(page, cdp) {
  for (let i = 0; i < 3; i += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => window.gc?.());
  }
  const inPage = await page.evaluate(() => ({
    heap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__benchWasm?.memory?.buffer?.byteLength ?? null,
  }));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  return { ...inPage, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/** Run in the page (`page.evaluate`): resolves once the number of elements has not changed
 * for `frames` frames in a row, or after `limitMs`. */
function untilElementsStill({ frames, limitMs }) {
  return new Promise((done) => {
    const start = performance.now();
    let last = -1;
    let still = 0;
    const tick = () => {
      const count = document.getElementsByTagName('*').length;
      still = count === last ? still + 1 : 0;
      last = count;
      if (still >= frames || performance.now() - start > limitMs) done();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Memory before and after MEMORY_INTERACTIONS interactions (`specs` in turn) on `path`. */
async function measureMemory(browser, dir, specs, path = '/') {
  if (specs.length === 0) return { status: 'n/a: no in-page interaction to repeat' };
  const server = await serve(dir);
  let app;
  try {
    app = await openApp(browser, server, path);
    const { page, cdp } = app;
    await waitMs(500);
    const load = await memorySnapshot(page, cdp);
    // An interaction whose memory first climbs to a high-water mark (a view switch) asks
    // for a longer warm-up, so that "before" is taken there.
    const warmup = Math.max(MEMORY_WARMUP, ...specs.map((spec) => spec.memoryWarmup ?? 0));
    await page.evaluate(({ s, n }) => window.__bench.loop(s, n), { s: specs, n: warmup });
    // What the page builds ahead once the reader has gone on (the ownership panels, one per
    // frame) belongs to its settled size, not to growth: "before" waits until it is built.
    await page.evaluate(untilElementsStill, { frames: 30, limitMs: 10_000 });
    const before = await memorySnapshot(page, cdp);
    const t0 = Date.now();
    // An interaction that re-renders the whole page (a language switch) may ask for fewer.
    const count = Math.min(MEMORY_INTERACTIONS, ...specs.map((spec) => spec.memoryRepeats ?? Infinity));
    const done = await page.evaluate(({ s, n }) => window.__bench.loop(s, n), { s: specs, n: count });
    const seconds = (Date.now() - t0) / 1000;
    // As for "before": what the last interactions still build (a view switched to comes
    // a frame after its click, in pieces) is in.
    await page.evaluate(untilElementsStill, { frames: 30, limitMs: 10_000 });
    const after = await memorySnapshot(page, cdp);
    const alive = await page.evaluate(() => Boolean(document.querySelector('main#story')));
    log(`memory on ${path}: ${done} interactions in ${seconds.toFixed(1)} s; heap ${before.heap} -> ${after.heap}, wasm ${before.wasm} -> ${after.wasm}`);
    if (before.wasm == null) problems.push('memory: wasm memory not found (TrunkApplicationStarted gave no memory export)');
    return {
      status: 'ok',
      count,
      interactions: specs.map((s) => s.name),
      done,
      seconds,
      load,
      before,
      after,
      alive,
      errors: app.errors.slice(0, 3),
    };
  } catch (error) {
    problems.push(`memory: ${error.message.split('\n')[0]}`);
    return { status: `error: ${error.message.split('\n')[0]}` };
  } finally {
    await app?.close();
    await server.close();
  }
}

// ---------------------------------------------------------------- report

function growth(m, key) {
  if (!m?.before || m.before[key] == null || m.after[key] == null || !m.before[key]) return null;
  return (m.after[key] - m.before[key]) / m.before[key];
}

function report({ info, started, seconds, loadStart, loadEnd, sizes, floorSizes, lh, inter, interViews, floorInter, mem, floorMem }) {
  const out = [];
  const floorLh = lh?.floor;
  out.push('# Benchmarks', '');
  out.push(
    'Written by `bash scripts/bench.sh` (`bench/run.mjs`); it overwrites this file on every run. ' +
      'Figures from one run on the machine below: they move from run to run and from machine to machine, ' +
      'so compare ratios to the floor rather than absolute times. The floor is a minimal Leptos 0.8 counter ' +
      '(`bench/floor/`) built with the same release settings, measured in the same run.',
    '',
  );
  out.push('## Run', '');
  out.push(
    table(
      ['', ''],
      [
        ['date', started.toISOString().replace(/\.\d+Z$/, 'Z')],
        ['machine', `${info.cpus} CPUs (${info.model}), ${info.memory} memory, ${info.os}`],
        ['load average (1/5/15 min) at start, end', `${loadStart} · ${loadEnd}`],
        ['browser', `${info.chromium}, headless`],
        ['toolchain', `${info.rustc}; ${info.trunk}; ${info.wasmOpt}`],
        ['measured with', `node ${info.node}, Lighthouse ${info.lighthouse}, playwright-core ${info.playwright}`],
        ['app', `commit ${info.commit}`],
        ['settings', `${LIGHTHOUSE_RUNS} Lighthouse run${LIGHTHOUSE_RUNS === 1 ? '' : 's'} per page, ${RUNS} timed runs per interaction (after ${WARMUP} warm-up), CPU throttle ${THROTTLE}×, ${MEMORY_INTERACTIONS.toLocaleString('en-US')} interactions for memory`],
        ['took', `${Math.round(seconds)} s`],
        ...(process.env.BENCH_NOTE ? [['note', process.env.BENCH_NOTE]] : []),
      ],
    ),
    '',
  );

  // Budgets.
  const budgets = [];
  const pass = (ok) => (ok == null ? 'n/a' : ok ? 'PASS' : 'FAIL');
  budgets.push([
    'first-load transfer (brotli, total)',
    '≤ 200 KB',
    sizes ? fmtKB(sizes.firstLoad.brotli) : 'n/a',
    pass(sizes ? sizes.firstLoad.brotli <= BUDGET.transferBytes : null),
  ]);
  const pageRows = PAGES.map((p) => ({ ...p, r: lh?.[p.name] }));
  const measuredPages = pageRows.filter((p) => p.r);
  if (lh) {
    const floorLcp = floorLh?.lcp;
    const lcpFails = measuredPages.filter((p) => floorLcp != null && p.r.lcp > BUDGET.lcpRatio * floorLcp);
    const worstLcp = measuredPages.reduce((w, p) => (!w || p.r.lcp > w.r.lcp ? p : w), null);
    budgets.push([
      'LCP, every page',
      `≤ 1.15 × floor (${fmtMs(floorLcp == null ? null : floorLcp * BUDGET.lcpRatio)})`,
      worstLcp ? `worst ${fmtMs(worstLcp.r.lcp)} = ${fmtRatio(worstLcp.r.lcp, floorLcp)} (${worstLcp.name})` : 'n/a',
      floorLcp == null || measuredPages.length === 0 ? 'n/a' : `${pass(lcpFails.length === 0)}${lcpFails.length ? ` (${lcpFails.length} of ${measuredPages.length} pages)` : ''}`,
    ]);
    const worst = (key) => measuredPages.reduce((w, p) => (!w || p.r[key] > w.r[key] ? p : w), null);
    const tbt = worst('tbt');
    const tbtFails = measuredPages.filter((p) => p.r.tbt > BUDGET.tbtMs);
    budgets.push([
      'TBT, every page',
      '0 ms',
      tbt ? `worst ${fmtMs(tbt.r.tbt)} (${tbt.name})` : 'n/a',
      measuredPages.length ? `${pass(tbtFails.length === 0)}${tbtFails.length ? ` (${tbtFails.length} of ${measuredPages.length} pages)` : ''}` : 'n/a',
    ]);
    const cls = worst('cls');
    const clsFails = measuredPages.filter((p) => p.r.cls > BUDGET.cls);
    budgets.push([
      'CLS, every page',
      '0',
      cls ? `worst ${cls.r.cls.toFixed(4)} (${cls.name})` : 'n/a',
      measuredPages.length ? `${pass(clsFails.length === 0)}${clsFails.length ? ` (${clsFails.length} of ${measuredPages.length} pages)` : ''}` : 'n/a',
    ]);
  }
  for (const storyRow of inter.filter((r) => !r.name.startsWith('noop'))) {
    // The story page's figure; for a control it does not have, its view's.
    const viewRow = (interViews ?? []).find((r) => r.name === storyRow.name && r.status === 'ok');
    const row = storyRow.status !== 'ok' && viewRow ? viewRow : storyRow;
    const where = row === storyRow ? '' : ` (on ${row.path.replace('/?', '')}: the story page has no such control)`;
    budgets.push([
      `interaction p95 at ${THROTTLE}×: ${row.name}`,
      '≤ 16 ms',
      row.status === 'ok' ? `${fmtMs(row.p95, 1)}${where}` : row.status,
      row.status === 'ok' ? pass(row.p95 <= BUDGET.interactionP95Ms) : 'n/a',
    ]);
  }
  if (mem.length === 0) budgets.push(['memory growth', '≤ 5 %', 'n/a: no in-page interaction to repeat', 'n/a']);
  for (const group of mem) {
    for (const [key, label] of [
      ['heap', 'JS heap'],
      ['wasm', 'wasm memory'],
    ]) {
      const m = group.result;
      const g = growth(m, key);
      budgets.push([
        `${label} growth over ${(m?.count ?? MEMORY_INTERACTIONS).toLocaleString('en-US')} interactions, ${group.label} (${group.specs.map((x) => x.name).join(', ')})`,
        '≤ 5 %',
        g == null ? (m?.status !== 'ok' ? m?.status ?? 'n/a' : 'n/a') : fmtPct(g),
        pass(g == null ? null : g <= BUDGET.memoryGrowth),
      ]);
    }
  }
  out.push('## Budgets', '');
  out.push(table(['budget', 'limit', 'measured', 'result'], budgets), '');
  const failed = budgets.filter((b) => String(b[3]).startsWith('FAIL')).length;
  out.push(`${budgets.length - failed - budgets.filter((b) => b[3] === 'n/a').length} passed, ${failed} failed, ${budgets.filter((b) => b[3] === 'n/a').length} not measured.`, '');

  // Sizes.
  out.push('## Size', '');
  if (sizes) {
    out.push(
      'Every shipped file of `dist/` (the precompressed `.br`/`.gz` copies the post-build hook adds are encodings of these, so not listed). ' +
        'gzip level 9 and brotli quality 11, as `scripts/postbuild.mjs` precompresses. "first load" = fetched when `/` opens (watched at the server). 1 KB = 1,000 bytes.',
      '',
    );
    out.push(
      table(
        ['file', 'first load', 'raw', 'gzip', 'brotli'],
        [
          ...sizes.files.map((f) => [`\`${f.name.replace(/-[0-9a-f]{12,16}/, '-…')}\``, f.firstLoad ? 'yes' : '', fmtBytes(f.raw), fmtBytes(f.gzip), fmtBytes(f.brotli)]),
          [`**first load, ${sizes.firstLoad.count} files**`, '', `**${fmtBytes(sizes.firstLoad.raw)}**`, `**${fmtBytes(sizes.firstLoad.gzip)}**`, `**${fmtBytes(sizes.firstLoad.brotli)}**`],
          [`all shipped, ${sizes.shipped.count} files`, '', fmtBytes(sizes.shipped.raw), fmtBytes(sizes.shipped.gzip), fmtBytes(sizes.shipped.brotli)],
          ...(floorSizes
            ? [
                [`floor: first load, ${floorSizes.firstLoad.count} files`, '', fmtBytes(floorSizes.firstLoad.raw), fmtBytes(floorSizes.firstLoad.gzip), fmtBytes(floorSizes.firstLoad.brotli)],
                ['first load ÷ floor', '', fmtRatio(sizes.firstLoad.raw, floorSizes.firstLoad.raw), fmtRatio(sizes.firstLoad.gzip, floorSizes.firstLoad.gzip), fmtRatio(sizes.firstLoad.brotli, floorSizes.firstLoad.brotli)],
              ]
            : []),
        ],
      ),
      '',
    );
    if (floorSizes) {
      out.push('The floor\'s files:', '');
      out.push(
        table(
          ['file', 'first load', 'raw', 'gzip', 'brotli'],
          floorSizes.files.map((f) => [`\`${f.name.replace(/-[0-9a-f]{12,16}/, '-…')}\``, f.firstLoad ? 'yes' : '', fmtBytes(f.raw), fmtBytes(f.gzip), fmtBytes(f.brotli)]),
        ),
        '',
      );
    }
  } else {
    out.push('Not measured.', '');
  }

  // Lighthouse.
  out.push('## Lighthouse', '');
  if (lh) {
    const settings = Object.values(lh).find((r) => r)?.settings ?? 'mobile, simulate';
    out.push(
      `Lighthouse ${info.lighthouse}, performance category, default mobile preset (${settings} throttling: 150 ms RTT, 1.6 Mbps, 4× CPU), ` +
        `the median of ${LIGHTHOUSE_RUNS} run${LIGHTHOUSE_RUNS === 1 ? '' : 's'} per page by LCP (its figures are shown; "LCP range" and "TBT range" span all runs), ` +
        'against a local server that serves brotli. Ratios are to the floor. Full reports: `target/bench/lighthouse/`.',
      '',
    );
    const range = ([a, b] = []) => (a == null ? '' : a === b ? fmtMs(a) : `${Math.round(a)}–${Math.round(b)} ms`);
    const rows = pageRows.map((p) =>
      p.r
        ? [
            p.name,
            String(p.r.score),
            fmtMs(p.r.fcp),
            fmtMs(p.r.lcp),
            fmtMs(p.r.tbt),
            p.r.cls.toFixed(3),
            fmtRatio(p.r.fcp, floorLh?.fcp),
            fmtRatio(p.r.lcp, floorLh?.lcp),
            range(p.r.lcpRange),
            range(p.r.tbtRange),
          ]
        : [p.name, 'error', '', '', '', '', '', '', '', ''],
    );
    rows.push(
      floorLh
        ? ['**floor** (counter)', String(floorLh.score), fmtMs(floorLh.fcp), fmtMs(floorLh.lcp), fmtMs(floorLh.tbt), floorLh.cls.toFixed(3), '1.00×', '1.00×', range(floorLh.lcpRange), range(floorLh.tbtRange)]
        : ['**floor** (counter)', 'error', '', '', '', '', '', '', '', ''],
    );
    out.push(table(['page', 'score', 'FCP', 'LCP', 'TBT', 'CLS', 'FCP ÷ floor', 'LCP ÷ floor', 'LCP range', 'TBT range'], rows), '');
    const warnings = [...new Set(Object.values(lh).flatMap((r) => r?.warnings ?? []))];
    if (warnings.length) out.push(`Lighthouse warned: ${warnings.map((w) => w.replace(/\s+/g, ' ')).join(' · ')}`, '');
  } else {
    out.push('Skipped (--no-lighthouse).', '');
  }

  // Interactions.
  out.push(`## Interactions (${THROTTLE}× CPU throttle)`, '');
  out.push(
    'Main-thread time per interaction: from just before the event is dispatched until the end of the next frame\'s task ' +
      "(Chromium's BeginMainFrame: so it includes the handler, Leptos' effects, the tasks that ran before that frame, and the " +
      "frame's animation-frame callbacks, style, layout, paint and commit; the page's own tasks for after the frame are not " +
      'in it), summed from the renderer main ' +
      "thread's top-level tasks in a Chromium trace (idle time waiting for the frame is not counted). " +
      `On the story page at a phone-sized viewport (412×823), ${RUNS} runs after ${WARMUP} warm-up ones ` +
      `(${INTERACTIONS.filter((s) => (s.warmup ?? 0) > WARMUP).map((s) => `${s.name}: ${s.warmup}`).join(', ')}; see bench/interactions.mjs), 30 ms apart ` +
      `(${INTERACTIONS.filter((s) => s.settle).map((s) => s.name).join(', ')}: 30 ms after the page is ready again, every piece of the view switched to built). ` +
      'p50/p95/max are wall-clock task time (what the budget uses); "CPU" is the same tasks\' thread CPU time, which leaves out ' +
      'time the thread was descheduled for other processes (on a busy machine the two differ; throttling counts in both). ' +
      '"noop" is the harness alone (an empty interaction); every other row includes it. Events are dispatched in the page ' +
      '(`click()`, or `value` + an `input` event for the slider), with the control scrolled to the middle of the screen first, ' +
      'as a reader would have it (off screen, its part of the page may be skipped). ' +
      'The floor row is the counter\'s click, for scale. ' +
      '"Second frame" is what the interaction left for the frame after (from the end of that frame to the first task after the ' +
      'following frame: work put off a frame on purpose, such as the ownership details, which follow the diagram a frame ' +
      'later); "both frames" is the two together, per run: all the main-thread work the interaction caused.',
    '',
  );
  const onView = new Map((interViews ?? []).map((r) => [r.name, r]));
  const interRows = (rows, prefix = '') =>
    rows.map((r) => {
      const v = onView.get(r.name);
      const viewCells = v
        ? v.status === 'ok'
          ? [`${v.path.replace('/?', '')}: ${fmtMs(v.p50, 1)} / ${fmtMs(v.p95, 1)}`]
          : [`${v.path.replace('/?', '')}: ${v.status}`]
        : [''];
      return r.status === 'ok'
        ? [
            `${prefix}${r.name}`,
            r.control ? `\`${r.control}\`` : '',
            fmtMs(r.p50, 2),
            `**${fmtMs(r.p95, 2)}**`,
            fmtMs(r.max, 2),
            fmtMs(r.cpuP50, 2),
            fmtMs(r.cpuP95, 2),
            fmtMs(r.nextP95, 2),
            fmtMs(r.wholeP95, 2),
            String(r.samples.length),
            ...viewCells,
            r.note ?? '',
          ]
        : [`${prefix}${r.name}`, '', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', '0', ...viewCells, r.status];
    });
  out.push(
    table(
      ['interaction', 'control', 'p50', 'p95', 'max', 'CPU p50', 'CPU p95', 'second frame p95', 'both frames p95', 'runs', 'on its view alone: p50 / p95', 'note'],
      [...interRows(inter), ...interRows(floorInter ?? [], 'floor: ')],
    ),
    '',
  );

  // Memory.
  out.push(`## Memory over ${MEMORY_INTERACTIONS.toLocaleString('en-US')} interactions`, '');
  out.push(
    'After forced garbage collections (CDP `HeapProfiler.collectGarbage` and `gc()`): `performance.memory.usedJSHeapSize` ' +
      '(Chromium with `--enable-precise-memory-info`) and the size of the wasm linear memory (the `memory` export of the module ' +
      "Trunk's loader announces in `TrunkApplicationStarted`; it only grows, in 64 KiB pages). \"load\" is right after the page mounted; " +
      `"before" after ${MEMORY_WARMUP} warm-up interactions (more where an interaction's memory first climbs to a high-water mark: ` +
      `${INTERACTIONS.filter((spec) => spec.memoryWarmup).map((spec) => `${spec.memoryWarmup.toLocaleString('en-US')} for the ${spec.name}`).join(', ')}) ` +
      'and once the page has stopped adding elements (30 frames without a change: ' +
      "what it builds ahead, such as the ownership panels, one per frame, is its settled size, not growth); \"after\" too once the page has " +
      "stopped adding elements; growth is after ÷ before. On each view's own page, " +
      `${MEMORY_INTERACTIONS.toLocaleString('en-US')} of that view's interactions from the table above, in turn ` +
      "(on the story page for those that have no view), unthrottled, one task each, a frame every 50; an interaction that " +
      're-renders every text of the page (the language switch) is repeated fewer times, as its row says. ' +
      "The floor: its counter's click.",
    '',
  );
  const memRows = (m, label) => {
    if (!m || m.status !== 'ok') return [[label, m?.status ?? 'n/a', '', '', '', '']];
    return [
      [`${label}: JS heap`, fmtBytes(m.load.heap), fmtBytes(m.before.heap), fmtBytes(m.after.heap), fmtPct(growth(m, 'heap')), ''],
      [`${label}: wasm memory`, fmtMiB(m.load.wasm), fmtMiB(m.before.wasm), fmtMiB(m.after.wasm), fmtPct(growth(m, 'wasm')), ''],
      [`${label}: DOM nodes`, fmtBytes(m.load.nodes), fmtBytes(m.before.nodes), fmtBytes(m.after.nodes), fmtPct(growth(m, 'nodes')), ''],
      [`${label}: event listeners`, fmtBytes(m.load.listeners), fmtBytes(m.before.listeners), fmtBytes(m.after.listeners), fmtPct(growth(m, 'listeners')), ''],
    ].map((r, i) =>
      i === 0
        ? [...r.slice(0, 5), `${m.done.toLocaleString('en-US')} done in ${m.seconds.toFixed(1)} s: ${m.interactions.join(', ')}${m.alive ? '' : '; app gone afterwards!'}${m.errors.length ? `; page errors: ${m.errors.join(' / ')}` : ''}`]
        : r,
    );
  };
  out.push(
    table(
      ['', 'load', 'before', 'after', 'growth', 'note'],
      [...mem.flatMap((g) => memRows(g.result, g.label)), ...memRows(floorMem, 'floor')],
    ),
    '',
  );
  for (const g of mem) {
    if (g.result?.status === 'ok' && floorMem?.status === 'ok') {
      out.push(
        `${g.label} ÷ floor after the run: JS heap ${fmtRatio(g.result.after.heap, floorMem.after.heap)}, wasm memory ${fmtRatio(g.result.after.wasm, floorMem.after.wasm)}.`,
        '',
      );
    }
  }
  if (problems.length) {
    out.push('## Could not measure', '', ...problems.map((p) => `- ${p}`), '');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------- main

/** --interactions-only: the story page's interaction rows of --dist, printed; nothing written. */
async function interactionsOnly() {
  const wanted = args.only ? new Set(args.only.split(',').map((n) => n.trim())) : null;
  const specs = INTERACTIONS.filter((s) => s.act === 'noop' || !wanted || wanted.has(s.name));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const onView = (s) => (s.view ? `/?view=${s.view}` : '/');
    const rows = await timeInteractions(browser, args.dist, specs, args['on-views'] ? onView : undefined);
    console.log(`| interaction | p50 | p95 | max | second frame p95 | both frames p95 | runs |\n| --- | --- | --- | --- | --- | --- | --- |`);
    for (const r of rows) {
      const cells =
        r.status === 'ok'
          ? [fmtMs(r.p50, 2), fmtMs(r.p95, 2), fmtMs(r.max, 2), fmtMs(r.nextP95, 2), fmtMs(r.wholeP95, 2), r.samples.length]
          : [r.status, '', '', '', '', 0];
      console.log(`| ${r.name} | ${cells.join(' | ')} |`);
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  if (args['interactions-only']) return interactionsOnly();
  const started = new Date();
  const info = machine();
  const loadStart = info.load();
  for (const [label, dir] of [
    ['dist', args.dist],
    ['floor dist', args['floor-dist']],
  ]) {
    if (!existsSync(join(dir, 'index.html'))) {
      console.error(`bench: ${label} ${dir} has no index.html; build first (bash scripts/bench.sh does)`);
      process.exit(1);
    }
  }
  // A shipped wasm that still holds the linker's relocations (a `linking` section) was built
  // for the splitter but never split, and wasm-opt cannot shrink it: the floor would be 8×
  // its size, and every ratio to it wrong.
  for (const [label, dir] of [
    ['explainer', args.dist],
    ['floor', args['floor-dist']],
  ]) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.wasm'))) {
      if (readFileSync(join(dir, name)).includes('\x07linking')) {
        problems.push(`${label}: ${name} still has its linker relocations (built with --emit-relocs, not split): not what a release ships`);
      }
    }
  }
  // Measure a snapshot, so a rebuild of dist/ while the bench runs cannot mix two builds.
  const snap = join(WORK, 'dist');
  const floorSnap = join(WORK, 'floor-dist');
  for (const [from, to] of [
    [args.dist, snap],
    [args['floor-dist'], floorSnap],
  ]) {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true, filter: (src) => !/(^|\/)\.[^/]+$/.test(relative(from, src)) });
  }

  log(`sizes`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    timeout: 60_000,
  });
  let sizes = null;
  let floorSizes = null;
  let inter = [];
  let floorInter = [];
  let interViews = [];
  let mem = [];
  let floorMem = null;
  try {
    sizes = await measureSizes(browser, snap, 'explainer');
    floorSizes = await measureSizes(browser, floorSnap, 'floor');
    log(`first load brotli: ${sizes.firstLoad.brotli} B (floor ${floorSizes.firstLoad.brotli} B)`);
  } catch (error) {
    problems.push(`sizes: ${error.message.split('\n')[0]}`);
  }
  await browser.close();

  let lh = null;
  if (!args['no-lighthouse']) {
    log('lighthouse (one run per page, sequential)');
    try {
      lh = await lighthouseRuns([
        ...PAGES.map((p) => ({ key: p.name, dir: snap, path: p.path })),
        { key: 'floor', dir: floorSnap, path: '/' },
      ]);
    } catch (error) {
      problems.push(`Lighthouse: ${error.message.split('\n')[0]}`);
      lh = {};
    }
  }

  const browser2 = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    timeout: 60_000,
  });
  try {
    log(`interactions (${RUNS} runs each at ${THROTTLE}× throttle)`);
    inter = await timeInteractions(browser2, snap, INTERACTIONS);
    interViews = await timeInteractions(browser2, snap, INTERACTIONS.filter((s) => s.view), (s) => `/?view=${s.view}`);
    floorInter = await timeInteractions(browser2, floorSnap, FLOOR_INTERACTIONS);
    log(`memory (${MEMORY_INTERACTIONS} interactions per page)`);
    // Per view: the interactions that worked there (else, if they worked on the story page, there).
    const okOn = (rows) => new Set(rows.filter((r) => r.status === 'ok' && !r.name.startsWith('noop')).map((r) => r.name));
    const onStory = okOn(inter);
    const onView = okOn(interViews);
    const groups = new Map();
    for (const spec of INTERACTIONS) {
      const path = onView.has(spec.name) ? `/?view=${spec.view}` : onStory.has(spec.name) ? '/' : null;
      if (!path) continue;
      if (!groups.has(path)) groups.set(path, []);
      groups.get(path).push(spec);
    }
    for (const [path, specs] of groups) {
      const label = path === '/' ? 'story' : path.replace('/?', '');
      mem.push({ label, path, specs, result: await measureMemory(browser2, snap, specs, path) });
    }
    floorMem = await measureMemory(browser2, floorSnap, FLOOR_INTERACTIONS.filter((s) => s.act !== 'noop'));
  } finally {
    await browser2.close();
  }

  const seconds = (Date.now() - started.getTime()) / 1000;
  const markdown = report({ info, started, seconds, loadStart, loadEnd: info.load(), sizes, floorSizes, lh, inter, interViews, floorInter, mem, floorMem });
  writeFileSync(args.out, `${markdown}\n`);
  console.log(markdown);
  log(`wrote ${relative(process.cwd(), args.out) || args.out}; Lighthouse reports in ${relative(process.cwd(), join(WORK, 'lighthouse'))}/`);
  if (problems.length) {
    log(`could not measure: ${problems.join('; ')}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error('bench: failed:', error?.stack || error);
  process.exit(1);
});
