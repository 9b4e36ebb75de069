// Embedding (contracts 4.5) with the JS API, `mount(element, options)`, in real Chromium under
// the strict CSP, from a host page of its own (tests/e2e/fixtures/embed/): journeys, two
// widgets on a page, unmount, bad and hostile options, guidance from the host. Expected
// decisions come from the native CLI (`triage decide`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { saveScreenshot } from '../lib/browser.mjs';
import { DIST_DIR, HEADINGS, decide, guidance } from '../lib/journey.mjs';
import { caseOf, assertClean, APP_TIMEOUT } from '../lib/embed.mjs';
import { useEmbedHosts, T, PREFILL, FAMILY_HELP, SIGNPOST, openApiHost, widget, hostState, hostNeverPays, assertRecord, sha256, watchForStart, XSS_IMG, XSS_SCRIPT, injected } from '../lib/embed-hosts.mjs';

useEmbedHosts();

// ---------------------------------------------------------------------------
// 1. JS API

test('JS API: an initialCase opens on check your answers, and the host receives exactly one decision record', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  try {
    await page.evaluate((c) => window.fdtMount('w1', { audience: 'school_dsl', initialCase: c }), PREFILL);
    const w = widget(opened, page.locator('#w1'), 'embed-api-initial');
    await w.expectHeading(HEADINGS.check, APP_TIMEOUT);
    await w.shot('check');
    assert.equal(await w.startButton().count(), 0, 'no start page: the prefilled case opens on check your answers');
    await w.getRecommendation();
    assert.equal(await w.pathway(), decide(PREFILL).pathway, 'data-pathway');
    await w.recordDecision({ agrees: true });
    await w.recordedBanner().waitFor();
    await w.shot('recorded');
    await page.waitForTimeout(500); // anything sent twice would have arrived by now

    const records = await page.evaluate(() => window.__records);
    assert.equal(records.length, 1, `exactly one record: ${JSON.stringify(records.map((r) => r.widget))}`);
    const { record } = records[0];
    assertRecord(record, PREFILL, 'the record');
    assert.deepEqual(record.case, PREFILL, 'the record carries the confirmed prefilled case');
    assert.equal(record.final.agrees, true, 'final.agrees');
    assert.equal(record.final.pathway, record.recommendation.pathway, 'final.pathway');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test('JS API: mode "expert" with the front door preset opens every question on one page', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  try {
    await page.evaluate(() => window.fdtMount('w1', { audience: 'front_door', mode: 'expert' }));
    const w = widget(opened, page.locator('#w1'), 'embed-api-expert');
    await w.startButton().click({ timeout: APP_TIMEOUT });
    await w.expectHeading('Triage: all questions', APP_TIMEOUT);
    // Without the option, the same preset is guided: a question at a time.
    await page.evaluate(() => window.fdtMount('w2', { audience: 'front_door' }));
    const guided = widget(opened, page.locator('#w2'), 'embed-api-guided');
    await guided.startButton().click({ timeout: APP_TIMEOUT });
    await guided.expectHeading(HEADINGS.safety, APP_TIMEOUT);
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

test('JS API: two widgets on one page keep their own answers, ids, drafts and decisions, and the host page never changes', T, async () => {
  const opened = await openApiHost();
  const { page, context } = opened;
  try {
    const baseline = await hostState(page);
    await page.evaluate(() => {
      window.fdtMount('w1', { audience: 'school_dsl' });
      window.fdtMount('w2', { audience: 'school_dsl' });
    });
    const w1 = widget(opened, page.locator('#w1'), 'embed-api-two');
    const w2 = widget(opened, page.locator('#w2'), 'embed-api-two-w2');
    await w1.waitForStart(APP_TIMEOUT);
    await w2.waitForStart();
    await w1.shot('start');
    assert.deepEqual(await hostState(page), baseline, 'mounting changed the host page');

    await w1.startButton().click();
    await w1.expectHeading(HEADINGS.safety);
    await hostNeverPays(page, 'w1', baseline)('safety');
    await w2.startButton().click();
    await w2.expectHeading(HEADINGS.safety);
    await hostNeverPays(page, 'w2', baseline)('safety');

    // A radio in one widget does not touch the other.
    const yes = (w) => w.radio(HEADINGS.safety, 'Yes');
    const no = (w) => w.radio(HEADINGS.safety, 'No');
    await no(w1).check();
    assert.deepEqual([await yes(w2).isChecked(), await no(w2).isChecked()], [false, false], 'widget 2 untouched by widget 1');
    // A label click in widget 2 checks widget 2's own input (its `for` finds its own id).
    await w2.root.locator('label', { hasText: /^\s*Yes\s*$/ }).click();
    assert.equal(await yes(w2).isChecked(), true, "clicking widget 2's label checks widget 2's input");
    assert.deepEqual([await yes(w1).isChecked(), await no(w1).isChecked()], [false, true], 'widget 1 keeps its answer');
    await w2.root.locator('label', { hasText: /^\s*No\s*$/ }).click();
    assert.equal(await no(w2).isChecked(), true);
    await w1.shot('safety-both');

    // Ids are unique across the page, and every label points into its own widget.
    const ids = await page.evaluate(() =>
      ['w1', 'w2'].map((id) => {
        const root = document.getElementById(id).shadowRoot;
        return {
          ids: [...root.querySelectorAll('[id]')].map((e) => e.id),
          orphanLabels: [...root.querySelectorAll('label[for]')].filter((l) => !root.getElementById(l.htmlFor)).map((l) => l.htmlFor),
        };
      }),
    );
    assert.ok(ids[0].ids.length > 0 && ids[1].ids.length > 0, 'the widgets have ids');
    const shared = ids[0].ids.filter((id) => ids[1].ids.includes(id));
    assert.deepEqual(shared, [], 'no id is used by both widgets');
    assert.deepEqual([ids[0].orphanLabels, ids[1].orphanLabels], [[], []], 'every label[for] finds its input in its own widget');
    for (const list of ids) assert.equal(new Set(list.ids).size, list.ids.length, `duplicate ids within a widget: ${list.ids}`);

    // Each widget finishes its own journey with different answers.
    await w1.journey(FAMILY_HELP, { started: true, afterStep: hostNeverPays(page, 'w1', baseline) });
    await w1.shot('outcome');
    await w2.journey(SIGNPOST, { started: true, afterStep: hostNeverPays(page, 'w2', baseline) });
    assert.equal(await w1.pathway(), 'family_help');
    assert.equal(await w2.pathway(), 'signpost');

    // Drafts: namespaced, one key per widget, sessionStorage only.
    const storage = await page.evaluate(() => ({ session: Object.keys(sessionStorage).sort(), local: localStorage.length }));
    assert.deepEqual(storage.session, ['front-door-triage:draft:ftd1', 'front-door-triage:draft:ftd2'], 'one namespaced draft per widget');
    assert.equal(storage.local, 0, 'nothing in localStorage');
    assert.deepEqual(await context.cookies(), [], 'no cookies');

    await w1.recordDecision({ agrees: true });
    await w1.recordedBanner().waitFor();
    const reason = 'The school nurse is also worried; family help fits better.';
    await w2.recordDecision({ agrees: false, pathway: 'family_help', reason });
    await w2.recordedBanner().waitFor();
    await w1.shot('recorded');
    await page.waitForTimeout(500);

    const records = await page.evaluate(() => window.__records);
    assert.deepEqual(records.map((r) => r.widget).sort(), ['w1', 'w2'], 'one record from each widget');
    const r1 = records.find((r) => r.widget === 'w1').record;
    const r2 = records.find((r) => r.widget === 'w2').record;
    assertRecord(r1, caseOf(FAMILY_HELP), 'widget 1');
    assertRecord(r2, caseOf(SIGNPOST), 'widget 2');
    assert.deepEqual(r1.final, { pathway: 'family_help', agrees: true, reason: r1.final.reason }, 'widget 1 agreed');
    assert.equal(r2.final.agrees, false, 'widget 2 disagreed');
    assert.equal(r2.final.pathway, 'family_help', 'widget 2 decided family help');
    assert.equal(r2.final.reason, reason, "widget 2's reason");

    assert.deepEqual(await hostState(page), baseline, 'after both journeys the host page is unchanged');
    await assertClean(opened);
  } finally {
    await context.close();
  }
});

test('JS API: unmount() removes the widget, nothing it left behind reacts, and the element can be mounted again', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  try {
    await page.evaluate((c) => window.fdtMount('w1', { audience: 'school_dsl', initialCase: c }), PREFILL);
    const w = widget(opened, page.locator('#w1'), 'embed-api-unmount');
    await w.expectHeading(HEADINGS.check, APP_TIMEOUT);
    // Keep hold of live nodes, to poke them once the widget is gone.
    await page.evaluate(() => {
      const root = document.getElementById('w1').shadowRoot;
      window.__stale = {
        submit: [...root.querySelectorAll('button')].find((b) => b.textContent.includes('Get recommendation')),
        form: root.querySelector('form'),
        change: [...root.querySelectorAll('button')].find((b) => b.textContent.includes('Change')),
      };
    });
    await page.evaluate(() => window.__handles.w1.unmount());
    const after = await page.evaluate(() => {
      const root = document.getElementById('w1').shadowRoot;
      return { children: root.childNodes.length, text: root.textContent, html: root.innerHTML };
    });
    assert.equal(after.children, 0, `the shadow root still holds: ${after.html.slice(0, 200)}`);

    await page.evaluate(() => {
      const { submit, form, change } = window.__stale;
      submit.click();
      change.click();
      form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
      form.requestSubmit?.();
    });
    await page.waitForTimeout(500);
    const still = await page.evaluate(() => ({
      children: document.getElementById('w1').shadowRoot.childNodes.length,
      records: window.__records.length,
    }));
    assert.deepEqual(still, { children: 0, records: 0 }, 'the unmounted widget did nothing');
    await assertClean(opened, { where: 'after poking the unmounted widget: ' });

    // A host may mount again in the same element (embed.js does, for each initial case).
    await page.evaluate(() => window.fdtMount('w1', { audience: 'school_dsl' }));
    await w.waitForStart(APP_TIMEOUT);
    await w.shot('remounted');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

// ---------------------------------------------------------------------------
// 2. Bad options

test('JS API: bad options throw an Error naming the option, and a bad initialCase shows a located error in the widget', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  try {
    await page.evaluate((c) => { window.__prefill = c; }, PREFILL);
    const results = await page.evaluate(() => {
      const attempt = (options) => {
        const element = document.createElement('div');
        document.querySelector('main').append(element);
        try {
          window.fdt.mount(element, options).unmount();
          return { threw: false };
        } catch (error) {
          return {
            threw: true,
            isError: error instanceof Error,
            message: String(error && error.message),
            untouched: element.shadowRoot === null,
          };
        } finally {
          element.remove();
        }
      };
      return {
        colour: attempt({ colour: 'red' }),
        caseField: attempt({ initialCase: { ...window.__prefill, child: { ...window.__prefill.child, colour: 'red' } } }),
        audience: attempt({ audience: 'teacher' }),
        mode: attempt({ audience: 'front_door', mode: 'fast' }),
        age: attempt({ initialCase: { child: { age_years: 'seven' } } }),
        onDecision: attempt({ onDecision: 5 }),
        sha: attempt({ guidanceSha256: 'xyz' }),
        both: attempt({ guidance: { id: 'x' }, guidanceUrl: '/guidance/default.json' }),
        // Values JSON cannot carry (options are read as JSON; README, "Embedding").
        notANumber: attempt({ initialCase: { child: { age_years: NaN } } }),
        infinite: attempt({ initialCase: { child: { age_years: -Infinity } } }),
        date: attempt({ audience: new Date(0) }),
        bigint: attempt({ initialCase: { child: { age_years: 7n } } }),
        otherFunction: attempt({ onDecison: () => {} }),
      };
    });
    const expect = {
      colour: [/colour/],
      // contracts 4.1: unknown fields in a Case are errors, never ignored.
      caseField: [/initialCase/, /colour/],
      audience: [/audience/],
      mode: [/mode/, /guided/, /expert/],
      age: [/initialCase/, /age_years/],
      onDecision: [/onDecision/],
      sha: [/guidanceSha256/],
      both: [/guidanceUrl/, /guidance\b/],
      notANumber: [/initialCase\.child\.age_years/, /"NaN"/],
      infinite: [/initialCase\.child\.age_years/, /"-Infinity"/],
      date: [/audience/, /1970/],
      bigint: [/plain data/],
      otherFunction: [/onDecison/, /function/],
    };
    // An unknown concern code is data the guidance decides on: a located error in the widget.
    const badCase = { ...PREFILL, concerns: ['not_a_real.concern_code'] };
    await page.evaluate((c) => window.fdtMount('w2', { audience: 'school_dsl', initialCase: c }), badCase);
    await watchForStart(page, ['w2']);
    const w2 = widget(opened, page.locator('#w2'), 'embed-api-bad-case');
    await w2.root.getByText('$.initialCase.concerns[0]', { exact: false }).waitFor({ timeout: APP_TIMEOUT });
    // The portal's case is at fault, not the guidance: the heading says so.
    await w2.root.getByRole('heading', { name: 'The details passed in cannot be used' }).waitFor();
    await w2.shot('located-error');
    const text = await w2.text();
    assert.match(text, /not_a_real\.concern_code|unknown/i, `the error says what is wrong: ${text}`);
    assert.equal(await w2.root.getByRole('alert').count(), 1, 'announced as an alert');
    assert.equal(await page.evaluate(() => window.__startSeen.w2), false, 'never a start page');
    await assertClean(opened);

    // Every problem at once, so one run shows them all.
    const problems = [];
    for (const [key, patterns] of Object.entries(expect)) {
      const r = results[key];
      if (!r.threw) {
        problems.push(`${key}: mount() accepted it and did not throw`);
        continue;
      }
      if (!r.untouched) problems.push(`${key}: the refused mount still attached a shadow root`);
      if (!r.isError) problems.push(`${key}: threw something that is not an Error: ${r.message}`);
      for (const re of patterns) if (!re.test(r.message)) problems.push(`${key}: the message ${JSON.stringify(r.message)} does not match ${re}`);
    }
    if (results.age.threw && !/initialCase\.child\.age_years/.test(results.age.message)) {
      problems.push(`age: the message does not give the full path initialCase.child.age_years: ${results.age.message}`);
    }
    assert.deepEqual(problems, [], `bad options:\n${problems.join('\n')}`);
  } finally {
    await opened.context.close();
  }
});


test('hostile options: markup in inline guidance, prefilled codes, option values and attributes stays inert text', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  try {
    // Inline guidance whose words carry markup: shown as written on check your answers.
    const hostile = structuredClone(guidance());
    hostile.title = `Portal ${XSS_SCRIPT} guidance`;
    const witnessed = hostile.concerns.find((c) => c.code === PREFILL.concerns[0]);
    witnessed.text = `Heard shouting ${XSS_IMG}`;
    await page.evaluate(([g, c]) => window.fdtMount('h1', { audience: 'school_dsl', guidance: g, initialCase: c }), [hostile, PREFILL]);
    const w1 = widget(opened, page.locator('#h1'), 'embed-hostile-guidance');
    await w1.expectHeading(HEADINGS.check, APP_TIMEOUT);
    await w1.root.getByText(`Heard shouting ${XSS_IMG}`).first().waitFor();

    // A prefilled concern code that is markup: the located error quotes it as text.
    await page.evaluate((c) => window.fdtMount('h2', { initialCase: c }), { ...PREFILL, concerns: [XSS_IMG] });
    const w2 = widget(opened, page.locator('#h2'), 'embed-hostile-code');
    await w2.root.getByRole('alert').filter({ hasText: '$.initialCase.concerns[0]' }).waitFor({ timeout: APP_TIMEOUT });
    assert.ok((await w2.text()).includes(XSS_IMG), `the code is quoted as typed: ${await w2.text()}`);

    // Option values that are markup or a script address: refused, the thrown message
    // quotes them, nothing is attached, and nothing is fetched (so the CSP never has to
    // block a javascript: fetch).
    const JS_URL = 'javascript:window.__pwned=1';
    // "school_dsl" with two Cyrillic o's: it must not pass for the real code.
    const LOOK_ALIKE = 'sch\u043e\u043el_dsl';
    const refusals = await page.evaluate((attempts) => attempts.map((options) => {
      const element = document.createElement('div');
      try {
        window.fdt.mount(element, options);
        return null;
      } catch (error) {
        return { message: error.message, shadow: element.shadowRoot !== null };
      }
    }), [{ audience: XSS_IMG }, { guidanceUrl: JS_URL }, { guidanceUrl: 'data:application/json,{}' }, { audience: LOOK_ALIKE }]);
    const refused = [['audience', XSS_IMG], ['guidanceUrl', JS_URL], ['guidanceUrl', 'data:'], ['audience', LOOK_ALIKE]];
    for (const [i, [option, value]] of refused.entries()) {
      const r = refusals[i];
      assert.ok(r, `${option} ${value} is refused`);
      assert.ok(r.message.includes(option) && r.message.includes(value), `the message names ${option} and quotes the value: ${r.message}`);
      assert.equal(r.shadow, false, `nothing attached for ${option} ${value}`);
    }

    // The same as attributes of the custom element: the error shows as text inside it.
    for (const [id, attribute, value] of [['h3', 'audience', XSS_IMG], ['h4', 'guidance-url', JS_URL]]) {
      await page.evaluate(([id, attribute, value]) => {
        const element = document.createElement('front-door-triage');
        element.id = id;
        element.setAttribute(attribute, value);
        document.querySelector('main').append(element);
      }, [id, attribute, value]);
      const w = widget(opened, page.locator(`#${id}`), `embed-hostile-${attribute}`);
      await w.root.getByRole('alert').waitFor({ timeout: APP_TIMEOUT });
      assert.ok((await w.text()).includes(value), `the ${attribute} attribute is quoted as typed: ${await w.text()}`);
    }

    await page.waitForTimeout(500);
    await saveScreenshot(page, 'embed-hostile-options');
    assert.deepEqual(await injected(page), { elements: [], pwned: null }, 'no markup became elements and nothing ran');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});

// ---------------------------------------------------------------------------
// 3. Guidance from the host

test('JS API: guidance from the host page: guidanceUrl, a SHA-256 pin, a wrong pin and a missing file', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  const file = path.join(DIST_DIR, 'guidance', 'example-county.json');
  const pin = sha256(file);
  const authority = JSON.parse(readFileSync(file, 'utf8')).authority.name;
  assert.match(authority, /Example County/);
  const url = '/guidance/example-county.json';
  try {
    await page.evaluate(([url, pin]) => {
      window.fdtMount('w1', { audience: 'school_dsl', guidanceUrl: url });
      window.fdtMount('w2', { audience: 'school_dsl', guidanceUrl: url, guidanceSha256: pin });
      window.fdtMount('w3', { audience: 'school_dsl', guidanceUrl: url, guidanceSha256: '0'.repeat(64) });
      window.fdtMount('w4', { audience: 'school_dsl', guidanceUrl: '/guidance/no-such-authority.json' });
    }, [url, pin]);
    await watchForStart(page, ['w3', 'w4']);

    for (const id of ['w1', 'w2']) {
      const w = widget(opened, page.locator(`#${id}`), `embed-api-guidance-${id}`);
      await w.waitForStart(APP_TIMEOUT);
      await w.root.getByText(`${authority}'s support level guidance`).waitFor();
    }
    const wrong = widget(opened, page.locator('#w3'), 'embed-api-guidance-wrong-pin');
    await wrong.root.getByRole('heading', { name: 'This guidance file cannot be used' }).waitFor({ timeout: APP_TIMEOUT });
    const wrongText = await wrong.text();
    assert.match(wrongText, /SHA-256/, `the wrong pin is explained: ${wrongText}`);
    assert.ok(wrongText.includes(pin), 'it names the SHA-256 the file really has');

    const missing = widget(opened, page.locator('#w4'), 'embed-api-guidance-missing');
    await missing.root.getByRole('heading', { name: 'This guidance file cannot be used' }).waitFor({ timeout: APP_TIMEOUT });
    const missingText = await missing.text();
    assert.match(missingText, /no-such-authority\.json/, `which file: ${missingText}`);
    assert.match(missingText, /404|could not be fetched/, `what went wrong: ${missingText}`);
    assert.match(missingText, /999/, 'still says what to do if a child is in danger');
    await saveScreenshot(page, 'embed-api-guidance');

    const seen = await page.evaluate(() => window.__startSeen);
    assert.deepEqual(seen, { w3: false, w4: false }, 'a refused or missing file never shows a start page');
    // The only failures allowed: the deliberately missing file's 404.
    await assertClean(opened, {
      allowConsole: [/Failed to load resource: the server responded with a status of 404.*no-such-authority\.json/],
      allowRequests: [/\/guidance\/no-such-authority\.json$/],
    });
    assert.ok(opened.errors.requestFailed.some((r) => r.url.endsWith('/no-such-authority.json')), 'the missing file was asked for');
  } finally {
    await opened.context.close();
  }
});


test('JS API: a child protection outcome inside the widget names the out-of-hours route', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  const injury = { ...PREFILL, child: { ...PREFILL.child, age_years: 4 }, concerns: ['abuse.unexplained_injury'] };
  try {
    await page.evaluate((c) => window.fdtMount('w1', { audience: 'school_dsl', initialCase: c }), injury);
    const w = widget(opened, page.locator('#w1'), 'embed-api-out-of-hours');
    await w.expectHeading(HEADINGS.check, APP_TIMEOUT);
    await w.getRecommendation();
    assert.equal(await w.pathway(), 'macpt_referral');
    const item = page.locator('#w1').locator('[data-action="phone_out_of_hours"]');
    const text = await item.innerText();
    const ooh = guidance().contacts.out_of_hours;
    assert.ok(text.includes(ooh.phone) && text.includes(ooh.name), `the out-of-hours team and number: ${text}`);
    // The list's numbers sit inside the widget's box.
    const inside = await page.locator('#w1').locator('ol.app-actions').first().evaluate((ol) => {
      const pad = parseFloat(getComputedStyle(ol).paddingLeft);
      const host = ol.getRootNode().host.getBoundingClientRect();
      // Outside markers sit in the list's own left padding, so the box starting inside the
      // widget with room for them keeps the numbers in.
      // Two-digit numbers ("10.") need 25px.
      return pad >= 25 && ol.getBoundingClientRect().left >= host.left - 1;
    });
    assert.ok(inside, 'numbered actions keep their numbers inside the widget');
    await w.shot('outcome');
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});
