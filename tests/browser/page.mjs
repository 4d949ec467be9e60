// Page object for the explainer. Every selector of the DOM contract is named
// here once; tests speak in terms of sections, figures and citations.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { settledLocation, settledSearch } from './browser.mjs';
import { REPO_ROOT } from './server.mjs';

/** The story's sections, in reading order. */
export const SECTION_ORDER = ['hook', 'ownership', 'breach', 'guidance', 'timeline', 'numbers', 'sources', 'glossary'];
/** Values of ?view= (every section but the hook). */
export const VIEWS = SECTION_ORDER.filter((id) => id !== 'hook');
export const LANGS = ['en', 'ja', 'ko'];
export const THEMES = ['light', 'dark'];

export const SELECTORS = {
  html: 'html',
  ready: 'html[data-ready="1"]',
  root: 'main#story',
  section: (id) => `main#story section#${id}`,
  sectionHeading: 'h2',
  figure: 'main#story span.figure',
  cite: 'button.cite',
  citePop: '.cite-pop',
  citeQuote: 'q',
  citeSourceLink: 'a[href^="#source-"]',
  sourcesList: 'main#story section#sources',
  sourceItem: 'main#story section#sources li[id^="source-"]',
  disagreement: 'main#story .disagreement',
  version: '.version',
};

/** The report list the app is built from (content/sources.json), or null if unreadable. */
export async function loadSources() {
  try {
    const json = JSON.parse(await readFile(join(REPO_ROOT, 'content', 'sources.json'), 'utf8'));
    return Array.isArray(json?.sources) ? json.sources : null;
  } catch {
    return null;
  }
}

export class StoryPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  root() {
    return this.page.locator(SELECTORS.root);
  }

  /** <html> attributes the app owns: lang, data-theme, data-ready. */
  async documentState() {
    return this.page.evaluate(() => {
      const html = document.documentElement;
      return {
        lang: html.getAttribute('lang'),
        theme: html.getAttribute('data-theme'),
        ready: html.getAttribute('data-ready'),
      };
    });
  }

  /** data-view of <main id="story">. */
  async view() {
    return this.root().getAttribute('data-view');
  }

  /** location.search as the address bar shows it once it has caught up with the state. */
  async search() {
    return settledSearch(this.page);
  }

  async href() {
    return (await settledLocation(this.page)).href;
  }

  /**
   * The story's top-level sections on screen, in document order: those whose
   * id is one of SECTION_ORDER, with their <h2> text.
   */
  async sections() {
    return this.page.evaluate(
      ({ root, known, heading }) =>
        [...document.querySelectorAll(`${root} section[id]`)]
          .filter((s) => known.includes(s.id))
          .map((s) => {
            const h2 = s.querySelector(heading);
            const style = window.getComputedStyle(s);
            return {
              id: s.id,
              heading: h2 ? h2.textContent.trim() : null,
              visible: style.display !== 'none' && style.visibility !== 'hidden' && s.getClientRects().length > 0,
            };
          }),
      { root: SELECTORS.root, known: SECTION_ORDER, heading: SELECTORS.sectionHeading },
    );
  }

  async sectionIds() {
    return (await this.sections()).map((s) => s.id);
  }

  figures() {
    return this.page.locator(SELECTORS.figure);
  }

  citations() {
    return this.page.locator(`${SELECTORS.root} ${SELECTORS.cite}`);
  }

  /**
   * For every figure: its text, and the citation marker that belongs to it:
   * the first button.cite among its following siblings (or inside one, e.g. a
   * <sup class="cite-wrap">) before the next figure. Text or a <time> may sit
   * between a figure and its marker.
   */
  async figureMarkers() {
    return this.page.evaluate(
      ({ figure, cite }) =>
        [...document.querySelectorAll(figure)].map((fig) => {
          let marker = null;
          for (let el = fig.nextElementSibling; el && !marker; el = el.nextElementSibling) {
            if (el.matches(figure) || el.querySelector(figure)) break;
            marker = el.matches(cite) ? el : el.querySelector(cite);
          }
          return {
            text: fig.textContent.trim(),
            hasMarker: Boolean(marker && marker.getAttribute('type') === 'button'),
            markerText: marker ? marker.textContent.trim() : null,
            expanded: marker ? marker.getAttribute('aria-expanded') : null,
            controls: marker ? marker.getAttribute('aria-controls') : null,
          };
        }),
      { figure: SELECTORS.figure, cite: SELECTORS.cite },
    );
  }

  /** The citation marker that controls the element with id `controls`. */
  markerControlling(controls) {
    return this.page.locator(`${SELECTORS.root} ${SELECTORS.cite}[aria-controls="${controls}"]`);
  }

  /**
   * What the popover controlled by `marker` shows now: every quote (<q>) and
   * every #source-ID link in it, and whether each link's target exists.
   */
  async popoverOf(marker) {
    const id = await marker.getAttribute('aria-controls');
    const pop = this.page.locator(`[id="${id}"]`);
    const visible = await pop.isVisible();
    const details = await pop.evaluate(
      (el, { quote, link, citePop }) => ({
        isCitePop: el.matches(citePop),
        text: el.textContent.replace(/\s+/g, ' ').trim(),
        quotes: [...el.querySelectorAll(quote)].map((q) => q.textContent.trim()),
        links: [...el.querySelectorAll(link)].map((a) => {
          const target = document.getElementById(a.getAttribute('href').slice(1));
          return {
            href: a.getAttribute('href'),
            sourceId: a.getAttribute('href').replace(/^#source-/, ''),
            targetTag: target ? target.tagName.toLowerCase() : null,
          };
        }),
      }),
      { quote: SELECTORS.citeQuote, link: SELECTORS.citeSourceLink, citePop: SELECTORS.citePop },
    );
    return { id, visible, ...details };
  }

  /** ids (without "source-") of the report list items. */
  async sourceIds() {
    return this.page.locator(SELECTORS.sourceItem).evaluateAll((items) => items.map((li) => li.id.replace(/^source-/, '')));
  }

  /** For each .disagreement: how many .version children it lists. */
  async disagreements() {
    return this.page
      .locator(SELECTORS.disagreement)
      .evaluateAll((els, version) => els.map((el) => el.querySelectorAll(version).length), SELECTORS.version);
  }
}

