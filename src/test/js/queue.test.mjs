// Unit tests of the change queue's sync (static/field/js/queue.js) against a fake server; run by FieldScriptsTest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newChange, nextBatch, sync, SyncError } from '../../main/resources/static/field/js/queue.js';

function memoryStore(changes) {
  let seq = 0;
  const rows = changes.map(c => ({ ...c, seq: ++seq }));
  return {
    rows,
    waiting: async () => rows.filter(r => r.state === 'waiting').map(r => ({ ...r })),
    update: async (s, patch) => Object.assign(rows.find(r => r.seq === s), patch),
  };
}

/** A server that keeps versions, answers a stale base with a conflict, and a changeId seen before as duplicate. */
function fakeServer({ versions, reject = () => null }) {
  const seen = new Map();
  const requests = [];
  let nextId = 900;
  const send = async body => {
    requests.push(body.changes.map(c => c.changeId));
    return { results: body.changes.map(c => {
      if (seen.has(c.changeId)) return { ...seen.get(c.changeId), outcome: 'duplicate' };
      const problems = reject(c);
      let result;
      if (problems) result = { changeId: c.changeId, outcome: 'rejected', problems };
      else if (c.kind === 'household.create') {
        const id = nextId++;
        versions.set(id, 1);
        result = { changeId: c.changeId, outcome: 'applied', householdId: id, newVersion: 1 };
      } else if (c.kind === 'meeting.record') result = { changeId: c.changeId, outcome: 'applied' };
      else if (versions.get(c.householdId) !== c.baseVersion) result = { changeId: c.changeId, outcome: 'conflict', householdId: c.householdId };
      else {
        versions.set(c.householdId, c.baseVersion + 1);
        result = { changeId: c.changeId, outcome: 'applied', householdId: c.householdId, newVersion: c.baseVersion + 1,
          classification: { status: 'poor', lines: [] }, reclassified: false };
      }
      seen.set(c.changeId, result);
      return result;
    }) };
  };
  return { send, requests };
}

const update = (householdId, baseVersion, n) => newChange('household.update', { householdId, baseVersion, data: { n } });

test('changes go in order, one per household a request, the second rebased on the first one\'s version', async () => {
  const store = memoryStore([update(1, 3, 'a'), update(2, 7, 'b'), update(1, 3, 'c'), update(1, 3, 'd')]);
  const server = fakeServer({ versions: new Map([[1, 3], [2, 7]]) });
  const counts = await sync({ store, send: server.send, deviceId: 'd1' });
  assert.deepEqual(counts, { applied: 4, duplicate: 0, conflict: 0, rejected: 0 });
  assert.deepEqual(server.requests.map(r => r.length), [2, 1, 1]);
  assert.deepEqual(store.rows.map(r => [r.state, r.newVersion]), [['applied', 4], ['applied', 8], ['applied', 5], ['applied', 6]]);
});

test('a household created on the device is created first; its later changes wait for its id', async () => {
  const create = newChange('household.create', { localKey: 'L1', data: {} });
  const later = newChange('household.update', { localKey: 'L1', data: {} });
  assert.deepEqual(nextBatch([{ ...create, seq: 1 }, { ...later, seq: 2 }]).map(c => c.changeId), [create.changeId]);
  assert.deepEqual(nextBatch([{ ...later, seq: 2 }]), []);
  const store = memoryStore([create, later]);
  const server = fakeServer({ versions: new Map() });
  await sync({ store, send: server.send, deviceId: 'd1' });
  assert.deepEqual(store.rows.map(r => [r.state, r.householdId, r.newVersion]), [['applied', null, 1], ['applied', 900, 2]]);
});

test('a stale base is a conflict, a refused change keeps its problems, meetings go on their own', async () => {
  const store = memoryStore([update(1, 2, 'stale'), update(2, 7, 'bad'), newChange('meeting.record', { data: {} })]);
  const server = fakeServer({ versions: new Map([[1, 3], [2, 7]]),
    reject: c => (c.data.n === 'bad' ? [{ field: 'toilet', message: 'not one of the choices' }] : null) });
  const counts = await sync({ store, send: server.send, deviceId: 'd1' });
  assert.deepEqual(counts, { applied: 1, duplicate: 0, conflict: 1, rejected: 1 });
  assert.deepEqual(store.rows.map(r => r.state), ['conflict', 'rejected', 'applied']);
  assert.equal(store.rows[1].problems[0].field, 'toilet');
});

test('sent twice (the answer was lost): the server says duplicate and the change counts as applied', async () => {
  const change = update(1, 3, 'a');
  const server = fakeServer({ versions: new Map([[1, 3]]) });
  await server.send({ deviceId: 'd1', changes: [change] }); // applied, but the device never heard
  const store = memoryStore([change]);
  const counts = await sync({ store, send: server.send, deviceId: 'd1' });
  assert.equal(counts.duplicate, 1);
  assert.equal(store.rows[0].state, 'applied');
});

test('the server unreachable or the session expired: nothing is marked, everything still waits', async () => {
  for (const kind of ['offline', 'login']) {
    const store = memoryStore([update(1, 3, 'a'), update(2, 7, 'b')]);
    await assert.rejects(sync({ store, send: async () => { throw new SyncError(kind); }, deviceId: 'd1' }),
      e => e.kind === kind);
    assert.deepEqual(store.rows.map(r => r.state), ['waiting', 'waiting']);
  }
});

test('a new change has a UUID, its capture time and waits', () => {
  const c = newChange('household.update', { householdId: 5, baseVersion: 2, data: {} }, new Date('2026-12-06T08:00:00Z'));
  assert.match(c.changeId, /^[0-9a-f-]{36}$/);
  assert.equal(c.capturedAt, '2026-12-06T08:00:00.000Z');
  assert.equal(c.state, 'waiting');
});
