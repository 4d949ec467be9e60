// The breach path explorer (#breach, ?view=breach): every step with its citations,
// the stepper by mouse, keyboard and touch (and in the URL), the controls what-if
// against the reachability model, link details, linked views and the STIX export.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assertNoConsoleErrors, bringInEverySection, eventually, useSession, waitForApp, withShotOnFailure } from './browser.mjs';
import { BREACH, BREACH_STRINGS, BreachExplorer, expectedReach, loadBreach } from './page.mjs';

const session = useSession();
const breach = await loadBreach();
const steps = breach.breach_steps;
const label = (id) => breach.breach_nodes.find((n) => n.id === id).label.en;

/** Open `query`, run `fn(explorer, opened)`, check the console, close. */
async function withExplorer(t, query, fn, options = {}) {
  const opened = await session.openPage(query, options);
  try {
    await withShotOnFailure(opened, t.name, async () => {
      await opened.page.locator(BREACH.diagram).waitFor();
      await fn(new BreachExplorer(opened.page), opened);
      assertNoConsoleErrors(opened);
    });
  } finally {
    await opened.close();
  }
}

test('every step is shown with its citations, and its date where the reports give one', async (t) => {
  await withExplorer(t, '/?view=breach', async (explorer, { page }) => {
    for (const [i, step] of steps.entries()) {
      assert.equal(await explorer.shownStep(), step.id, `step ${i + 1} is ${step.id}`);
      const panel = page.locator(BREACH.panel);
      assert.equal((await panel.locator('h3').textContent()).trim(), step.title.en);
      assert.ok((await panel.locator('button.cite').count()) > 0, `${step.id} has a citation marker`);
      if (step.date) {
        assert.equal(await panel.locator('time').getAttribute('datetime'), step.date, `${step.id} is dated`);
      } else {
        assert.equal(await panel.locator('time').count(), 0, `${step.id} has no date the reports do not give`);
      }
      if (step.techniques.length > 0) {
        const analysis = await panel.locator('.techniques').textContent();
        assert.match(analysis, /Analysis/, `${step.id}: the ATT&CK mapping is labelled analysis`);
        for (const technique of step.techniques) assert.ok(analysis.includes(technique.id));
      }
      if (i < steps.length - 1) await page.locator(BREACH.next).click();
    }
    // The text alternative tells every step too, each with its markers.
    const textSteps = page.locator(BREACH.textStep);
    assert.equal(await textSteps.count(), steps.length);
    for (let i = 0; i < steps.length; i++) {
      assert.ok((await textSteps.nth(i).locator('button.cite').count()) > 0);
    }
    // The 2021 incident is shown as context.
    assert.match(await page.locator(`${BREACH.root} aside.context`).textContent(), /2021/);
  });
});

test('one step panel is shown at a time, in a place whose height never changes, on a phone', async (t) => {
  await withExplorer(
    t,
    '/?view=breach',
    async (explorer, { page }) => {
      const below = page.locator(`${BREACH.root} fieldset.whatif`);
      await below.waitFor();
      const place = () =>
        page.evaluate((sel) => {
          const panels = [...document.querySelectorAll(sel)];
          const shown = panels.filter((p) => p.checkVisibility({ visibilityProperty: true }));
          const box = panels[0].parentElement.getBoundingClientRect();
          return { count: panels.length, shown: shown.map((p) => p.dataset.step), height: box.height };
        }, `${BREACH.root} article.step-panel`);
      const first = await place();
      assert.equal(first.count, steps.length, 'every step has its panel');
      const belowTop = () => below.evaluate((el) => el.getBoundingClientRect().top + scrollY);
      const top = await belowTop();
      for (const [i, step] of steps.entries()) {
        await explorer.toldCaughtUp();
        const now = await place();
        assert.deepEqual(now.shown, [step.id], `step ${i + 1}: only its panel is visible`);
        assert.equal(now.height, first.height, `step ${i + 1}: the panels' place keeps its height`);
        assert.equal(await belowTop(), top, `step ${i + 1}: what is below does not move`);
        if (i < steps.length - 1) await page.locator(BREACH.next).click();
      }
    },
    { viewport: { width: 320, height: 700 } },
  );
});

