// Reading the story with assistive technology, a keyboard, and a small screen.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { useSession, withShotOnFailure } from './browser.mjs';
import { SECTION_ORDER, StoryPage } from './page.mjs';

const session = useSession();
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Run axe-core on the open page; return its serious and critical violations. */
async function seriousViolations(page) {
  await page.addScriptTag({ content: await AXE_SOURCE });
  const result = await page.evaluate(async () =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

// The story in each language and theme is in the axe matrix (a11y_matrix.test.mjs), which
// fails on any violation, not only serious ones.

test('an open citation has no serious accessibility violations', async (t) => {
  const opened = await session.openPage('/', { bypassCSP: true });
  await withShotOnFailure(opened, t.name, async () => {
    const first = new StoryPage(opened.page).citations().first();
    assert.ok((await first.count()) > 0, 'the story has a citation marker');
    await first.click();
    assert.deepEqual(await seriousViolations(opened.page), []);
  });
  await opened.close();
});

test('a citation opens from the keyboard', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    const marker = story.citations().first();
    await marker.focus();
    await opened.page.keyboard.press('Enter');
    assert.equal(await marker.getAttribute('aria-expanded'), 'true', 'Enter on a focused marker opens it');
    const pop = await story.popoverOf(marker);
    assert.ok(pop.visible, 'its citation is shown');
  });
  await opened.close();
});

test('a narrow phone screen shows the whole story without sideways scrolling', async (t) => {
  const opened = await session.openPage('/', { viewport: { width: 360, height: 740 } });
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    assert.deepEqual(await story.sectionIds(), SECTION_ORDER);
    const overflow = await opened.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 1, `page is ${overflow}px wider than a 360px screen`);
    await opened.shot('story_page_phone');
  });
  await opened.close();
});
