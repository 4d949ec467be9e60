// The whole story, as a reader sees it in the release build (dist/).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assertNoConsoleErrors,
  assertSameOriginOnly,
  scrollIntoViewAndSettle,
  useSession,
  withShotOnFailure,
} from './browser.mjs';
import { LANGS, SECTION_ORDER, StoryPage, VIEWS, loadSources } from './page.mjs';
import { DIST_DIR, SUB_PATH } from './server.mjs';

const session = useSession();

test('story page shows every section in order', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    assert.equal(await story.view(), 'story');
    const sections = await story.sections();
    assert.deepEqual(
      sections.map((s) => s.id),
      SECTION_ORDER,
    );
    for (const section of sections) {
      assert.ok(section.heading, `section #${section.id} has a non-empty <h2>`);
      assert.ok(section.visible, `section #${section.id} is visible`);
    }
    await opened.shot('story_page');
  });
  await opened.close();
});

test('every figure has a citation marker that reveals source and quote', async (t) => {
  const opened = await session.openPage('/');
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    const sources = await loadSources();
    const byId = new Map((sources ?? []).map((s) => [s.id, s]));

    const markers = await story.figureMarkers();
    assert.ok(markers.length > 0, 'the story shows at least one figure');
    markers.forEach((m, i) => {
      assert.ok(m.hasMarker, `figure ${i} ("${m.text}") is followed by <button type="button" class="cite">`);
      assert.ok(m.markerText, `figure ${i} ("${m.text}") has a visible marker label`);
      assert.equal(m.expanded, 'false', `figure ${i} ("${m.text}") starts collapsed`);
      assert.ok(m.controls, `figure ${i} ("${m.text}") marker names the element it controls`);
    });

    let shotTaken = false;
    for (let i = 0; i < markers.length; i++) {
      const label = `figure ${i} ("${markers[i].text}")`;
      const marker = story.markerControlling(markers[i].controls);
      const before = await story.popoverOf(marker);
      assert.equal(before.visible, false, `${label}: its citation is hidden until asked for`);

      await scrollIntoViewAndSettle(marker);
      await marker.click();
      assert.equal(await marker.getAttribute('aria-expanded'), 'true', `${label}: marker is expanded after a click`);
      const pop = await story.popoverOf(marker);
      assert.ok(pop.visible, `${label}: the citation it controls is shown`);
      assert.ok(pop.isCitePop, `${label}: the controlled element is a .cite-pop`);
      assert.ok(pop.quotes.length > 0, `${label}: the citation quotes its source in a <q>`);
      pop.quotes.forEach((q, j) => assert.ok(q, `${label}: quote ${j} is not empty`));
      assert.ok(pop.links.length > 0, `${label}: the citation links to #source-ID`);
      for (const link of pop.links) {
        assert.equal(link.targetTag, 'li', `${label}: ${link.href} is a report in the sources list`);
        if (sources) {
          const source = byId.get(link.sourceId);
          assert.ok(source, `${label}: ${link.href} names a report in content/sources.json`);
          assert.ok(pop.text.includes(source.title), `${label}: citation shows the report title "${source.title}"`);
          assert.ok(
            pop.text.includes(source.date_as_stated),
            `${label}: citation shows the date as stated "${source.date_as_stated}"`,
          );
        }
      }
      if (!shotTaken) {
        await opened.shot('citation_open');
        shotTaken = true;
      }
      // Close it again so it cannot cover the next marker (Escape, then a second click).
      await opened.page.keyboard.press('Escape');
      if ((await marker.getAttribute('aria-expanded')) === 'true') await marker.click();
    }
  });
  await opened.close();
});

test('the sources section lists every report and shows disagreements', async (t) => {
  const opened = await session.openPage('/?view=sources');
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    const sources = await loadSources();
    const ids = await story.sourceIds();
    if (sources) assert.deepEqual([...ids].sort(), sources.map((s) => s.id).sort());
    assert.equal(ids.length, 5, 'five reports');
    const disagreements = await story.disagreements();
    assert.ok(disagreements.length > 0, 'at least one disagreement between reports is shown');
    disagreements.forEach((versions, i) =>
      assert.ok(versions >= 2, `disagreement ${i} lists at least two .version children (has ${versions})`),
    );
  });
  await opened.close();
});