test('the stepper works by mouse and the step is in the URL', async (t) => {
  await withExplorer(t, '/?view=breach', async (explorer, opened) => {
    const { page } = opened;
    assert.equal((await explorer.params()).step, undefined, 'step 1 is the default');
    assert.ok(await page.locator(BREACH.prev).isDisabled(), 'no previous step at the start');
    assert.equal(await explorer.intruderAt(), 'subcontractor-pc');

    await page.locator(BREACH.next).click();
    assert.equal((await explorer.params()).step, '2');
    await explorer.toldCaughtUp();
    assert.match(await page.locator(BREACH.status).textContent(), /^Step 2 of 5: /);
    assert.equal(await explorer.intruderAt(), 'naver-cloud-server', 'the intruder moved one hop');
    assert.deepEqual(await explorer.linksWith('in-step'), steps[1].links, 'the hop of step 2 is highlighted');
    assert.deepEqual(await explorer.nodesWith('in-step'), steps[1].nodes);

    await page.locator(BREACH.dot(5)).click();
    assert.equal((await explorer.params()).step, '5');
    assert.equal(await page.locator(BREACH.dot(5)).getAttribute('aria-current'), 'step');
    assert.ok(await page.locator(BREACH.next).isDisabled(), 'no next step at the end');
    assert.equal(await explorer.intruderAt(), 'personal-data');

    await page.locator(BREACH.prev).click();
    assert.equal((await explorer.params()).step, '4');
    // Clicking a node goes to the step at which the intruder gets there.
    await page.locator(BREACH.nodeButton('shared-system')).click();
    assert.equal((await explorer.params()).step, '3');

    const calls = await opened.historyCalls();
    assert.equal(calls.push, 0, 'stepping rewrites the address, it adds no history entries');
  });
});

test('the stepper works from the keyboard without taking over the page', async (t) => {
  await withExplorer(t, '/?view=breach', async (explorer, { page }) => {
    await page.locator(BREACH.stage).focus();
    await page.keyboard.press('ArrowRight');
    assert.equal((await explorer.params()).step, '2');
    await page.keyboard.press('End');
    assert.equal((await explorer.params()).step, '5');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await explorer.params()).step, '4');
    await page.keyboard.press('Home');
    assert.equal((await explorer.params()).step, undefined);
    // Up and down are left to the page (scrolling).
    await page.keyboard.press('ArrowDown');
    assert.equal((await explorer.params()).step, undefined);
    // The live region announces the step.
    assert.equal(await page.locator(BREACH.status).getAttribute('aria-live'), 'polite');
    // Arrow keys do nothing outside the explorer.
    await page.locator('main#story h2').first().click();
    await page.keyboard.press('ArrowRight');
    assert.equal((await explorer.params()).step, undefined);
    // Links are reachable with Tab and selected with Enter.
    await page.locator(BREACH.link('pc-to-naver-cloud')).focus();
    await page.keyboard.press('Enter');
    assert.equal((await explorer.params()).link, 'pc-to-naver-cloud');
  });
});

/** A phone-sized page with a touch screen (the shared openPage has no touch option). */
async function openTouchPage(query) {
  const context = await session.browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-US',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(query, session.server.url).href);
  await waitForApp(page);
  await bringInEverySection(page);
  return { page, errors, close: () => context.close() };
}

test('the stepper works by touch: tapping the buttons and swiping the diagram', async (t) => {
  const { page, errors, close } = await openTouchPage('/?view=breach');
  try {
    const explorer = new BreachExplorer(page);
    await page.locator(BREACH.next).tap();
    assert.equal((await explorer.params()).step, '2');
    await page.locator(BREACH.dot(4)).tap();
    assert.equal((await explorer.params()).step, '4');
    // A swipe to the left goes forward, to the right back.
    const swipe = (dx) =>
      page.locator(BREACH.diagram).evaluate((svg, dx) => {
        const r = svg.getBoundingClientRect();
        const at = (x) => ({ pointerType: 'touch', pointerId: 7, isPrimary: true, bubbles: true, clientX: x, clientY: r.y + 40 });
        const x0 = r.x + r.width / 2;
        svg.dispatchEvent(new PointerEvent('pointerdown', at(x0)));
        svg.dispatchEvent(new PointerEvent('pointerup', at(x0 + dx)));
      }, dx);
    await swipe(-120);
    assert.equal((await explorer.params()).step, '5');
    await swipe(120);
    assert.equal((await explorer.params()).step, '4');
    // A mostly vertical drag is a scroll, not a step.
    await page.locator(BREACH.diagram).evaluate((svg) => {
      const at = (x, y) => ({ pointerType: 'touch', pointerId: 8, isPrimary: true, bubbles: true, clientX: x, clientY: y });
      svg.dispatchEvent(new PointerEvent('pointerdown', at(100, 100)));
      svg.dispatchEvent(new PointerEvent('pointerup', at(160, 300)));
    });
    assert.equal((await explorer.params()).step, '4');
    // Buttons are big enough to hit with a finger.
    for (const selector of [BREACH.prev, BREACH.next, BREACH.dot(1)]) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box.width >= 24 && box.height >= 24, `${selector} is ${box.width}×${box.height}`);
    }
    assert.deepEqual(errors, [], 'console errors');
  } catch (error) {
    await page.screenshot({ path: `tests/browser/output/FAILED_${t.name.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}.png` }).catch(() => {});
    throw error;
  } finally {
    await close();
  }
});

