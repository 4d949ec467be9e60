// A single view's masthead lists the whole story and every view (src/app/view_switch.rs):
// a plain click switches the view in place with a history entry of its own, Back and
// Forward follow, and the focus moves to the new view's heading.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertNoConsoleErrors, settledSearch, useSession, withShotOnFailure } from './browser.mjs';
import { VIEWS } from './page.mjs';

const session = useSession();

const LINKS = 'nav.view-switch a[data-view]';

/** What the list shows: each link's view, address, name and whether it is marked current. */
function links(page) {
  return page.$$eval(LINKS, (as) =>
    as.map((a) => ({ view: a.dataset.view, href: a.getAttribute('href'), name: a.textContent.trim(), current: a.getAttribute('aria-current') })),
  );
}

/** Waits until `view` (a key, or 'story') is shown and built, and the page is ready again. */
async function shown(page, view) {
  const heading = view === 'story' ? '#hook-title' : `section#${view} #${view}-title`;
  await page.waitForFunction(
    ({ heading, view }) =>
      document.documentElement.dataset.ready === '1' &&
      document.querySelector('main#story')?.dataset.view === view &&
      document.querySelector(heading) !== null,
    { heading, view },
  );
}

/** Whether the page is still the one first loaded (a reload would lose this mark). */
const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