// ---- Guidance, timeline and numbers (issue 5) ----

export const GUIDANCE = {
  section: 'main#story section#guidance',
  requirement: (id) => `[id="req-${id}"]`,
  anyRequirement: 'main#story .requirement[id^="req-"]',
  status: '.req-fact .status',
  textCite: '.req-text button.cite',
  select: 'button.req-select',
  targets: '.req-targets',
  hop: '.path-map .hop',
  relationTarget: '.relation-targets li[data-relation]',
  controlTarget: '.control-targets li[data-control]',
  statusChip: (key) => `.req-filters .chip[data-status="${key}"]`,
  themeChip: (key) => `.req-filters .chip[data-theme="${key}"]`,
  clearFilters: '.req-filters .clear-filters',
  filterCount: '.req-filters [role="status"]',
  aimedAt: '.aimed-at',
};

export const TIMELINE = {
  list: 'main#story section#timeline ol.timeline',
  event: 'main#story section#timeline li.event',
  sectionLink: 'a.event-section',
  scale: 'main#story section#timeline svg.time-scale',
  scaleBar: 'main#story section#timeline svg.time-scale rect.time-bar',
};

export const NUMBERS = {
  chart: 'main#story section#numbers figure.chart',
  chartById: (key) => `main#story figure#chart-${key}`,
  svg: '.chart-canvas svg[role="img"]',
  table: 'table.chart-data',
  csv: 'button.csv-download',
};

/** A JSON file of content/ (e.g. "guidance.json"), parsed, or null if unreadable. */
export async function loadContent(file) {
  try {
    return JSON.parse(await readFile(join(REPO_ROOT, 'content', file), 'utf8'));
  } catch {
    return null;
  }
}

/** The guidance section: requirements, their selection and the filters. */
export class GuidanceView {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  requirement(id) {
    return this.page.locator(GUIDANCE.requirement(id));
  }

