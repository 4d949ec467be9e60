// The interactions the bench times, in one table. Each row names the control by a list of
// candidate selectors (first one that matches a visible element wins), so a new or renamed
// control is a one-line change here. A candidate is a CSS selector, or { css, text } where
// `text` is a case-insensitive regular expression the element's text or aria-label must match.
//
// act:
//   click     click the first match every time (a toggle switches on, then off, ...)
//   pingpong  click `targets` until it is disabled or gone, then `back` until that is, ...
//   cycle     click the matches in turn (match i % count)
//   range     set an <input type=range> to the next value of a 40-step sweep and fire `input`
//   select    pick the next <option> of a <select> and fire `input` + `change`
//   noop      nothing: the harness's own cost, to read the other rows against
// warmup: at least this many untimed runs before the timed ones (default: the bench's).
// settle: each run waits for the page to be ready (<html data-ready="1">: every piece
// built) before its event, not only for a frame and a pause.
// memoryRepeats: at most this many repeats in the memory run (default: all of them).
// memoryWarmup: at least this many repeats before the memory run's "before" (default: the
// bench's warm-up).
// view: the ?view= page the control lives on. Each interaction is timed on the story page
// (every section at once: the most an interaction can touch; the budget uses this, or the
// view's figure for a control the story page does not have) and again on its view; memory
// is measured per view, over interactions of that view in turn.
// An interaction whose control is not on the page is reported as n/a; so is one that
// navigates away (a plain link to another URL is a page load, not an in-page interaction).

export const INTERACTIONS = [
  { name: 'noop (harness)', act: 'noop', targets: [] },
  {
    name: 'step',
    what: 'breach stepper: Next, Previous at the end',
    view: 'breach',
    act: 'pingpong',
    targets: ['#breach button.step-next', { css: '#breach button', text: '^\\W*next\\b' }],
    back: ['#breach button.step-prev', { css: '#breach button', text: '^\\W*prev' }],
  },
  {
    name: 'toggle',
    what: 'breach what-if: one control on / off',
    view: 'breach',
    act: 'click',
    targets: ['#breach input[type=checkbox]', '#breach button[aria-pressed]', '#breach [role=switch]'],
  },
  {
    name: 'slider drag',
    what: 'ownership what-if: one input event of a drag',
    view: 'ownership',
    act: 'range',
    targets: ['#ownership input[type=range]'],
  },
  {
    name: 'selection',
    what: 'ownership diagram: select a node (each in turn)',
    view: 'ownership',
    act: 'cycle',
    targets: ['#ownership svg .own-node[tabindex]', '#ownership svg g[tabindex][role=button]', '#ownership svg [tabindex]'],
  },
  {
    name: 'language switch',
    what: 'language switcher, if the page has one',
    act: 'cycle',
    // Each switch re-renders every text of the story page (~0.1 s unthrottled): 10,000
    // would take a quarter of an hour, and 1,000 show a leak as well.
    memoryRepeats: 1000,
    targets: [
      'select[name=lang]',
      'select#lang',
      '[data-lang-switch] select',
      '.lang-switch select',
      '[data-lang-switch] button',
      '.lang-switch button',
      'button[data-lang]',
      '[data-lang-switch] a',
      '.lang-switch a',
      'a[hreflang]',
    ],
  },
  {
    name: 'view switch',
    what: "a single view's list of views: each other view in turn, in place",
    // The story page has no list (it holds every part); a single view has. Timed from a
    // view with no other interaction, so its memory run is of view switches alone.
    view: 'timeline',
    act: 'cycle',
    // Every view twice before the timed runs: the first switch to a view fetches and
    // compiles its chunk, once per page (as the first load does its own). A reader's
    // pointer or focus reaching the list fetches them all before any click
    // (src/app/view_switch.rs); the bench's click comes with no pointer.
    warmup: 12,
    // Each switch from a view that is whole: built in pieces after the switch (a task
    // each, so a tap is never kept waiting), a view is still arriving 30 ms after its
    // first frame, and the frame after a click that soon would lay out its latest pieces
    // too. A reader switches after reading; switches at speed are the memory run's.
    settle: true,
    // Each switch builds a whole view in pieces, a frame after the click (switches a task
    // apart are shown one per frame); memory first climbs to a high-water mark (some
    // 2,000 switches), then stays flat. Both counts are whole rounds of the six views, so
    // that "before" and "after" show the same view.
    memoryWarmup: 3000,
    memoryRepeats: 1200,
    // Not the current view (a click there does nothing) nor the whole story (it has no list,
    // so the cycle would end there).
    targets: ['nav.view-switch a[data-view]:not([data-view="story"]):not([aria-current])'],
  },
];