test('a step moves the dots in the frame after the tap, and the diagram and its words together a frame later', async (t) => {
  await withExplorer(t, '/?view=breach', async (explorer, { page }) => {
    await explorer.toldCaughtUp();
    const frames = await page.evaluate(async (b) => {
      const look = () => ({
        dot: document.querySelector(`${b.root} .step-dot[aria-current="step"] [aria-hidden]`)?.textContent,
        inStep: [...document.querySelectorAll(`${b.root} .breach-diagram .node.in-step`)].map((n) => n.dataset.node),
        panel: document.querySelector(b.panel)?.dataset.step,
        status: document.querySelector(b.status).textContent,
      });
      // What a frame paints is the page as its animation-frame callbacks leave it. Each
      // frame until the panel tells step 2 (the second, as a rule; on a loaded machine
      // the task between can come a frame later).
      const inFrame = () => new Promise((done) => requestAnimationFrame(() => done(look())));
      const before = look();
      document.querySelector(b.next).click();
      const seen = [await inFrame()];
      while (seen.at(-1).panel === before.panel && seen.length < 60) seen.push(await inFrame());
      return { before, seen };
    }, BREACH_STRINGS);
    const [first, later] = [frames.seen[0], frames.seen.at(-1)];
    assert.ok(frames.seen.length >= 2 && frames.seen.length <= 5, `the step was drawn in frame ${frames.seen.length}`);
    assert.equal(first.dot, '2', 'the dots move at once');
    assert.deepEqual(first.inStep, frames.before.inStep, 'the diagram still shows step 1 in the first frame');
    assert.equal(first.panel, steps[0].id, 'and the panel still tells it');
    assert.equal(first.status, frames.before.status, 'and so does the stepper line');
    assert.deepEqual(later.inStep, steps[1].nodes, 'the diagram shows step 2 a frame later');
    assert.equal(later.panel, steps[1].id, 'in the same frame as the panel tells it');
    assert.match(later.status, /^Step 2 of 5: /, 'and the stepper line');
  });
});

test('a step in the URL opens at that step', async (t) => {
  await withExplorer(t, '/?view=breach&step=4', async (explorer, { page }) => {
    assert.equal(await explorer.shownStep(), steps[3].id);
    assert.equal(await page.locator(BREACH.dot(4)).getAttribute('aria-current'), 'step');
    assert.match(await page.locator(BREACH.status).textContent(), /^Step 4 of 5: /);
    assert.equal(await explorer.intruderAt(), 'ly-internal');
  });
});

test('each control cuts its links and the intruder stops where reachability says', async (t) => {
  await withExplorer(t, '/?view=breach&step=5', async (explorer, { page }) => {
    const none = expectedReach(breach, []);
    assert.deepEqual(await explorer.nodesWith('unreached'), []);
    assert.ok((await page.locator(BREACH.verdict).textContent()).includes(`reaches “${label(none.furthest)}”`));

    for (const control of breach.controls) {
      await page.locator(BREACH.control(control.id)).check();
      const want = expectedReach(breach, [control.id]);
      assert.equal((await explorer.params()).controls, control.id, `${control.id} is in the URL`);
      assert.deepEqual(await eventually(() => explorer.linksWith('cut'), want.cut), want.cut, `${control.id} cuts ${want.cut}`);
      assert.deepEqual(await eventually(() => explorer.nodesWith('unreached'), want.unreached), want.unreached, `${control.id}: unreached nodes`);
      const verdict = await page.locator(BREACH.verdict).textContent();
      assert.ok(verdict.includes(`stops at “${label(want.furthest)}”`), `${control.id}: ${verdict}`);
      assert.equal(await explorer.intruderAt(), want.furthest, `${control.id}: the intruder stops at ${want.furthest}`);
      await page.locator(BREACH.control(control.id)).uncheck();
    }
    assert.equal((await explorer.params()).controls, undefined);

    // Several at once: the URL keeps them in story order; the earliest cut decides.
    const ids = breach.controls.map((c) => c.id);
    for (const id of [...ids].reverse()) await page.locator(BREACH.control(id)).check();
    assert.equal((await explorer.params()).controls, ids.join(','));
    const all = expectedReach(breach, ids);
    assert.deepEqual(await eventually(() => explorer.nodesWith('unreached'), all.unreached), all.unreached);
    assert.deepEqual(await eventually(() => explorer.linksWith('cut'), all.cut), all.cut);
  });
});

