// Unit tests of the village meeting's rule (static/field/js/meeting.js); run by FieldScriptsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkMeeting, passes } from '../../main/resources/static/field/js/meeting.js';

test('at least half of those present agree: agreed', () => {
  const cases = [
    // agreed, present, threshold, passes
    [10, 20, 0.5, true], [9, 20, 0.5, false], [5, 9, 0.5, true], [4, 9, 0.5, false], [0, 1, 0.5, false],
    [1, 1, 0.5, true], [14, 20, 0.7, true], [13, 20, 0.7, false], [21, 20, 0.5, false], [3, 0, 0.5, false],
    [-1, 10, 0.5, false], [3, 5, 0.6, true], [2, 5, 0.6, false],
  ];
  for (const [agreed, present, threshold, expected] of cases) {
    assert.equal(passes(agreed, present, threshold), expected, `${agreed}/${present} at ${threshold}`);
  }
});

const texts = new Proxy({}, { get: (target, key) => String(key) });

test('the counts must be possible', () => {
  const fields = m => checkMeeting(m, texts).map(p => p.field);
  const ok = { date: '2026-11-20', invited: '40', present: '30', chair: 'Lò Văn Páo', households: [{ householdCode: 'H1', agreed: '20' }] };
  assert.deepEqual(fields(ok), []);
  assert.deepEqual(fields({ ...ok, date: '' }), ['date']);
  assert.deepEqual(fields({ ...ok, chair: '  ' }), ['chair']);
  assert.deepEqual(fields({ ...ok, invited: '0' }), ['invited', 'present']);
  assert.deepEqual(fields({ ...ok, invited: '' }), ['invited']);
  assert.deepEqual(fields({ ...ok, present: '41' }), ['present']);
  assert.deepEqual(fields({ ...ok, households: [{ householdCode: 'H1', agreed: '31' }] }), ['agreed:H1']);
  assert.deepEqual(fields({ ...ok, households: [{ householdCode: 'H1', agreed: 'x' }] }), ['agreed:H1']);
  assert.deepEqual(fields({ ...ok, households: [] }), ['households']);
});
