// Loading on a slow phone (4× CPU throttling, a phone's viewport): the page arrives in
// pieces (src/app/later.rs) after the static shell, and nothing a reader already sees is
// pushed around while it does, on the story or on any view. (How long the pieces take is
// the bench's business: BENCHMARKS.md.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSession, withShotOnFailure } from './browser.mjs';

const session = useSession();
const PHONE = { width: 412, height: 823 };
const PAGES = ['/', '/?view=ownership', '/?view=breach', '/?view=guidance', '/?view=timeline', '/?view=numbers', '/?view=sources', '/?view=glossary'];

/** Records layout shifts from the first script on. */
function recordLoading() {
  const shifts = [];
  Object.defineProperty(window, '__loading', { value: { shifts } });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      shifts.push({
        value: entry.value,
        sources: entry.sources.map((s) => `${s.node?.nodeName?.toLowerCase()}.${s.node?.className?.baseVal ?? s.node?.className ?? ''}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

for (const path of PAGES) {
  test(`${path}: loading on a slow phone shifts nothing on screen`, async (t) => {
    const opened = await session.openPage('/?view=sources', { viewport: PHONE, initScripts: [recordLoading] });
    const cdp = await opened.context.newCDPSession(opened.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await opened.page.goto(new URL(path, opened.page.url()).href);
    await opened.page.waitForSelector('html[data-ready="1"]', { timeout: 60_000 });
    await withShotOnFailure(opened, t.name, async ({ page }) => {
      // Two frames after the last piece, so late shifts are reported too.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const { shifts } = await page.evaluate(() => window.__loading);
      const total = shifts.reduce((sum, s) => sum + s.value, 0);
      assert.equal(total, 0, `layout shifts: ${JSON.stringify(shifts)}`);
    });
    await opened.close();
  });
}