test('the step panel says where the controls stop the intruder, and a toggle builds no element there', async (t) => {
  const last = steps.at(-1);
  await withExplorer(t, `/?view=breach&step=${steps.length}`, async (explorer, { page }) => {
    const note = page.locator(BREACH.stoppedNote);
    assert.equal(await note.isVisible(), false, 'no note while no control is on');
    // Elements added to or removed from the step panels while the controls are toggled.
    await page.evaluate((sel) => {
      window.__panelChanges = 0;
      new MutationObserver((records) => {
        for (const r of records) {
          window.__panelChanges += [...r.addedNodes, ...r.removedNodes].filter((n) => n.nodeType === 1).length;
        }
      }).observe(document.querySelector(sel), { childList: true, subtree: true });
    }, BREACH.panels);
    let stopped = 0;
    for (const control of breach.controls) {
      await page.locator(BREACH.control(control.id)).check();
      const want = expectedReach(breach, [control.id]);
      if (want.reached.includes(last.nodes.at(-1))) {
        assert.equal(await note.isVisible(), false, `${control.id}: the last step is still reached: no note`);
      } else {
        stopped += 1;
        await note.waitFor();
        const text = await note.textContent();
        assert.ok(text.includes(`stops at “${label(want.furthest)}”`), `${control.id}: ${text}`);
        assert.match(text, /Analysis/, `${control.id}: the note is labelled analysis`);
      }
      await page.locator(BREACH.control(control.id)).uncheck();
      await note.waitFor({ state: 'hidden' });
    }
    assert.ok(stopped > 0, 'some control stops the intruder before the last step');
    assert.equal(await page.evaluate(() => window.__panelChanges), 0, 'toggling built or dropped no element in the step panels');
  });
});

test('controls name their reported status and mark their model as analysis', async (t) => {
  await withExplorer(t, '/?view=breach&controls=soc-japan,two-factor', async (explorer, { page }) => {
    // Canonical order, and the boxes checked from the URL.
    assert.equal((await explorer.params()).controls, 'two-factor,soc-japan');
    assert.ok(await page.locator(BREACH.control('two-factor')).isChecked());
    assert.ok(await page.locator(BREACH.control('soc-japan')).isChecked());
    assert.ok(!(await page.locator(BREACH.control('contractor-management')).isChecked()));
    for (const control of breach.controls) {
      const item = page.locator(`${BREACH.root} li.control-item[data-control="${control.id}"]`);
      assert.ok((await item.locator('.status').textContent()).trim().length > 0, `${control.id} shows a status`);
      assert.match(await item.locator('.control-rationale').textContent(), /Analysis/);
      assert.ok((await item.locator('button.cite').count()) > 0, `${control.id} cites what the reports say`);
    }
    assert.match(await page.locator(`${BREACH.root} fieldset.whatif legend`).textContent(), /Analysis/);
  });
});