  /** ids of the requirement cards shown now (not hidden by a filter). */
  async visibleRequirementIds() {
    return this.page.locator(GUIDANCE.anyRequirement).evaluateAll((els) =>
      els.filter((el) => el.getClientRects().length > 0).map((el) => el.id.replace(/^req-/, '')),
    );
  }

  async select(id) {
    await this.requirement(id).locator(GUIDANCE.select).click();
  }

  /** What the selected requirement's targets panel lists. */
  async targetsOf(id) {
    return this.requirement(id)
      .locator(GUIDANCE.targets)
      .evaluate((panel, sel) => ({
        targetedHops: [...panel.querySelectorAll(sel.hop)]
          .filter((li) => li.dataset.targeted === 'true')
          .map((li) => li.dataset.link),
        relations: [...panel.querySelectorAll(sel.relationTarget)].map((li) => ({
          id: li.dataset.relation,
          href: li.querySelector('a').getAttribute('href'),
        })),
        controls: [...panel.querySelectorAll(sel.controlTarget)].map((li) => li.dataset.control),
      }), { hop: GUIDANCE.hop, relationTarget: GUIDANCE.relationTarget, controlTarget: GUIDANCE.controlTarget });
  }
}

// ---- Ownership explorer (issue 3) ----

export const OWNERSHIP = {
  diagram: 'section#ownership .own-diagram',
  svg: 'section#ownership svg.own-svg',
  node: (id) => `section#ownership .own-node[data-node="${id}"]`,
  anyNode: 'section#ownership .own-node',
  nodeBox: '.own-node-box',
  nodeTitle: '.own-title',
  edgeLabel: (id) => `section#ownership .own-label[data-edge="${id}"]`,
  anyEdgeLabel: 'section#ownership .own-label',
  labelBox: '.own-label-box',
  edgeLine: (id) => `section#ownership .own-edge[data-edge="${id}"]`,
  highlightedLabel: 'section#ownership .own-label.req-target',
  details: 'section#ownership #own-details',
  // The panel shown: panels built before stay in the aside, hidden.
  shownDetails: 'section#ownership #own-details > .own-panel:not([hidden])',
  keptDetails: 'section#ownership #own-details > .own-panel',
  detailsTitle: 'section#ownership #own-details-title',
  reportedValue: 'section#ownership #own-details > .own-panel:not([hidden]) .own-reported li',
  disagreementVersion: 'section#ownership #own-details > .own-panel:not([hidden]) .versions .version',
  requirementLink: 'section#ownership #own-details > .own-panel:not([hidden]) .own-reqs a',
  slider: 'section#ownership input#own-stake',
  verdict: 'section#ownership .own-verdict-text',
  lookThrough: (parent) => `section#ownership .own-lookthrough-list li[data-parent="${parent}"] .own-arithmetic`,
  download: 'section#ownership button.own-download-button',
  requirementNotice: 'section#ownership .own-req-notice',
  textVersion: 'section#ownership .own-text',
};

/** Diagram entities and ties the content defines (content/entities.json), or null. */
export async function loadOwnershipContent() {
  try {
    const json = JSON.parse(await readFile(join(REPO_ROOT, 'content', 'entities.json'), 'utf8'));
    return {
      nodes: json.entities.filter((e) => e.kind !== 'person').map((e) => e.id),
      edges: json.relations.filter((r) => r.kind !== 'office').map((r) => r.id),
    };
  } catch {
    return null;
  }
}

export class OwnershipView {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  node(id) {
    return this.page.locator(OWNERSHIP.node(id));
  }

  edgeLabel(id) {
    return this.page.locator(OWNERSHIP.edgeLabel(id));
  }

  async nodeIds() {
    return this.page.locator(OWNERSHIP.anyNode).evaluateAll((els) => els.map((el) => el.dataset.node));
  }

  async edgeIds() {
    return this.page.locator(OWNERSHIP.anyEdgeLabel).evaluateAll((els) => els.map((el) => el.dataset.edge));
  }

