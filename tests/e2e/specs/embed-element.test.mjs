// Embedding (contracts 4.5) with the <front-door-triage> custom element, in real Chromium under
// the strict CSP: its Shadow DOM, its decision event, host CSS kept out and attribute
// changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADINGS, guidance, draftRequest } from '../lib/journey.mjs';
import { caseOf, assertClean, APP_TIMEOUT, HOST_DIR } from '../lib/embed.mjs';
import { useEmbedHosts, appOrigin, browser, T, FAMILY_HELP, open, widget, hostState, hostNeverPays, assertRecord } from '../lib/embed-hosts.mjs';

useEmbedHosts();

// ---------------------------------------------------------------------------
// 4. Custom element

test('custom element: a journey in its Shadow DOM dispatches exactly one composed decision event, and the host page never changes', T, async () => {
  const opened = await open(`${appOrigin}/${HOST_DIR}/element.html`);
  const { page } = opened;
  try {
    const w = widget(opened, page.locator('#triage'), 'embed-element');
    await w.waitForStart(APP_TIMEOUT);
    await w.shot('start');
    const baseline = await hostState(page);
    await w.journey(FAMILY_HELP, { afterStep: hostNeverPays(page, 'triage', baseline) });
    await w.shot('outcome');
    assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage)), ['front-door-triage:draft:ftd1'], 'a namespaced draft key');
    await w.recordDecision({ agrees: true });
    await w.recordedBanner().waitFor();
    await w.shot('recorded');
    await page.waitForTimeout(500);

    const events = await page.evaluate(() => window.__events);
    assert.equal(events.length, 1, 'exactly one front-door-triage:decision event');
    const [event] = events;
    assert.deepEqual(
      { bubbles: event.bubbles, composed: event.composed, isCustomEvent: event.isCustomEvent, target: event.target },
      { bubbles: true, composed: true, isCustomEvent: true, target: 'triage' },
    );
    assertRecord(event.detail, caseOf(FAMILY_HELP), 'event.detail');
    assert.equal(event.detail.final.agrees, true);
    assert.deepEqual(await hostState(page), baseline, 'the host page is unchanged after the journey');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test('custom element: a child protection outcome shows the drafted request inside the Shadow DOM, as triage draft writes it', T, async () => {
  const opened = await open(`${appOrigin}/${HOST_DIR}/element.html`);
  const { page } = opened;
  try {
    const w = widget(opened, page.locator('#triage'), 'embed-element-draft');
    await w.waitForStart(APP_TIMEOUT);
    const macpt = {
      child: { years: 9, send: false, known: 'none' },
      concerns: ['abuse.physical_disclosure'],
      consent: 'not_asked',
    };
    await w.journey(macpt);
    assert.equal(await w.pathway(), 'macpt_referral');
    const draft = w.root.locator('.app-draft-text');
    await draft.waitFor();
    assert.ok((await w.text()).includes('Your request for support, drafted'), 'the heading shows in the widget');
    assert.equal((await draft.innerText()).trim(), draftRequest(caseOf(macpt)).trim(), 'the widget shows what triage draft prints');
    assert.equal(await page.locator('body > .app-request-draft, main > .app-request-draft').count(), 0, 'nothing leaks into the host page');
    const [download] = await Promise.all([page.waitForEvent('download'), w.button('Download draft (.txt)').click()]);
    assert.match(download.suggestedFilename(), /^request-for-support-.+\.txt$/);
    await w.shot('draft');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

const STYLE_PROPS = ['font-family', 'font-size', 'font-weight', 'line-height', 'color', 'text-transform', 'letter-spacing',
  'border-radius', 'padding', 'margin', 'box-sizing'];

/** Computed styles of the elements `selectors` picks inside the widget's shadow root. */
function shadowStyles(page, picks) {
  return page.evaluate(([picks, props]) => {
    const root = document.getElementById('triage').shadowRoot;
    const out = {};
    for (const [name, selector, text] of picks) {
      const el = [...root.querySelectorAll(selector)].find((e) => !text || e.textContent.includes(text));
      if (!el) {
        out[name] = null;
        continue;
      }
      const cs = getComputedStyle(el);
      out[name] = Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }
    return out;
  }, [picks, STYLE_PROPS]);
}

/** The host page's own DOM and styles, which mounting must not touch. */
function hostSnapshot(page) {
  return page.evaluate((props) => {
    const styleOf = (el) => Object.fromEntries(props.map((p) => [p, getComputedStyle(el).getPropertyValue(p)]));
    return {
      head: document.head.innerHTML,
      body: document.body.outerHTML, // light DOM only: shadow roots are not serialised
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      h1: styleOf(document.getElementById('host-h1')),
      p: styleOf(document.getElementById('host-p')),
      body_: styleOf(document.body),
      html: styleOf(document.documentElement),
    };
  }, STYLE_PROPS);
}

/**
 * Opens a custom element host with ?manual, snapshots the host page, initialises the
 * module (which registers the element and mounts it), and returns the host page before
 * and after plus the widget's styles on the start and concerns steps.
 */
async function styleProbe(file, name) {
  const opened = await open(`${appOrigin}/${HOST_DIR}/${file}?manual`);
  const { page } = opened;
  const w = widget(opened, page.locator('#triage'), name);
  const before = await hostSnapshot(page);
  await page.evaluate(() => window.fdtInit());
  await w.waitForStart(APP_TIMEOUT);
  await page.waitForFunction(() => {
    const link = document.getElementById('triage').shadowRoot.querySelector('link[rel=stylesheet]');
    return link && link.sheet;
  });
  const mounted = await hostSnapshot(page);
  const start = await shadowStyles(page, [['h1', 'h1'], ['start', 'button', 'Start now'], ['body', 'p.govuk-body']]);
  await w.shot('start');
  await w.startButton().click();
  await w.expectHeading(HEADINGS.safety);
  await w.answerSafety(false);
  await w.next(HEADINGS.child);
  await w.answerChild({ years: 8 });
  await w.next(HEADINGS.concerns);
  const concerns = await shadowStyles(page, [
    ['h1', 'h1'],
    ['checkbox', 'input[type=checkbox]'],
    ['label', 'label.govuk-checkboxes__label'],
    ['continue', 'button[type=submit]'],
  ]);
  await w.shot('concerns');
  const after = await hostSnapshot(page);
  return { opened, before, mounted, after, styles: { start, concerns } };
}

test("custom element: host CSS cannot reach into the Shadow DOM, and the widget's CSS cannot leak out", T, async () => {
  const plain = await styleProbe('element.html', 'embed-element-plain');
  const hostile = await styleProbe('element-hostile.html', 'embed-element-hostile');
  try {
    for (const probe of [plain, hostile]) {
      assert.deepEqual(probe.mounted, probe.before, 'mounting changed the host page (DOM, <head>, style sheets or computed styles)');
      assert.deepEqual(probe.after, probe.before, 'moving through the steps changed the host page');
    }
    // Sanity: the hostile page really is hostile to its own elements.
    assert.match(hostile.before.h1['text-transform'], /uppercase/);
    assert.match(hostile.before.h1['font-family'], /Comic Sans/);
    // Every difference at once, so a failure shows the whole leak.
    const diffs = [];
    for (const step of ['start', 'concerns']) {
      for (const [name, styles] of Object.entries(plain.styles[step])) {
        assert.ok(styles, `${step}: ${name} was found in the widget`);
        for (const [prop, value] of Object.entries(styles)) {
          const got = hostile.styles[step][name]?.[prop];
          if (got !== value) diffs.push(`${step} ${name} ${prop}: ${JSON.stringify(value)} on a plain host, ${JSON.stringify(got)} under hostile CSS`);
        }
      }
    }
    assert.deepEqual(diffs, [], `host CSS reached into the widget:\n${diffs.join('\n')}`);
    await assertClean(plain.opened, { where: 'plain host: ' });
    await assertClean(hostile.opened, { where: 'hostile host: ' });
  } finally {
    await plain.opened.context.close();
    await hostile.opened.context.close();
  }
});

test('custom element: attributes set or changed after it is on the page restart it with the new settings; moving it keeps it', T, async () => {
  const opened = await open(`${appOrigin}/${HOST_DIR}/element.html`);
  const { page } = opened;
  try {
    const w = widget(opened, page.locator('#triage'), 'embed-element-attributes');
    await w.waitForStart(APP_TIMEOUT);
    const defaultName = `${guidance().authority.name}'s support level guidance`;
    await w.root.getByText(defaultName).waitFor();
    const set = (name, value) => page.evaluate(([n, v]) => document.getElementById('triage').setAttribute(n, v), [name, value]);

    // Other guidance, as a framework would set it once its data arrives.
    await set('guidance-url', '/guidance/example-county.json');
    await w.root.getByText('Example County Council', { exact: false }).first().waitFor({ timeout: APP_TIMEOUT });
    await w.waitForStart();
    assert.equal(await w.root.getByText(defaultName).count(), 0, 'the built-in guidance is gone');
    await w.shot('other-guidance');

    // A bad value: the element says why, inside itself; a good one brings the widget back.
    await set('audience', 'teacher');
    await w.root.getByRole('alert').filter({ hasText: 'audience' }).waitFor({ timeout: APP_TIMEOUT });
    assert.equal(await w.startButton().count(), 0, 'no widget with a bad audience');
    await set('audience', 'school_dsl');
    await w.waitForStart(APP_TIMEOUT);
    await w.root.getByText('Example County Council', { exact: false }).first().waitFor();
    assert.equal(await w.root.getByRole('alert').count(), 0, 'the message went with the bad value');

    // The same value again is not a change: the journey in progress is kept.
    await w.click(w.startButton());
    await w.expectHeading(HEADINGS.safety);
    await w.answerSafety(false);
    await set('audience', 'school_dsl');
    await page.waitForTimeout(300);
    await w.expectHeading(HEADINGS.safety);

    // Moved elsewhere in the page, as a framework reordering its list would: the same
    // widget, with its answer, and no second draft.
    const drafts = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('front-door-triage:draft')));
    const before = await drafts();
    await page.evaluate(() => {
      const aside = document.createElement('aside');
      document.body.append(aside);
      aside.append(document.getElementById('triage'));
    });
    await page.waitForTimeout(300);
    await w.expectHeading(HEADINGS.safety);
    assert.equal(await w.radio(HEADINGS.safety, 'No').isChecked(), true, 'the answer survived the move');
    assert.deepEqual(await drafts(), before, 'still the one draft');
    await w.shot('moved');

    // Taken out for good: the widget is closed.
    await page.evaluate(() => {
      window.__removed = document.getElementById('triage');
      window.__removed.remove();
    });
    await page.waitForTimeout(300);
    assert.deepEqual(
      await page.evaluate(() => ({ shadow: Boolean(window.__removed.shadowRoot), widget: Boolean(window.__removed.shadowRoot?.querySelector('.app-host')) })),
      { shadow: true, widget: false },
      'the removed element no longer holds a widget',
    );
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test('custom element: before its wasm arrives it shows a styled loading state with the numbers to call', T, async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await context.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${appOrigin}/${HOST_DIR}/element.html`);
    const loading = page.locator('#triage p[role="status"]');
    await loading.waitFor({ timeout: APP_TIMEOUT });
    assert.equal((await loading.textContent()).trim(), 'Loading the triage tool…');
    const text = await page.locator('#triage').evaluate((el) => el.shadowRoot.textContent);
    assert.match(text, /call the police on 999 now/);
    assert.match(text, /phone the Demo Borough Integrated Front Door on 01632 960 000/);
    // Styled by the app's own stylesheet inside the shadow root, not the host's.
    await page.waitForFunction(() => {
      const p = document.getElementById('triage').shadowRoot.querySelector('p.govuk-body');
      return p && getComputedStyle(p).fontSize === '19px';
    }, null, { timeout: APP_TIMEOUT });
    release();
    await page.locator('#triage h1', { hasText: HEADINGS.start }).waitFor({ timeout: APP_TIMEOUT });
    assert.equal(await page.locator('#triage p[role="status"]', { hasText: 'Loading' }).count(), 0, 'the loading state is gone');
  } finally {
    await context.close();
  }
});
