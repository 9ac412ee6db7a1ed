// Unit tests of the field app's validation (static/field/js/validate.js), table-driven; run by FieldScriptsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkValue, fill, validateHousehold } from '../../main/resources/static/field/js/validate.js';

const texts = new Proxy({}, { get: (target, key) => `${String(key)}|{label}|{value}|{min}|{count}` });
const q = (column, kind, extra = {}) => ({ column, label: column, required: false, kind, min: null, choices: [], ...extra });
const water = q('water_source', 'code', { required: true, choices: [{ code: 'piped' }, { code: 'drilled_well' }] });
const causes = q('causes', 'list', { choices: [{ code: 'illness' }, { code: 'no_job' }] });

test('each kind of value: accepted or the problem named', () => {
  const cases = [
    [water, 'piped', null],
    [water, '', 'problem.required'],
    [water, 'river', 'problem.code'],
    [causes, 'illness;no_job', null],
    [causes, 'illness;;', null],
    [causes, 'illness;luck', 'problem.code'],
    [q('internet_use', 'yesno'), 'yes', null],
    [q('internet_use', 'yesno'), 'có', 'problem.yesno'],
    [q('reference_date', 'date'), '2026-02-28', null],
    [q('reference_date', 'date'), '2026-02-30', 'problem.date'],
    [q('reference_date', 'date'), '28/02/2026', 'problem.date'],
    [q('birth_date', 'birthdate'), '1980', null],
    [q('birth_date', 'birthdate'), '1980-13-01', 'problem.date'],
    [q('birth_date', 'birthdate'), '2030-01-01', 'problem.future'],
    [q('floor_area_m2', 'number', { min: 0 }), '32.5', null],
    [q('floor_area_m2', 'number', { min: 0 }), '32,5', 'problem.number'],
    [q('floor_area_m2', 'number', { min: 0 }), '-1', 'problem.number'],
    [q('member_no', 'number', { min: 1 }), '0', 'problem.min'],
    [q('member_no', 'number', { min: 1 }), '1.5', 'problem.integer'],
    [q('id_number', 'idnumber'), '001234567890', null],
    [q('id_number', 'idnumber'), '12345', 'problem.idnumber'],
    [q('full_name', 'text', { required: true }), '  ', 'problem.required'],
  ];
  for (const [question, value, expected] of cases) {
    const problems = checkValue(question, value, texts, { today: '2026-12-06' });
    if (expected === null) assert.deepEqual(problems, [], `${question.column}=${value}`);
    else assert.ok(problems.length === 1 && problems[0].startsWith(expected), `${question.column}=${value}: ${problems}`);
  }
});

test('a masked identity number left as it came is kept', () => {
  assert.deepEqual(checkValue(q('id_number', 'idnumber'), '0012******90', texts, { original: '0012******90' }), []);
  assert.equal(checkValue(q('id_number', 'idnumber'), '0012******91', texts, { original: '0012******90' }).length, 1);
});

const questions = {
  household: [water, q('income_per_capita', 'number', { min: 0 }), q('b1_score', 'number', { min: 0 })],
  members: [q('member_no', 'number', { min: 1, required: true }), q('relation', 'code', { required: true,
    choices: [{ code: 'head' }, { code: 'child' }] })],
};

test('household rules: one income basis, members, exactly one head, member numbers once', () => {
  const fields = json => validateHousehold(json, questions, texts, { today: '2026-12-06' }).map(p => p.field + (p.member ?? ''));
  const ok = { household: { water_source: 'piped', income_per_capita: '1500000' },
    members: [{ member_no: '1', relation: 'head' }, { member_no: '2', relation: 'child' }] };
  assert.deepEqual(fields(ok), []);
  assert.deepEqual(fields({ ...ok, household: { water_source: 'piped', b1_score: '40' } }), []);
  assert.deepEqual(fields({ ...ok, household: { water_source: 'piped' } }), ['income_per_capita']);
  assert.deepEqual(fields({ ...ok, members: [] }), ['members']);
  assert.deepEqual(fields({ ...ok, members: [{ member_no: '1', relation: 'child' }] }), ['relation']);
  assert.deepEqual(fields({ ...ok, members: [{ member_no: '1', relation: 'head' }, { member_no: '1', relation: 'head' }] }),
    ['member_no1', 'relation']);
  assert.deepEqual(fields({ ...ok, members: [{ member_no: '', relation: 'head' }] }), ['member_no0']);
});

test('messages are filled by name and unknown names stay', () => {
  assert.equal(fill('{label}: {min} {other}', { label: 'Diện tích', min: 0 }), 'Diện tích: 0 {other}');
});