  /** Waits until the details show the diagram's selection: they follow it a frame later. */
  /**
   * Waits for what follows from the what-if (the diagram's lines, the verdict, the
   * look-through stakes) to catch up with the slider: it shows a split a frame after the
   * slider does (src/ownership/mod.rs), in one go, and SoftBank's look-through row then
   * starts with the slider's value.
   */
  async whatIfCaughtUp() {
    await this.page.waitForFunction(
      ({ slider, softbank }) => {
        const value = document.querySelector(slider)?.value;
        return Boolean(value) && Boolean(document.querySelector(softbank)?.textContent.trim().startsWith(`${value}%`));
      },
      { slider: OWNERSHIP.slider, softbank: OWNERSHIP.lookThrough('softbank') },
    );
  }

  async detailsCaughtUp() {
    await this.page.waitForFunction((shownSelector) => {
      const pressed = document.querySelector('#ownership .own-svg [aria-pressed="true"]');
      const shown = document.querySelector(shownSelector);
      return shown && shown.dataset.selection === (pressed?.dataset.node ?? pressed?.dataset.edge ?? '');
    }, OWNERSHIP.shownDetails);
  }

  async detailsTitle() {
    await this.detailsCaughtUp();
    return (await this.page.locator(OWNERSHIP.detailsTitle).textContent()).replace(/\s+/g, ' ').trim();
  }

  /** Citation markers inside the details panel. */
  detailsCitations() {
    return this.page.locator(`${OWNERSHIP.shownDetails} button.cite`);
  }

  /** The id of the diagram item that has keyboard focus (node or edge label), or null. */
  async focusedItem() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      return el?.dataset?.node ?? el?.dataset?.edge ?? null;
    });
  }

  async verdict() {
    return (await this.page.locator(OWNERSHIP.verdict).textContent()).trim();
  }

  async lookThrough(parent) {
    return (await this.page.locator(OWNERSHIP.lookThrough(parent)).textContent()).trim();
  }

  async labelText(id) {
    return (await this.edgeLabel(id).locator('text').textContent()).replace(/\s+/g, ' ').trim();
  }

  /**
   * Page-space boxes of every node and edge label, and, per node, whether its title
   * text stays inside its box (real fonts, as rendered).
   */
  async geometry() {
    return this.page.evaluate(({ anyNode, anyEdgeLabel, nodeBox, labelBox, nodeTitle }) => {
      const rect = (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      };
      const nodes = [...document.querySelectorAll(anyNode)].map((g) => {
        const box = rect(g.querySelector(nodeBox));
        const text = rect(g.querySelector(nodeTitle));
        return { id: g.dataset.node, box, text };
      });
      const labels = [...document.querySelectorAll(anyEdgeLabel)].map((g) => ({
        id: `label:${g.dataset.edge}`,
        box: rect(g.querySelector(labelBox)),
        text: rect(g.querySelector('text')),
      }));
      const svg = rect(document.querySelector('svg.own-svg'));
      return { nodes, labels, svg };
    }, {
      anyNode: OWNERSHIP.anyNode,
      anyEdgeLabel: OWNERSHIP.anyEdgeLabel,
      nodeBox: OWNERSHIP.nodeBox,
      labelBox: OWNERSHIP.labelBox,
      nodeTitle: OWNERSHIP.nodeTitle,
    });
  }
}
// ---- end of ownership explorer ----

// ---- Breach path explorer (issue 4) ----
// The diagram, stepper, controls what-if, link details and download of #breach.

const BREACH_ROOT = 'main#story section#breach';