/** The floor's one interaction, timed the same way. */
export const FLOOR_INTERACTIONS = [
  { name: 'noop (harness)', act: 'noop', targets: [] },
  { name: 'counter click', what: 'the floor counter: +1', act: 'click', targets: ['#counter', 'button'] },
];

/**
 * Installed in the page (page.evaluate(installBench)): window.__bench with
 * find(spec), run(spec, i) and loop(specs, count). Self-contained: it is serialised.
 */
export function installBench() {
  if (window.__bench) return;
  const visible = (el) => {
    if (!el.isConnected || el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const enabled = (el) => !el.disabled && el.getAttribute('aria-disabled') !== 'true';
  const findAll = (candidates = []) => {
    for (const candidate of candidates) {
      const { css, text } = typeof candidate === 'string' ? { css: candidate } : candidate;
      let els;
      try {
        els = [...document.querySelectorAll(css)].filter(visible);
      } catch {
        continue;
      }
      if (text) {
        const re = new RegExp(text, 'i');
        els = els.filter((el) => re.test(el.textContent.trim()) || re.test(el.getAttribute('aria-label') || ''));
      }
      if (els.length > 0) return els;
    }
    return [];
  };
  const cache = new Map();
  const matches = (key, candidates) => {
    let els = cache.get(key);
    if (!els || els.length === 0 || !els.every((el) => el.isConnected)) {
      els = findAll(candidates);
      cache.set(key, els);
    }
    return els;
  };
  const click = (el) => {
    if (typeof el.click === 'function') el.click();
    else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  };
  /** Picks the <select>'s next enabled option, as a reader would (input, then change). */
  const selectNext = (el) => {
    const options = [...el.options].filter((o) => !o.disabled);
    if (options.length < 2) return false;
    const current = options.findIndex((o) => o.value === el.value);
    el.value = options[(current + 1) % options.length].value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  };
  const state = new Map();

  const run = (spec, i) => {
    const key = spec.name;
    switch (spec.act) {
      case 'noop':
        return true;
      case 'click': {
        const [el] = matches(key, spec.targets);
        if (!el) return false;
        click(el);
        return true;
      }
      case 'cycle': {
        const els = matches(key, spec.targets);
        if (els.length === 0) return false;
        const el = els[i % els.length];
        if (el.tagName === 'SELECT') return selectNext(el);
        click(el);
        return true;
      }
      case 'select': {
        const [el] = matches(key, spec.targets);
        return el ? selectNext(el) : false;
      }
      case 'range': {
        const [el] = matches(key, spec.targets);
        if (!el) return false;
        const min = Number(el.min || 0);
        const max = Number(el.max || 100);
        const span = Math.min(40, max - min);
        const k = i % (2 * span);
        const low = Math.max(min, Math.round((min + max) / 2 - span / 2));
        el.value = String(low + (k < span ? k : 2 * span - k));
        el.dispatchEvent(new Event('input', { bubbles: true }));
        return true;
      }
      case 'pingpong': {
        const forward = matches(`${key} forward`, spec.targets)[0];
        const back = matches(`${key} back`, spec.back)[0];
        let dir = state.get(key) ?? 1;
        if (dir === 1 && !(forward && enabled(forward))) dir = -1;
        else if (dir === -1 && !(back && enabled(back))) dir = 1;
        state.set(key, dir);
        const el = dir === 1 ? forward : back;
        if (!el || !enabled(el)) return false;
        click(el);
        return true;
      }
      default:
        throw new Error(`unknown act ${spec.act}`);
    }
  };

  /** Resolves after the next frame has been produced (rAF, then a task after it). */
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  /** Yields one task (no timer clamping), so the microtasks Leptos' effects run in have run. */
  const yieldTask = () =>
    new Promise((ok) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => ok();
      channel.port2.postMessage(0);
    });
  /** Resolves once the page is ready (every piece built), checked once a frame. */
  const settled = async () => {
    while (document.documentElement.dataset.ready !== '1') await nextFrame();
  };

  window.__bench = {
    present: (spec) => spec.act === 'noop' || findAll(spec.targets).length > 0,
    describe: (spec) => {
      const el = findAll(spec.targets)[0];
      if (!el) return null;
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls}`;
    },
    /**
     * Scrolls the control to the middle of the screen, as a reader does before using it:
     * off screen, its part of the page may be skipped (content-visibility), and the
     * browser would do work for a click no reader can make.
     */
    /** The id (or tag) of the control each of runs `from`..`from + count` uses. */
    controls: (spec, from, count) =>
      Array.from({ length: count }, (_, k) => {
        const els = matches(spec.name, spec.targets);
        const el = spec.act === 'cycle' ? els[(from + k) % els.length] : els[0];
        return el ? el.id || el.tagName.toLowerCase() : null;
      }),
    reveal: (spec) => findAll(spec.targets)[0]?.scrollIntoView({ block: 'center' }),
    run,
    async timed(spec, i) {
      if (spec.settle) await settled();
      const ok = run(spec, i);
      await nextFrame();
      return ok;
    },
    /**
     * `count` timed runs for the trace: each after a frame and a 30 ms pause, between the
     * user-timing marks bench:start:K (just before the event) and bench:end:K (in a task
     * after the next frame; the bench ends a run's time at the end of that frame's own
     * task, found in the trace by bench/trace.mjs `frameEnd`, and this mark only bounds
     * the search, as the page's own tasks for after the frame may come first);
     * bench:after:K is in the first task after the frame after that, so the end of the
     * frame..after holds what the interaction left for after its frame. Returns, per run,
     * whether the control was there and enabled.
     */
    async series(spec, from, count) {
      const oks = [];
      for (let k = 0; k < count; k += 1) {
        if (spec.settle) await settled();
        await nextFrame();
        await new Promise((ok) => setTimeout(ok, 30));
        performance.mark(`bench:start:${k}`);
        oks.push(run(spec, from + k));
        // Asked for after the event, and light: the frame's own task then holds the
        // harness's animation-frame callback alone (it sets a timer), not a posted message
        // and a new channel as it did (some 1 ms of every row at 4×, the noop's most).
        await nextFrame();
        performance.mark(`bench:end:${k}`);
        await nextFrame();
        performance.mark(`bench:after:${k}`);
      }
      return oks;
    },
    async loop(specs, count) {
      let done = 0;
      for (let i = 0; i < count; i += 1) {
        const spec = specs[i % specs.length];
        if (run(spec, Math.floor(i / specs.length))) done += 1;
        await yieldTask();
        if (i % 50 === 49) await nextFrame();
      }
      await nextFrame();
      return done;
    },
  };
}

/**
 * Waits until `predicate(arg)`, run in the page, is truthy (polled every 50 ms), or throws
 * after `timeoutMs`. The bench's pages wait with this, not Playwright's `waitForSelector` or
 * `waitForFunction`: those load Playwright's injected script into the page, and it puts
 * capturing listeners for click, pointer, mouse and touch events on `window` (its
 * hit-target check for actions), in two script worlds. Every click a run dispatches would
 * then run them first (0.3 to 3 ms at 4× in a trace), work no reader's browser does, in
 * the app's figures and the floor's alike.
 */
export async function waitInPage(page, predicate, arg, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(predicate, arg)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${predicate}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/**
 * The event types the page's `window` listens to in the capture phase, through the CDP
 * session `cdp`: none should be the harness's (see `waitInPage`).
 */
export async function capturingWindowListeners(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return listeners.filter((l) => l.useCapture).map((l) => l.type);
}

/** Whether `types` (from `capturingWindowListeners`) include the set Playwright's script adds. */
export function hasPlaywrightListeners(types) {
  return ['click', 'auxclick', 'dblclick', 'contextmenu', 'pointerdown'].every((type) => types.includes(type));
}
