// Memory: repeating an interaction a thousand times must not grow wasm memory. Before
// vendor/reactive_graph's fix, every selection left ~4 KB behind and every breach step
// ~0.8 KB (each dropped effect stayed listed in the long-lived signals it had read).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INTERACTIONS, installBench } from '../../bench/interactions.mjs';
import { useSession, withShotOnFailure } from './browser.mjs';

const session = useSession();

const REPEATS = 1000;
const WARMUP = 100;
/** wasm memory grows in 64 KiB pages; a leak of even 0.2 KB per interaction shows as 3+. */
const ALLOWED_GROWTH = 2 * 64 * 1024;

const CASES = [
  { path: '/?view=ownership', interactions: ['selection', 'slider drag'] },
  { path: '/?view=breach', interactions: ['step', 'toggle'] },
  // Each switch drops a whole view, with the pieces it still had queued, and builds another.
  // Switches a task apart outrun the pieces, so memory first grows to a high-water mark
  // (about 0.7 MB over some 900 switches here, then flat for thousands more): the warm-up
  // reaches it.
  { path: '/?view=timeline', interactions: ['view switch'], warmup: 1000 },
];

for (const { path, interactions, warmup = WARMUP } of CASES) {
  test(`${path}: ${REPEATS} × (${interactions.join(', ')}) leave wasm memory flat`, async (t) => {
    const opened = await session.openPage(path, {
      initScripts: [
        () => addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail?.wasm; }),
      ],
    });
    await withShotOnFailure(opened, t.name, async ({ page }) => {
      await page.evaluate(installBench);
      const specs = INTERACTIONS.filter((spec) => interactions.includes(spec.name));
      assert.equal(specs.length, interactions.length, 'every named interaction exists');
      const bytes = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength);
      const run = (n) => page.evaluate(({ s, count }) => window.__bench.loop(s, count), { s: specs, count: n });
      assert.equal(await run(warmup), warmup, 'the controls respond');
      const before = await bytes();
      assert.equal(await run(REPEATS * specs.length), REPEATS * specs.length, 'every interaction ran');
      const grown = (await bytes()) - before;
      assert.ok(grown <= ALLOWED_GROWTH, `wasm memory grew ${grown} bytes (${before} before)`);
    });
    await opened.close();
  });
}
