// Siblings in the embedded widget (issue 16, item 1; contracts 4.5): the host's onDecision
// fires once per child, each record with the same random family id, the second listing
// the first by order with their routes; the family concern is carried into the second
// child's case, the first child's own concern is not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HEADINGS } from '../lib/journey.mjs';
import { APP_TIMEOUT, assertClean } from '../lib/embed.mjs';
import { useEmbedHosts, T, openApiHost, widget, assertRecord } from '../lib/embed-hosts.mjs';

useEmbedHosts();

const FAMILY_CONCERN = 'parent_needs.substance_use_affecting_care';
const CHILD_1 = {
  child: { years: 8, send: false, known: 'none' },
  concerns: [FAMILY_CONCERN, 'domestic_abuse.child_witnessed'],
  consent: 'given',
};
const CHILD_2 = {
  child: { years: 4, send: false, known: 'none' },
  concerns: ['health.unmet_health_needs'],
  consent: 'given',
};

test('JS API: two children of one family, one onDecision each, the records sharing the family id', T, async () => {
  const opened = await openApiHost();
  const { page } = opened;
  try {
    await page.evaluate(() => window.fdtMount('w1', { audience: 'school_dsl' }));
    const w = widget(opened, page.locator('#w1'), 'embed-siblings');
    await w.waitForStart(APP_TIMEOUT);
    await w.journey(CHILD_1);
    await w.recordDecision({ agrees: true });
    await w.recordedBanner().waitFor();

    await w.click(w.button('Another child in this family'));
    await w.expectHeading(HEADINGS.safety);
    assert.match(await w.root.locator('.app-sibling').innerText(), /Child 2 in this family\.[\s\S]*Carried over from child 1:/);
    await w.answerSafety(false);
    await w.journey(CHILD_2, {
      started: true,
      afterStep: async (step) => {
        if (step !== 'concerns') return;
        assert.ok(await w.concernBox(FAMILY_CONCERN).isChecked(), 'the family concern is carried');
        assert.ok(!(await w.concernBox('domestic_abuse.child_witnessed').isChecked()), "child 1's own concern is not");
      },
    });
    await w.recordDecision({ agrees: true });
    await w.recordedBanner().waitFor();
    await w.shot('child-2-recorded');
    await page.waitForTimeout(500); // anything sent twice would have arrived by now

    const records = (await page.evaluate(() => window.__records)).map((r) => r.record);
    assert.equal(records.length, 2, 'one onDecision per child');
    const [first, second] = records;
    assertRecord(first, first.case, 'child 1');
    assertRecord(second, second.case, 'child 2');
    assert.match(first.family.id, /^family-[0-9a-f]{32}$/);
    assert.equal(second.family.id, first.family.id, 'the same family id');
    assert.deepEqual(first.family.others, []);
    assert.deepEqual(second.family, {
      id: first.family.id,
      child: 2,
      of: 2,
      others: [{ child: 1, recommended: first.recommendation.pathway, final: first.final.pathway }],
    });
    assert.deepEqual([...second.case.concerns].sort(), [FAMILY_CONCERN, 'health.unmet_health_needs'].sort());
    assert.equal(second.case.child.age_years, 4);
    await assertClean(opened);
  } finally {
    await opened.context.close();
  }
});
