// Stress: thousands of random but valid reader actions (clicks, keys, slider moves,
// language and view switches) with a fixed seed, across views and languages. Any console
// error, page error or panic fails the test.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSession, withShotOnFailure } from './browser.mjs';
import { LANGS, VIEWS } from './page.mjs';
import { random } from './seeded.mjs';

const session = useSession();

const ACTIONS_PER_LANE = 700;
const LANES = 3;

/** Controls a reader can use; downloads are left out (they only save files). */
const CLICKABLE = [
  'main#story button:not(.download-picture):not(.own-download-button):not(.csv-download):not(.download-link)',
  'main#story [role="button"]',
  'main#story input[type="checkbox"]',
  'main#story a[href^="#"]',
  'header button, header a[href^="?"]',
].join(', ');
const KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', 'Escape', 'Tab', 'Shift+Tab', 'Space', 'PageDown', 'PageUp'];

async function randomAction(page, next, baseUrl) {
  const roll = next();
  if (roll < 0.5) {
    const targets = page.locator(CLICKABLE);
    const count = await targets.count();
    if (count === 0) return ['none'];
    const index = Math.floor(next() * count);
    const target = targets.nth(index);
    if (!(await target.isVisible().catch(() => false))) return ['hidden'];
    await target.click({ timeout: 300, force: next() < 0.2 }).catch(() => {});
    return ['click', `control ${index} of ${count}`];
  }
  if (roll < 0.8) {
    const key = KEYS[Math.floor(next() * KEYS.length)];
    await page.keyboard.press(key);
    return ['key', key];
  }
  if (roll < 0.9) {
    const slider = page.locator('main#story input[type="range"]');
    if ((await slider.count()) > 0 && (await slider.first().isVisible().catch(() => false))) {
      const value = String(Math.floor(next() * 101));
      await slider.first().fill(value).catch(() => {});
      return ['slider', value];
    }
    return ['none'];
  }
  // Switch language or view by link, as a reader following a shared URL would.
  const view = VIEWS[Math.floor(next() * VIEWS.length)];
  const lang = LANGS[Math.floor(next() * LANGS.length)];
  const query = next() < 0.5 ? `?lang=${lang}` : `?view=${view}&lang=${lang}`;
  // A link clicked just before may still be navigating: the reader's new address wins.
  await page.goto(new URL(query, baseUrl).href, { waitUntil: 'load' }).catch((error) => {
    if (!/interrupted by another navigation/.test(error.message)) throw error;
    return page.goto(new URL(query, baseUrl).href, { waitUntil: 'load' });
  });
  // Go on as soon as the app has mounted, as an impatient reader would: the next actions
  // land while the rest of the page is still arriving in pieces (`Later`).
  // The shell's <main> is in a block; the app's is <body>'s own, shown once built.
  await page.waitForSelector('body:not([data-app-building]) > main#story', { state: 'attached' });
  return ['navigate', query];
}

/** Chromium's renderer died (what no page should be able to cause: a browser bug). */
const isRendererCrash = (error) => /\b(target|page) crashed\b/i.test(String(error?.message));

/**
 * Renderer crashes the run lets pass, with a note, before it fails. Chromium 156's renderer
 * has died now and then in this test, once a page had lived some 150 s (SIGTRAP, a failed
 * CHECK; its dumps carry no symbols to say which): in 3 of 6 runs of the whole test
 * command on 2026-12-07, in none of 8 runs of this file alone, beside the axe matrix or
 * with six lanes, never twice in a run. A lane that loses its page goes on from a fresh
 * one; a second crash in the run fails the test, as does any error or panic.
 */
const CRASHES_LET_PASS = 1;

test(`${ACTIONS_PER_LANE * LANES} random reader actions never cause an error or a panic`, async (t) => {
  const starts = ['/', '/?view=breach&lang=ja', '/?view=ownership&lang=ko&theme=dark'];
  const crashes = [];
  await Promise.all(
    starts.slice(0, LANES).map(async (start, lane) => {
      const next = random(1000 + lane);
      const open = async () => {
        const opened = await session.openPage(start);
        // Dialogs that open (Embed this) are closed by Escape among the keys; downloads are ignored.
        opened.page.on('download', (download) => download.cancel().catch(() => {}));
        return opened;
      };
      let opened = await open();
      // A failure's screenshot is of the lane's page at the time.
      const current = { shot: (name) => opened.shot(name) };
      await withShotOnFailure(current, `${t.name} lane ${lane}`, async () => {
        const counts = {};
        // The last actions and where they were, so that a failure (a renderer crash too) says
        // what led to it.
        const recent = [];
        const assertNoErrors = (when) => {
          const before = `the actions before: ${recent.join(', ')}`;
          assert.deepEqual(opened.pageErrors, [], `page errors (lane ${lane}${when}, ${JSON.stringify(counts)}; ${before})`);
          assert.deepEqual(opened.consoleErrors, [], `console errors (lane ${lane}${when}; ${before})`);
        };
        for (let i = 0; i < ACTIONS_PER_LANE; i++) {
          let kind;
          let detail;
          try {
            [kind, detail] = await randomAction(opened.page, next, session.server.url);
          } catch (error) {
            const what =
              `lane ${lane}, action ${i} on ${opened.page.url()}: ${String(error.message).split('\n')[0]}; ` +
              `the actions before it: ${recent.join(', ')}`;
            if (isRendererCrash(error) && crashes.length < CRASHES_LET_PASS) {
              crashes.push(what);
              t.diagnostic(`renderer crash (${crashes.length} of ${CRASHES_LET_PASS} let pass): ${what}`);
              assertNoErrors(' before its renderer crashed');
              await opened.close().catch(() => {});
              opened = await open();
              recent.length = 0;
              continue;
            }
            const failure = new Error(crashes.length ? `${what} (after an earlier crash: ${crashes.join('; ')})` : what);
            // CI shows the last lines of the output: without the stack, they are this message.
            failure.stack = failure.message;
            throw failure;
          }
          counts[kind] = (counts[kind] ?? 0) + 1;
          recent.push(`${kind}${detail ? ` ${detail}` : ''} at ${new URL(opened.page.url()).search || '/'}`);
          if (recent.length > 12) recent.shift();
          if (opened.pageErrors.length || opened.consoleErrors.length) break;
        }
        assertNoErrors('');
        assert.equal(await opened.page.locator('#panic-notice').count(), 0, 'no panic');
        assert.ok(await opened.page.locator('main#story').count(), 'the explainer is still there');
      });
      await opened.close();
    }),
  );
});