export const BREACH = {
  root: BREACH_ROOT,
  stage: `${BREACH_ROOT} .breach-stage`,
  diagram: `${BREACH_ROOT} svg.breach-diagram`,
  anyNode: `${BREACH_ROOT} g.node[data-node]`,
  node: (id) => `${BREACH_ROOT} g.node[data-node="${id}"]`,
  nodeButton: (id) => `${BREACH_ROOT} g.node[data-node="${id}"] .node-button`,
  nodeBox: '.node-box',
  nodeLabel: 'text.node-label',
  anyLink: `${BREACH_ROOT} g.link[data-link]`,
  link: (id) => `${BREACH_ROOT} g.link[data-link="${id}"]`,
  linkHit: 'rect.link-hit',
  bandLabel: `${BREACH_ROOT} text.band-label`,
  intruder: `${BREACH_ROOT} g.intruder`,
  prev: `${BREACH_ROOT} button.step-prev`,
  next: `${BREACH_ROOT} button.step-next`,
  dot: (n) => `${BREACH_ROOT} .step-dots li:nth-child(${n}) button.step-dot`,
  status: `${BREACH_ROOT} .step-status`,
  panel: `${BREACH_ROOT} article.step-panel.current`,
  panels: `${BREACH_ROOT} .step-panels`,
  stoppedNote: `${BREACH_ROOT} article.step-panel.current .stopped-note`,
  verdict: `${BREACH_ROOT} .verdict .verdict-text`,
  control: (id) => `${BREACH_ROOT} input#control-${id}`,
  linkDetails: `${BREACH_ROOT} section.link-details`,
  linkClose: `${BREACH_ROOT} section.link-details button.link-close`,
  targetedNote: `${BREACH_ROOT} .targeted-note`,
  download: `${BREACH_ROOT} button.download-link`,
  textStep: `${BREACH_ROOT} .breach-text li.breach-step`,
};

/** content/breach.json: nodes, links, steps and controls the app is built from. */
export async function loadBreach() {
  return JSON.parse(await readFile(join(REPO_ROOT, 'content', 'breach.json'), 'utf8'));
}

/**
 * Where the model says the intruder gets with `enabled` control ids on: the same
 * breadth-first search as src/breach/reach.rs, over links no enabled control cuts.
 */
export function expectedReach(breach, enabled) {
  const cut = new Set(
    breach.controls.filter((c) => enabled.includes(c.id)).flatMap((c) => c.cuts),
  );
  const start = breach.breach_nodes.find((n) => !breach.breach_links.some((l) => l.to === n.id)).id;
  const depth = new Map([[start, 0]]);
  const queue = [start];
  while (queue.length) {
    const at = queue.shift();
    for (const link of breach.breach_links.filter((l) => l.from === at && !cut.has(l.id))) {
      if (!depth.has(link.to)) {
        depth.set(link.to, depth.get(at) + 1);
        queue.push(link.to);
      }
    }
  }
  const max = Math.max(...depth.values());
  const furthest = breach.breach_nodes.find((n) => depth.get(n.id) === max).id;
  return {
    reached: breach.breach_nodes.filter((n) => depth.has(n.id)).map((n) => n.id),
    unreached: breach.breach_nodes.filter((n) => !depth.has(n.id)).map((n) => n.id),
    cut: breach.breach_links.filter((l) => cut.has(l.id)).map((l) => l.id),
    furthest,
  };
}

/** The string-valued selectors of BREACH, which can be passed into the page. */
export const BREACH_STRINGS = Object.fromEntries(Object.entries(BREACH).filter(([, v]) => typeof v === 'string'));

export class BreachExplorer {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** The URL's query as key → value. */
  async params() {
    return Object.fromEntries(new URLSearchParams(await settledSearch(this.page)));
  }

  /**
   * Waits for the words and the diagram to catch up with the dots: the stepper's line, the
   * step's panel and the diagram show a step a frame after the dots do (src/breach/mod.rs).
   */
  async toldCaughtUp() {
    await this.page.waitForFunction((b) => {
      const dots = [...document.querySelectorAll(`${b.root} .step-dot`)];
      const panels = [...document.querySelectorAll(`${b.root} article.step-panel`)];
      const current = dots.findIndex((d) => d.getAttribute('aria-current') === 'step');
      const panel = document.querySelector(b.panel);
      const title = panel?.querySelector('h3')?.textContent.trim();
      return current >= 0 && panels.indexOf(panel) === current && Boolean(title) && document.querySelector(b.status).textContent.includes(title);
    }, BREACH_STRINGS);
  }

  /** data-step of the step panel (the step id shown), once it has caught up. */
  async shownStep() {
    await this.toldCaughtUp();
    return this.page.locator(BREACH.panel).getAttribute('data-step');
  }

  /** data-node / data-link ids of the diagram's elements that carry `cls`. */
  async nodesWith(cls) {
    return this.page.locator(`${BREACH.anyNode}.${cls}`).evaluateAll((els) => els.map((e) => e.dataset.node));
  }

