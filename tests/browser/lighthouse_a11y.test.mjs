// Lighthouse's accessibility score is 1.00 on the story page and on each view.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from './browser.mjs';
import { VIEWS } from './page.mjs';
import { startServer } from './server.mjs';

test('Lighthouse accessibility score is 1.00 on the story and every view', { timeout: 300_000 }, async () => {
  const server = await startServer();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const scores = {};
    for (const query of ['', ...VIEWS.map((view) => `?view=${view}`)]) {
      const result = await lighthouse(new URL(`/${query}`, server.url).href, {
        port: chrome.port,
        onlyCategories: ['accessibility'],
        // Not part of the score, and the slowest gatherer on a long page.
        disableFullPageScreenshot: true,
        output: 'json',
        logLevel: 'error',
      });
      const category = result.lhr.categories.accessibility;
      const failing = category.auditRefs.filter((ref) => ref.weight > 0 && result.lhr.audits[ref.id].score === 0).map((ref) => ref.id);
      scores[query || '/'] = { score: category.score, failing };
    }
    for (const [page, { score, failing }] of Object.entries(scores)) {
      assert.equal(score, 1, `${page}: accessibility ${score}, failing ${failing.join(', ')}`);
    }
  } finally {
    await chrome.kill();
    await server.close();
  }
});