test('selecting a link shows its details and the demands aimed at it', async (t) => {
  await withExplorer(t, '/?view=breach', async (explorer, { page }) => {
    await page.locator(BREACH.link('shared-to-ly')).click();
    assert.equal((await explorer.params()).link, 'shared-to-ly');
    assert.equal(await page.locator(BREACH.link('shared-to-ly')).getAttribute('aria-pressed'), 'true');
    const details = page.locator(BREACH.linkDetails);
    assert.match(await details.locator('h3').textContent(), /Shared internal system.*LY's internal systems/);
    assert.ok((await details.locator('button.cite').count()) > 0);
    assert.match(await details.textContent(), /Separate authentication infrastructure/);
    assert.match(await details.textContent(), /What the ministry demanded about this link/);
    const hrefs = await details.locator('.link-demands a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0, 'some demand is aimed at this link');
    for (const href of hrefs) assert.match(href, /^\?view=guidance&req=[a-z0-9-]+$/);
    await page.locator(BREACH.linkClose).click();
    assert.equal((await explorer.params()).link, undefined);
    assert.equal(await details.count(), 0);
  });
  // In the whole story, the demands link to their place on the page.
  await withExplorer(t, '/?link=ly-to-data', async (explorer, { page }) => {
    const hrefs = await page
      .locator(`${BREACH.linkDetails} .link-demands a`)
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      assert.match(href, /^#req-/);
      assert.equal(await page.locator(href).count(), 1, `${href} exists on the page`);
    }
  });
});

test('a demand selected in the guidance section marks the links it targets', async (t) => {
  const guidance = JSON.parse(await readFile(new URL('../../content/guidance.json', import.meta.url), 'utf8'));
  const requirement = guidance.requirements.find((r) => r.breach_links.length > 0);
  await withExplorer(t, `/?view=breach&req=${requirement.id}`, async (explorer, { page }) => {
    assert.deepEqual(await explorer.linksWith('targeted'), requirement.breach_links);
    assert.ok(await page.locator(BREACH.targetedNote).isVisible());
  });
});

test('"Download data" gives the path as a STIX 2.1 bundle of Attack Flow objects', async (t) => {
  await withExplorer(t, '/?view=breach', async (_explorer, { page }) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(BREACH.download).click()]);
    assert.equal(download.suggestedFilename(), 'line-breach-attack-flow.json');
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(bundle.type, 'bundle');
    assert.match(bundle.id, /^bundle--[0-9a-f-]{36}$/);
    const ofType = (type) => bundle.objects.filter((o) => o.type === type);
    assert.equal(ofType('attack-flow').length, 1);
    assert.equal(ofType('attack-flow')[0].scope, 'incident');
    assert.deepEqual(
      ofType('attack-action').map((a) => a.technique_id ?? null),
      steps.map((s) => (s.techniques.length === 1 ? s.techniques[0].id : null)),
    );
    assert.equal(ofType('attack-asset').length, breach.breach_nodes.length);
    for (const object of bundle.objects) assert.equal(object.spec_version ?? '2.1', '2.1');
  });
});

test('the intruder moves with a short transition, and not at all under reduced motion', async (t) => {
  await withExplorer(t, '/?view=breach', async (_explorer, { page }) => {
    await page.waitForSelector(`${BREACH.intruder}.settled`);
    const duration = () => page.locator(BREACH.intruder).evaluate((g) => getComputedStyle(g).transitionDuration);
    const seconds = parseFloat(await duration());
    assert.ok(seconds > 0 && seconds <= 0.5, `a short hop (${seconds}s)`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(parseFloat(await duration()), 0, 'no motion when the reader asks for less');
  });
});

for (const [width, height, orientation] of [
  [360, 740, 'vertical'],
  [768, 1024, 'vertical'],
  [1280, 900, 'horizontal'],
]) {
  test(`at ${width}px the diagram fits, its labels stay in their boxes and nothing overlaps`, async (t) => {
    await withExplorer(
      t,
      '/?view=breach&step=3&controls=two-factor',
      async (explorer, { page }) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
        const geometry = await explorer.geometry();
        assert.equal(geometry.orientation, orientation);
        const inside = (outer, inner) =>
          inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.w <= outer.x + outer.w + 1 && inner.y + inner.h <= outer.y + outer.h + 1;
        const overlap = (a, b) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
        for (const node of geometry.nodes) assert.ok(inside(node.box, node.text), `${node.id}'s label stays in its box`);
        const boxes = [...geometry.nodes.map((n) => n.box), ...geometry.bandLabels];
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i], boxes[j]), `boxes ${i} and ${j} overlap`);
        }
        for (const hit of geometry.hits) {
          assert.ok(hit.box.w >= 24 && hit.box.h >= 24, `${hit.id} is easy to hit`);
          for (const node of geometry.nodes) assert.ok(!overlap(hit.box, node.box), `${hit.id} lies over ${node.id}`);
        }
      },
      { viewport: { width, height } },
    );
  });
}