test('built index.html refers to its assets by relative URLs only', async () => {
  const html = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
  const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
  // Trunk's loader script also imports the JS and wasm by URL strings.
  const imports = [...html.matchAll(/(?:import\s*(?:\(|[^'"]*from\s*)|module_or_path\s*:\s*)["']([^"']+)["']/g)].map(
    (m) => m[1],
  );
  const all = [...urls, ...imports];
  assert.ok(all.some((u) => /\.js(\?|$)/.test(u)), `index.html loads the app's JavaScript (found ${JSON.stringify(all)})`);
  assert.ok(all.some((u) => /\.wasm(\?|$)/.test(u)), `index.html loads the app's WebAssembly (found ${JSON.stringify(all)})`);
  for (const url of all) {
    assert.ok(!url.startsWith('/'), `asset URL "${url}" must be relative, not root-absolute`);
    assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('data:'), `asset URL "${url}" must not leave the site`);
  }
});

test('loads from a sub-path with relative assets', async (t) => {
  const opened = await session.openPage(SUB_PATH);
  await withShotOnFailure(opened, t.name, async () => {
    const story = new StoryPage(opened.page);
    assert.deepEqual(await story.sectionIds(), SECTION_ORDER);
    assert.deepEqual(opened.badResponses, [], 'no asset failed to load');
    assert.deepEqual(opened.failedRequests, [], 'no request failed');
    const outside = opened.requests
      .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))
      .filter((url) => !new URL(url).pathname.startsWith(SUB_PATH));
    assert.deepEqual(outside, [], `every request stays under ${SUB_PATH}`);
    assertNoConsoleErrors(opened);
  });
  await opened.close();
});

test('no console errors', async (t) => {
  const pages = ['/', ...VIEWS.map((v) => `/?view=${v}`), ...LANGS.map((l) => `/?lang=${l}`), '/?theme=dark&embed=1&present=1'];
  for (const path of pages) {
    const opened = await session.openPage(path);
    await withShotOnFailure(opened, `${t.name} ${path}`, async () => {
      // Exercise the page a little: open the first citation, if any.
      const first = new StoryPage(opened.page).citations().first();
      if ((await first.count()) > 0) await first.click();
      assertNoConsoleErrors(opened);
      assert.deepEqual(opened.badResponses, [], `no error responses on ${path}`);
    });
    await opened.close();
  }
});

test('no request leaves the origin', async (t) => {
  for (const path of ['/', '/?lang=ja&theme=dark&embed=1&present=1', `${SUB_PATH}?view=sources&lang=ko`]) {
    const opened = await session.openPage(path);
    await withShotOnFailure(opened, `${t.name} ${path}`, async () => {
      // Give late requests (fonts, images, prefetches) a moment to show up.
      await opened.page.waitForLoadState('networkidle');
      assert.ok(opened.requests.length > 0, 'requests were recorded');
      assertSameOriginOnly(opened, session.server.origin);
      assert.deepEqual(opened.failedRequests, [], `no failed requests on ${path}`);
    });
    await opened.close();
  }
});

/** In the page: every element of a section whose computed content-visibility is `auto`. */
function skippingBlocks() {
  return [...document.querySelectorAll('.story-section, .story-section *')]
    .filter((el) => getComputedStyle(el).contentVisibility === 'auto')
    .map((el) => el.id || el.className);
}

/**
 * Opens the citation nearest the foot of section `id`, whose popover hangs below the
 * section's (or its block's) edge on a phone, where paint containment would cut it off,
 * and checks it is drawn whole, on top, on screen and reachable; closes it again.
 * Returns whether it hangs below the section and how many skipping boxes hold it once closed.
 */
async function checkLastCitation(page, id) {
  const cite = page.locator(`#${id} button.cite`).last();
  if ((await cite.count()) === 0) return null;
  await cite.scrollIntoViewIfNeeded();
  await cite.click();
  const popId = await cite.getAttribute('aria-controls');
  const pop = page.locator(`[id="${popId}"]`);
  await pop.waitFor({ state: 'visible' });
  await pop.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const probe = await pop.evaluate((el, sectionId) => {
    const box = el.getBoundingClientRect();
    const section = document.getElementById(sectionId);
    const width = document.documentElement.clientWidth;
    const y = box.bottom - 6;
    const drawn = [box.left + 6, box.right - 6].every((x) => {
      const hit = document.elementFromPoint(x, y);
      return Boolean(hit && el.contains(hit));
    });
    // Overflow from a contained box would not lengthen the page: while its popover is
    // open, every box around it is drawn whole, so the popover's foot can be scrolled to.
    const skipping = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).contentVisibility !== 'visible') skipping.push(a.id || a.className);
    }
    // scrollHeight is rounded to a whole pixel.
    const foot = box.bottom + scrollY;
    const pageHeight = document.documentElement.scrollHeight;
    const reachable = foot <= pageHeight + 1;
    return { below: box.bottom - section.getBoundingClientRect().bottom, drawn, left: box.left, right: box.right, width, skipping, reachable, foot, pageHeight };
  }, id);
  assert.deepEqual(probe.skipping, [], `#${id}: every box around the open popover is drawn whole`);
  assert.ok(probe.reachable, `#${id}: the page (${probe.pageHeight} px) reaches down to the popover's foot (${probe.foot} px)`);
  assert.ok(probe.left >= 0 && probe.right <= probe.width, `#${id}: the popover (${probe.left}–${probe.right}) fits the ${probe.width} px screen`);
  assert.ok(probe.drawn, `#${id}: both lower corners of the last citation's popover are drawn, over what follows`);
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'hidden' });
  // Closed, the boxes around it skip again when far from the screen.
  const skipping = await cite.evaluate((el) => {
    let count = 0;
    for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).contentVisibility === 'auto') count += 1;
    return count;
  });
  return { overhangs: probe.below > 0, skipping };
}