  async linksWith(cls) {
    return this.page.locator(`${BREACH.anyLink}.${cls}`).evaluateAll((els) => els.map((e) => e.dataset.link));
  }

  /** The node whose box holds the intruder marker's centre, once it has stopped moving. */
  async intruderAt() {
    await this.page.waitForTimeout(450);
    return this.page.evaluate(({ intruder, anyNode, nodeBox }) => {
      const marker = document.querySelector(`${intruder} circle`).getBoundingClientRect();
      const x = marker.x + marker.width / 2;
      const y = marker.y + marker.height / 2;
      const hit = [...document.querySelectorAll(anyNode)].find((g) => {
        const r = g.querySelector(nodeBox).getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
      return hit ? hit.dataset.node : null;
    }, BREACH_STRINGS);
  }

  /**
   * Page-space boxes, as rendered with real fonts: every node's box and label, every
   * band label, every link's hit area.
   */
  async geometry() {
    return this.page.evaluate((b) => {
      const rect = (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, w: r.width, h: r.height };
      };
      return {
        orientation: document.querySelector(b.diagram).dataset.orientation,
        nodes: [...document.querySelectorAll(b.anyNode)].map((g) => ({
          id: g.dataset.node,
          box: rect(g.querySelector(b.nodeBox)),
          text: rect(g.querySelector(b.nodeLabel)),
        })),
        bandLabels: [...document.querySelectorAll(b.bandLabel)].map(rect),
        hits: [...document.querySelectorAll(b.anyLink)].map((g) => ({ id: g.dataset.link, box: rect(g.querySelector(b.linkHit)) })),
      };
    }, BREACH_STRINGS);
  }
}
// ---- end of breach path explorer ----

// ---- Accessibility matrix and keyboard walkthrough (issue 8) ----

export const A11Y = {
  /** axe-core rule tags checked: WCAG 2.2 A and AA, and best practice. */
  axeTags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  /** Presenter slides checked (src/present/deck.rs): title, ownership, a breach step, controls. */
  presentSlides: [1, 3, 6, 10],
  /** URL states after an interaction: a selected tie and stake, a later step with controls on, a requirement. */
  interactionStates: [
    'view=ownership&select=a-holdings-owns-ly&stake=60',
    'view=breach&step=4&controls=two-factor,soc-japan&link=shared-to-ly',
    'view=guidance&req=a-1-plans',
  ],
  firstCite: 'main#story button.cite',
  openCitePop: '.cite-pop',
  embedButton: 'button.embed-button',
  openDialog: 'dialog[open]',
  /** What a keyboard user can reach: interactive elements, as the walkthrough counts them. */
  interactive: 'a[href], button, input, select, textarea, [tabindex="0"], [role="button"], summary',
  footer: 'footer.colophon',
  /** The live region that names the selected requirement. */
  requirementAnnouncement: 'main#story section#guidance .req-announcement[role="status"]',
};
// ---- end of accessibility ----

// ---- Languages (issue 7) ----

export const I18N = {
  /** The switcher's option for a language code. */
  option: (lang) => `.lang-switcher button[data-lang="${lang}"]`,
  current: '.lang-switcher button[aria-current="true"]',
  /**
   * Words that stay in Latin letters in Japanese and Korean text: names as the companies
   * and publications write them, acronyms and technique ids.
   */
  latinAllowed: [
    'LINE', 'NAVER', 'LY', 'SOC', 'MIC', 'CEO', 'CPO', 'CTO', 'ATT&CK', 'MITRE', 'BODS', 'STIX', 'JSON', 'CSV',
    'SVG', 'PNG', 'Home', 'End', 'Esc', 'Tab', 'Enter', 'Escape', 'Trusted', 'Relationship', 'Corporation', 'Corp', 'Inc', 'Holdings', 'GMT', 'president', 'Korea', 'JoongAng', 'Daily', 'The', 'Readable', 'News', 'Rebeat',
    'Tokyo', 'FinTech', 'Donga', 'Medium', 'Bloomberg', 'Yahoo', 'English', 'LINE’s', 'Attack', 'Flow', 'Open', 'Ownership', 'MITRE',
  ],
};
// ---- end of languages ----
