// The demonstration portal: all three ways of embedding on one page, under the strict CSP,
// with no axe violations inside the widgets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveScreenshot, formatViolations } from '../lib/browser.mjs';
import { assertClean, runAxeOn, APP_TIMEOUT } from '../lib/embed.mjs';
import { useEmbedHosts, appOrigin, T, open, widget } from '../lib/embed-hosts.mjs';

useEmbedHosts();

// ---------------------------------------------------------------------------
// 7. Demo portal

test('demo portal: all three ways render under the strict CSP, with no axe violations inside the widgets', T, async () => {
  const opened = await open(`${appOrigin}/portal-demo.html`);
  const { page } = opened;
  try {
    const api = widget(opened, page.locator('#triage-api'), 'embed-portal-api');
    const element = widget(opened, page.locator('#triage-element'), 'embed-portal-element');
    const iframe = widget(opened, page.frameLocator('#triage-frame').locator('body'), 'embed-portal-iframe');
    await api.waitForStart(APP_TIMEOUT);
    await element.waitForStart(APP_TIMEOUT);
    await iframe.waitForStart(APP_TIMEOUT);
    await page.waitForTimeout(300); // let the iframe's first resize land
    await saveScreenshot(page, 'embed-portal-demo');

    // axe is scoped to the widgets: the portal is deliberately hostile (Comic Sans,
    // magenta on yellow, uppercase) and its own colour contrast is not ours to judge.
    const shadow = await runAxeOn(page, [['#triage-api'], ['#triage-element']]);
    assert.deepEqual(shadow.violations, [], `axe in the JS API and element widgets:\n${formatViolations(shadow.violations)}`);
    assert.ok(shadow.inspected > 20, `axe looked inside the shadow roots (${shadow.inspected} nodes)`);
    const frame = page.frames().find((f) => f.url().includes('/embed.html'));
    assert.ok(frame, 'the iframe loaded');
    const framed = await runAxeOn(frame);
    assert.deepEqual(framed.violations, [], `axe in the iframe:\n${formatViolations(framed.violations)}`);
    assert.ok(framed.inspected > 20, `axe looked inside the iframe (${framed.inspected} nodes)`);
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});
