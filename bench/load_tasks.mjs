// Where a page load's long tasks go: Lighthouse's TBT counts every main-thread task after
// the first paint for what it lasts beyond 50 ms at 4× CPU, so this lists each task of a
// load that lasts longer than --over ms (after the first contentful paint), with what
// Chromium's trace says it did and how much of it was V8 compiling wasm functions on their
// first call (lazy compilation: a function is compiled when it first runs, on the main
// thread). A tool for looking, like bench/profile.mjs not a test: it prints and exits 0.
//
//   node bench/load_tasks.mjs                       # the story page, unthrottled
//   node bench/load_tasks.mjs --path '/?view=timeline' --throttle 4 --over 40
//
// Tracing every lazy compilation slows the load down: compare tasks with each other, not
// with the bench's figures.

import { CHROMIUM_ARGS } from '../tests/browser/browser.mjs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { waitInPage } from './interactions.mjs';
import { serve } from './server.mjs';
import { traceDuring } from './trace.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    path: { type: 'string', default: '/' },
    dist: { type: 'string', default: join(ROOT, 'dist') },
    throttle: { type: 'string', default: '1' },
    over: { type: 'string', default: '10' },
  },
});
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'loading',
  'blink.user_timing',
  'v8.wasm',
  'disabled-by-default-v8.wasm.detailed',
];
const ms = (us) => (us / 1000).toFixed(1);

const server = await serve(args.dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Math.max(1, Number(args.throttle)) });
  const { events } = await traceDuring(cdp, CATEGORIES, async () => {
    await page.goto(new URL(args.path, server.url).href, { waitUntil: 'load' });
    // Polled (waitInPage): Playwright's waitForFunction would load its injected script and
    // poll on every frame inside the load being traced.
    await waitInPage(page, () => document.documentElement.dataset.ready === '1', undefined, 120_000);
    await page.waitForTimeout(500);
  });
  const fcp = events.find((e) => e.name === 'firstContentfulPaint');
  const start = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? fcp;
  if (!fcp) throw new Error('the trace has no first contentful paint');
  const main = events.filter((e) => e.pid === fcp.pid && e.tid === fcp.tid);
  const within = (task) => main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task);
  // Top-level tasks only (the names differ between Chromium's trace categories).
  const candidates = main.filter((e) => /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) && e.ph === 'X');
  const nested = (e) => candidates.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur);
  const tasks = candidates.filter((e) => e.ts > fcp.ts && e.dur > Number(args.over) * 1000 && !nested(e));
  console.log(`${args.path} at ${args.throttle}× throttle: first contentful paint at ${ms(fcp.ts - start.ts)} ms; ${tasks.length} tasks after it over ${args.over} ms\n`);
  console.log('| at (ms) | task (ms) | what it ran | wasm functions compiled on first call | their compile time (ms) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const task of tasks) {
    const inside = within(task);
    const lazy = inside.filter((e) => e.name === 'wasm.CompileLazy');
    const what = [...new Set(inside.filter((e) => e.ph === 'X' && e.dur > task.dur / 5).map((e) => e.name))]
      .filter((n) => !/^(ThreadControllerImpl::RunTask|v8\.callFunction)$/.test(n))
      .slice(0, 4)
      .join(', ');
    const scripts = [...new Set(inside.filter((e) => e.name === 'EvaluateScript' || e.name === 'v8.evaluateModule').map((e) => String(e.args?.data?.url ?? '').split('/').pop() || 'inline'))];
    const ran = scripts.length ? `${what} (${scripts.join(', ')})` : what;
    const compile = lazy.reduce((sum, e) => sum + (e.dur ?? 0), 0);
    console.log(`| ${ms(task.ts - start.ts)} | ${ms(task.dur)} | ${ran} | ${lazy.length} | ${ms(compile)} |`);
  }
} finally {
  await browser.close();
  await server.close();
}