test('parts far from the screen skip rendering, yet a citation at a part\'s foot is drawn whole and reachable', async (t) => {
  const opened = await session.openPage('/', { viewport: { width: 412, height: 823 } });
  await withShotOnFailure(opened, t.name, async () => {
    const { page } = opened;
    const modes = await page.evaluate(() =>
      [...document.querySelectorAll('main#story > .story-section')].map((s) => [s.id, getComputedStyle(s).contentVisibility]),
    );
    assert.ok(modes.length >= 7, 'the story has its sections');
    for (const [id, mode] of modes) assert.equal(mode, 'auto', `#${id} renders only near the screen`);
    // Inside the sections, their long blocks skip as well, as in a single view.
    const blocks = await page.evaluate(skippingBlocks);
    assert.ok(blocks.length >= modes.length + 10, `the long blocks inside the sections skip too (${blocks.length - modes.length})`);

    let overhanging = 0;
    for (const [id] of modes) {
      const result = await checkLastCitation(page, id);
      if (!result) continue;
      if (result.overhangs) overhanging += 1;
      assert.ok(result.skipping >= 1, `#${id} skips again once its popover is closed`);
    }
    assert.ok(overhanging > 0, 'at least one popover hangs below its section (else this test proves nothing)');
  });
  await opened.close();

  // A single view is drawn whole but for its long blocks below the interactive part, and
  // a citation in such a block behaves as one in a section of the story page.
  let inBlocks = 0;
  for (const view of ['breach', 'sources', 'timeline']) {
    const single = await session.openPage(`/?view=${view}`, { viewport: { width: 412, height: 823 } });
    await withShotOnFailure(single, `${t.name} (${view})`, async () => {
      const { page } = single;
      assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.story-section')).contentVisibility), 'visible');
      const blocks = await page.evaluate(skippingBlocks);
      assert.ok(blocks.length >= 2, `view=${view}: its long blocks skip (${blocks.length})`);
      const result = await checkLastCitation(page, view);
      inBlocks += result?.skipping ?? 0;
    });
    await single.close();
  }
  assert.ok(inBlocks >= 2, 'some of the citations sit in a skipping block (else the blocks are not tested)');
  const embed = await session.openPage('/?view=sources&embed=1');
  assert.deepEqual(await embed.page.evaluate(skippingBlocks), [], 'an embed is drawn whole');
  await embed.close();
});
