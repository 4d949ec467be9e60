// Where an interaction's main-thread time goes: the bench times an interaction as one figure
// (bench/run.mjs); this splits it by what Chromium's trace says the renderer main thread did
// (script, style, layout, pre-paint, paint, layerize, commit, ...), per run, at the same CPU
// throttle, for one interaction of bench/interactions.mjs. A tool for looking, like the bench
// not a test: it prints a table and exits 0.
//
//   node bench/profile.mjs step                       # on its own view (view=breach)
//   node bench/profile.mjs "slider drag" --story      # on the story page
//   node bench/profile.mjs selection --runs 20 --throttle 1 --dist /some/dist
//   node bench/profile.mjs selection --per-run         # each run: its control, its time
//   node bench/profile.mjs selection --functions 30    # the 30 functions with most self time
//   node bench/profile.mjs selection --functions 30 --tree 0.1   # and the calls, top down (≥ 0.1 ms a run)
//   node bench/profile.mjs step --css '.whatif { content-visibility: auto }'   # try a rule
//
// --css adds a stylesheet before timing (the page's CSP is bypassed for it), to try a
// rendering change without a build. The control is scrolled to the middle of the screen
// first, as in the bench; --scroll-to SELECTOR scrolls that element into view instead (what
// is near the screen is drawn; the rest is skipped). Script time is split further by a
// profiler only with function names in the wasm: see README, Bench.