test('a single view lists the whole story and every view, in its language, the current one marked', async () => {
  const opened = await session.openPage('/?view=breach&lang=ja&theme=dark', { viewport: { width: 360, height: 740 } });
  try {
    await withShotOnFailure(opened, 'view switch list', async () => {
      const { page } = opened;
      const list = await links(page);
      assert.deepEqual(list.map((l) => l.view), ['story', ...VIEWS]);
      for (const link of list) {
        const expected = link.view === 'story' ? '?lang=ja&theme=dark' : `?view=${link.view}&lang=ja&theme=dark`;
        assert.equal(link.href, expected, `${link.view}: a link keeps the language and theme`);
        assert.equal(link.current, link.view === 'breach' ? 'page' : null, `${link.view}: only the view shown is current`);
      }
      assert.equal(list.find((l) => l.view === 'breach').name, (await page.textContent('#breach-title')).trim());
      assert.notEqual(list.find((l) => l.view === 'story').name, '', 'the whole story has a name in Japanese');
      assert.match(await page.getAttribute('nav.view-switch', 'aria-label'), /\S/);
      assert.equal(await page.getAttribute('nav.view-switch', 'lang'), null, 'the list reads in the masthead’s language');
      // Nothing of it runs off a phone's screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow} px wider than the screen`);
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('a click switches the view in place, with a history entry; Back and Forward follow', async () => {
  const opened = await session.openPage('/?view=breach&step=3&lang=ko');
  try {
    await withShotOnFailure(opened, 'view switch in place', async () => {
      const { page } = opened;
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      await page.evaluate(() => scrollTo(0, 400));
      await page.click(`${LINKS}[data-view="ownership"]`);
      await shown(page, 'ownership');
      assert.ok(await sameDocument(page), 'no page load');
      assert.equal(await page.$('section#breach'), null, 'the view before is gone');
      assert.equal(await page.evaluate(() => location.search), '?view=ownership&lang=ko', 'the new view keeps the language, not the step');
      assert.equal((await opened.historyCalls()).push, 1, 'one history entry');
      assert.equal(await page.evaluate(() => scrollY), 0, 'the view starts at its top');
      await page.waitForFunction(() => document.activeElement?.id === 'ownership-title');
      assert.equal(await page.getAttribute(`${LINKS}[data-view="ownership"]`, 'aria-current'), 'page');
      assert.equal(await page.getAttribute(`${LINKS}[data-view="breach"]`, 'aria-current'), null);

      await page.goBack();
      await shown(page, 'breach');
      assert.ok(await sameDocument(page), 'Back: no page load');
      assert.equal(await page.evaluate(() => location.search), '?view=breach&lang=ko&step=3');
      const currentDot = await page.$$eval('.step-dot', (dots) => dots.findIndex((d) => d.getAttribute('aria-current') === 'step'));
      assert.equal(currentDot + 1, 3, 'Back returns to the step the view showed');
      await page.waitForFunction(() => document.activeElement?.id === 'breach-title');

      await page.goForward();
      await shown(page, 'ownership');
      assert.ok(await sameDocument(page), 'Forward: no page load');
      assert.equal(await settledSearch(page), '?view=ownership&lang=ko');
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('the whole story is one of the places to go, and Back from it brings the list back', async () => {
  const opened = await session.openPage('/?view=timeline');
  try {
    await withShotOnFailure(opened, 'view switch story', async () => {
      const { page } = opened;
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      await page.click(`${LINKS}[data-view="story"]`);
      await shown(page, 'story');
      assert.equal(await page.$('nav.view-switch'), null, 'the story has no list: it holds every part');
      assert.equal(await page.evaluate(() => location.search), '');
      await page.waitForFunction(() => document.activeElement?.id === 'hook-title');

      await page.goBack();
      await shown(page, 'timeline');
      assert.deepEqual((await links(page)).map((l) => l.view), ['story', ...VIEWS]);
      // The list built again still switches, and Back still goes one view back (Back is
      // followed once, not once per list built).
      await page.click(`${LINKS}[data-view="glossary"]`);
      await shown(page, 'glossary');
      await page.goBack();
      await shown(page, 'timeline');
      assert.ok(await sameDocument(page), 'no page load');
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('switching away while a view still works in the background, and through every view at speed, raises no error', async () => {
  const opened = await session.openPage('/?view=ownership');
  try {
    await withShotOnFailure(opened, 'view switch at speed', async () => {
      const { page } = opened;
      // A tap starts the ownership panels being built ahead, one per frame in idle time
      // (src/ownership/details.rs); the view goes while they are still coming.
      await page.click('#ownership svg .own-node[tabindex]');
      await page.click(`${LINKS}[data-view="breach"]`);
      await shown(page, 'breach');
      // Every view in turn, each click before the last view has finished building.
      for (const view of [...VIEWS, 'ownership']) {
        if (view === 'breach') continue;
        await page.click(`${LINKS}[data-view="${view}"]`);
      }
      await shown(page, 'ownership');
      await page.waitForTimeout(1000);
      assert.equal(await page.$$eval('main#story > section', (sections) => sections.map((s) => s.id).join()), 'ownership');
      assert.deepEqual(opened.pageErrors, []);
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('a pointer over the list brings in every view\'s chunk, so the switch after waits for none', async () => {
  const opened = await session.openPage('/?view=sources');
  try {
    await withShotOnFailure(opened, 'view switch prefetch', async () => {
      const { page } = opened;
      const wasm = () => opened.requests.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.split('/').pop());
      assert.ok(!wasm().some((name) => name.startsWith('ownership-')), 'not before the reader reaches for the list');
      await page.hover(`${LINKS}[data-view="glossary"]`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
      for (const view of VIEWS.filter((v) => v !== 'sources')) {
        await page.waitForFunction((v) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.split('/').pop().startsWith(`${v}-`)), view);
      }
      const before = wasm().length;
      await page.click(`${LINKS}[data-view="ownership"]`);
      await shown(page, 'ownership');
      assert.deepEqual(wasm().slice(before), [], 'the switch fetched nothing');
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('the frame after a click marks the link; the view follows a frame later, built, from its top', async () => {
  const opened = await session.openPage('/?view=glossary&lang=ja', { viewport: { width: 360, height: 740 } });
  try {
    await withShotOnFailure(opened, 'view switch first frames', async () => {
      const { page } = opened;
      // Its chunk in first, as after a pointer over the list: what follows is the build alone.
      await page.hover(`${LINKS}[data-view="timeline"]`);
      await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/timeline-[^/]*\.wasm$/.test(e.name)));
      await page.evaluate(() => scrollTo(0, 300));
      // What the DOM holds as each frame after the click is drawn, until one shows the new
      // view: looked at in animation-frame callbacks, which run before the frame is drawn
      // and after the app's own (the app asks for its frame in the click, before these).
      const frames = await page.evaluate(
        (links) =>
          new Promise((done) => {
            const seen = [];
            const look = () => ({
              sections: [...document.querySelectorAll('main#story > section')].map((s) => s.id),
              current: document.querySelector(`${links}[aria-current="page"]`)?.dataset.view,
              ready: document.documentElement.dataset.ready,
              scrollY: Math.round(scrollY),
              focus: document.activeElement?.id,
            });
            const frame = () => {
              seen.push(look());
              if (seen.at(-1).sections.includes('timeline') || seen.length === 60) done(seen);
              else requestAnimationFrame(frame);
            };
            document.querySelector(`${links}[data-view="timeline"]`).click();
            requestAnimationFrame(frame);
          }),
        LINKS,
      );
      await shown(page, 'timeline');
      // The second frame, as a rule; on a loaded machine the build's task can come a frame
      // later, and the frames between still show the view before.
      const [first, second] = [frames[0], frames.at(-1)];
      assert.ok(frames.length >= 2 && frames.length <= 5, `the view came in frame ${frames.length}`);
      for (const between of frames.slice(0, -1)) assert.deepEqual(between.sections, ['glossary'], 'until then, the view before');
      assert.deepEqual(first.sections, ['glossary'], 'the first frame still shows the view before');
      assert.equal(first.current, 'timeline', 'with the link clicked marked as the current one');
      assert.equal(first.ready, '0', 'the page is not ready while the view is on its way');
      assert.equal(first.scrollY, 300, 'where the reader left it');
      assert.deepEqual(second.sections, ['timeline'], 'then the new view');
      assert.equal(second.scrollY, 0, 'from its top, in the first frame that shows it');
      assert.equal(second.focus, 'timeline-title', 'with the focus on its heading');
      assert.equal((await opened.historyCalls()).push, 1, 'one history entry');
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('two switches within one frame add two history entries, and Back goes through both', async () => {
  const opened = await session.openPage('/?view=sources');
  try {
    await withShotOnFailure(opened, 'view switch twice in a frame', async () => {
      const { page } = opened;
      await page.evaluate(() => {
        window.__sameDocument = true;
      });
      const before = await page.evaluate(() => history.length);
      // Both clicks in one task: the first switch's entry is still to be added (it waits
      // for the frame) when the second comes.
      await page.evaluate((links) => {
        document.querySelector(`${links}[data-view="glossary"]`).click();
        document.querySelector(`${links}[data-view="numbers"]`).click();
      }, LINKS);
      await shown(page, 'numbers');
      assert.equal(await settledSearch(page), '?view=numbers');
      assert.equal((await page.evaluate(() => history.length)) - before, 2, 'two entries');
      await page.goBack();
      await shown(page, 'glossary');
      assert.equal(await settledSearch(page), '?view=glossary');
      await page.goBack();
      await shown(page, 'sources');
      assert.equal(await settledSearch(page), '?view=sources');
      assert.ok(await sameDocument(page), 'no page load');
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
});

test('a click with a modifier key, or one handled already, is left to the browser', async () => {
  const opened = await session.openPage('/?view=sources');
  try {
    const { page } = opened;
    const prevented = await page.evaluate((selector) => {
      const link = document.querySelector(`${selector}[data-view="numbers"]`);
      const results = [];
      // After the app's listener: note what it did, then keep the browser from opening anything.
      const after = (event) => {
        results.push(event.defaultPrevented);
        event.preventDefault();
      };
      addEventListener('click', after);
      for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { button: 1 }]) {
        link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
      }
      removeEventListener('click', after);
      return results;
    }, LINKS);
    assert.deepEqual(prevented, [false, false, false, false], 'the app did not take these clicks');
    assert.equal(await page.evaluate(() => document.querySelector('main#story').dataset.view), 'sources');
    assert.equal((await opened.historyCalls()).push, 0);
  } finally {
    await opened.close();
  }
});

test('the story page, an embed and presenter mode have no list of views', async () => {
  for (const query of ['/', '/?view=breach&embed=1', '/?present=1&slide=3']) {
    const opened = await session.openPage(query, { whole: false });
    try {
      assert.equal(await opened.page.$('nav.view-switch'), null, `${query}: no list`);
      assertNoConsoleErrors(opened);
    } finally {
      await opened.close();
    }
  }
});