import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { INTERACTIONS, installBench, waitInPage } from './interactions.mjs';
import { serve } from './server.mjs';
import { frameEnd, traceDuring } from './trace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '12' },
    throttle: { type: 'string', default: '4' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    story: { type: 'boolean', default: false },
    css: { type: 'string' },
    'scroll-to': { type: 'string' },
    'per-run': { type: 'boolean', default: false },
    functions: { type: 'string' },
    tree: { type: 'string' },
  },
});
const name = positionals.join(' ');
const spec = INTERACTIONS.find((s) => s.name === name);
if (!spec) {
  console.error(`bench/profile.mjs: no interaction "${name}"; one of: ${INTERACTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const RUNS = Math.max(1, Number(args.runs));
const WARMUP = 3;
const path = args.story || !spec.view ? '/' : `/?view=${spec.view}`;

/** Self time per trace event name, within [from, to] of the main thread, in ms. */
function selfTimes(events, from, to) {
  const slices = events.filter((e) => e.ph === 'X' && e.ts < to && e.ts + (e.dur ?? 0) > from).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const self = new Map();
  for (const e of slices) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const clipped = Math.min(e.ts + e.dur, to) - Math.max(e.ts, from);
    self.set(e.name, (self.get(e.name) ?? 0) + clipped);
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - clipped);
    stack.push(e);
  }
  return new Map([...self].map(([k, v]) => [k, v / 1000]));
}

const server = await serve(args.dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    bypassCSP: Boolean(args.css),
  });
  const page = await context.newPage();
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  // Polled, as the bench does: Playwright's waits would add listeners to every click.
  await waitInPage(page, () => document.querySelector('html[data-ready="1"] main#story') !== null);
  await page.evaluate(() => dispatchEvent(new Event('scroll')));
  await waitInPage(page, () => document.documentElement.dataset.ready === '1' && !document.querySelector('section.chunk-pending'));
  if (args.css) await page.addStyleTag({ content: args.css });
  await page.evaluate(installBench);
  if (!(await page.evaluate((s) => window.__bench.present(s), spec))) throw new Error(`no control for "${name}" on ${path}`);
  // As the bench: the control in the middle of the screen, unless told otherwise.
  if (args['scroll-to']) await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView(), args['scroll-to']);
  else await page.evaluate((s) => window.__bench.reveal(s), spec);
  await page.waitForTimeout(500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Math.max(1, Number(args.throttle)) });
  const warmup = Math.max(WARMUP, spec.warmup ?? 0);
  for (let i = 0; i < warmup; i += 1) await page.evaluate(({ s, n }) => window.__bench.timed(s, n), { s: spec, n: i });

  const series = () => page.evaluate(({ s, f, n }) => window.__bench.series(s, f, n), { s: spec, f: warmup, n: RUNS });
  if (args.functions) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const { events } = await traceDuring(cdp, ['toplevel', 'blink.user_timing', 'devtools.timeline'], series);
  const profile = args.functions ? (await cdp.send('Profiler.stop')).profile : null;

  const marks = new Map(events.filter((e) => String(e.name).startsWith('bench:')).map((e) => [e.name, e]));
  const first = marks.get('bench:start:0');
  if (!first) throw new Error('the trace has none of the bench marks');
  const main = events.filter((e) => e.pid === first.pid && e.tid === first.tid);
  const totals = new Map();
  const perRun = [];
  let window = 0;
  const windows = [];
  for (let k = 0; k < RUNS; k += 1) {
    const from = marks.get(`bench:start:${k}`)?.ts;
    const marked = marks.get(`bench:end:${k}`)?.ts;
    if (from == null || marked == null) continue;
    const to = frameEnd(main, from, marked);
    windows.push([from, to]);
    window += (to - from) / 1000;
    const self = selfTimes(main, from, to);
    for (const [key, ms] of self) totals.set(key, (totals.get(key) ?? 0) + ms);
    perRun.push({ k, self });
  }
  const busy = [...totals.values()].reduce((a, b) => a + b, 0);
  const rows = [...totals].filter(([, ms]) => ms / RUNS >= 0.05).sort((a, b) => b[1] - a[1]);
  console.log(`${name} on ${path}${args.css ? ' with --css' : ''}, ${RUNS} runs at ${args.throttle}× throttle, ms per run:\n`);
  console.log('| trace event (self time) | ms | share |\n| --- | --- | --- |');
  for (const [key, ms] of rows) console.log(`| ${key} | ${(ms / RUNS).toFixed(2)} | ${((100 * ms) / busy).toFixed(0)} % |`);
  console.log(`| **main thread busy** | **${(busy / RUNS).toFixed(2)}** | |`);
  console.log(`| event to next frame (wall) | ${(window / RUNS).toFixed(2)} | |`);
  if (profile) {
    // Self time per function inside the runs' windows (event to the end of its frame).
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parentOf = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
    // Whose code a sample is in: the nearest frame with a script (a browser function such
    // as setAttribute has none; its caller's counts): the app's wasm, the app's JS glue,
    // the bench's harness (evaluated, no file), or none (the browser's own work).
    const originOf = (id) => {
      for (let at = id; at != null; at = parentOf.get(at)) {
        const { url, functionName } = byId.get(at).callFrame;
        if (url.startsWith('wasm://') || url.endsWith('.wasm')) return 'app: wasm';
        if (url.endsWith('.js') && !url.includes('playwright')) return 'app: JS';
        if (['series', 'run', 'yieldTask', 'nextFrame', 'timed', 'settled'].includes(functionName)) return 'bench harness';
      }
      return 'browser (no script)';
    };
    const origins = new Map();
    const self = new Map();
    const samples = samplesIn(profile, windows);
    for (const { id, ms } of samples) {
      const { functionName, url } = byId.get(id).callFrame;
      const key = functionName || (url ? `(anonymous) ${url.split('/').at(-1)}` : '(program)');
      self.set(key, (self.get(key) ?? 0) + ms);
      const origin = originOf(id);
      origins.set(origin, (origins.get(origin) ?? 0) + ms);
    }
    if (args.tree) printTree(profile, samples, RUNS, Number(args.tree));
    console.log(`\n| whose code (CPU profile, self) | ms per run |\n| --- | --- |`);
    for (const [key, ms] of [...origins].sort((a, b) => b[1] - a[1])) console.log(`| ${key} | ${(ms / RUNS).toFixed(2)} |`);
    const idle = new Set(['(idle)', '(program)', '(garbage collector)']);
    const top = [...self].filter(([key]) => !idle.has(key)).sort((a, b) => b[1] - a[1]).slice(0, Number(args.functions) || 30);
    console.log(`\n| function (CPU profile, self) | ms per run |\n| --- | --- |`);
    for (const [key, ms] of top) console.log(`| ${key.slice(0, 120)} | ${(ms / RUNS).toFixed(2)} |`);
    for (const key of idle) if (self.has(key)) console.log(`| ${key} | ${(self.get(key) / RUNS).toFixed(2)} |`);
  }
  if (args['per-run']) {
    // Which control each run used (a cycle takes them in turn), and where its time went.
    const controls = await page.evaluate(({ s, f, n }) => window.__bench.controls(s, f, n), { s: spec, f: warmup, n: RUNS });
    const top = rows.slice(0, 5).map(([key]) => key);
    console.log(`\n| run | control | busy | ${top.join(' | ')} |\n| --- | --- | --- |${' --- |'.repeat(top.length)}`);
    for (const { k, self } of perRun) {
      const busyK = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`| ${k} | ${controls[k] ?? ''} | ${busyK.toFixed(1)} | ${top.map((key) => (self.get(key) ?? 0).toFixed(1)).join(' | ')} |`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * The CPU profile's samples inside `windows` ([from, to] on the trace's clock, which the
 * profile's times share): each sample's node and the time until the next sample, in ms.
 */
function samplesIn(profile, windows) {
  const samples = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (windows.some(([from, to]) => at >= from && at < to)) samples.push({ id, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000 });
  });
  return samples;
}

/**
 * The calls of `samples` (from `samplesIn`), top down: per call path, its time (with its
 * callees) and its own, in ms per run; paths under `minMs` a run are left out.
 */
function printTree(profile, samples, runs, minMs) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, { ...node, self: 0 }]));
  for (const { id, ms } of samples) nodes.get(id).self += ms;
  const total = (node) => (node.total ??= node.self + (node.children ?? []).reduce((sum, id) => sum + total(nodes.get(id)), 0));
  console.log('\ncalls inside the runs (ms per run, with callees / own):');
  const walk = (node, depth) => {
    if (total(node) / runs < minMs) return;
    const { functionName, url } = node.callFrame;
    const name = functionName || url.split('/').at(-1) || '(anonymous)';
    if (depth > 0) console.log(`${'  '.repeat(depth - 1)}${(total(node) / runs).toFixed(2)} / ${(node.self / runs).toFixed(2)} ${name.slice(0, 110)}`);
    for (const id of [...(node.children ?? [])].sort((a, b) => total(nodes.get(b)) - total(nodes.get(a)))) walk(nodes.get(id), depth + 1);
  };
  walk(nodes.get(profile.nodes[0].id), 0);
}
