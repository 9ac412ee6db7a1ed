// The change queue's sync (issue 25 point 2, device side): the waiting changes are sent in the order they were
// captured, at most one per household in a request (a second change of the same household is based on the version
// the first one produces: it is rebased on the server's answer and sent in the next request), a change of a household
// created on the device waits until its creation is applied. Each change is marked with the server's answer; nothing
// is removed. Storage and transport are passed in (Dexie and fetch in the app, memory in src/test/js/queue.test.mjs).

/** Why a sync stopped: 'offline' (server unreachable), 'login' (session expired), 'forbidden', 'server'. */
export class SyncError extends Error {
  constructor(kind, detail) {
    super(kind + (detail ? ': ' + detail : ''));
    this.kind = kind;
    this.detail = detail || '';
  }
}

/** The key of the household a change is about: its server id, or the device's key of a household created here. */
export function householdKey(change) {
  return change.householdId != null ? 'id:' + change.householdId : 'local:' + change.localKey;
}

/** The changes of the next request: in order, one per household, none of a household whose creation is not applied. */
export function nextBatch(waiting, size = 25) {
  const batch = [];
  const held = new Set();
  for (const change of waiting) {
    if (batch.length >= size) break;
    const key = change.kind === 'meeting.record' ? 'meeting:' + change.changeId : householdKey(change);
    if (held.has(key)) continue;
    held.add(key);
    if (change.householdId == null && change.kind !== 'household.create' && change.kind !== 'meeting.record') {
      continue; // its household is created on the device and not yet on the server
    }
    batch.push(change);
  }
  return batch;
}

/** The change as the server's contract wants it. */
export function wire(change) {
  return {
    changeId: change.changeId, kind: change.kind, householdId: change.householdId ?? null,
    baseVersion: change.baseVersion ?? null, capturedAt: change.capturedAt, data: change.data,
  };
}

const SETTLED = { applied: 'applied', duplicate: 'applied', conflict: 'conflict', rejected: 'rejected' };

/**
 * Sends the waiting changes until none is left to send; returns the count of each outcome. Throws SyncError when the
 * server cannot be reached or refuses the request as a whole; the changes not answered stay waiting.
 * store: {waiting(): [change] by capture order, update(seq, patch)}; send(body) → {results: [...]}.
 */
export async function sync({ store, send, deviceId, size = 25, onResult = async () => {} }) {
  const counts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 };
  for (;;) {
    const waiting = await store.waiting();
    const batch = nextBatch(waiting, size);
    if (batch.length === 0) return counts;
    const answer = await send({ deviceId, changes: batch.map(wire) });
    const results = new Map(((answer && answer.results) || []).map(r => [r.changeId, r]));
    let settled = 0;
    for (const change of batch) {
      const result = results.get(change.changeId);
      if (!result || !(result.outcome in SETTLED)) continue;
      settled++;
      counts[result.outcome]++;
      await store.update(change.seq, {
        state: SETTLED[result.outcome], outcome: result.outcome, problems: result.problems || [],
        notice: result.notice || null, serverClassification: result.classification || null,
        reclassified: !!result.reclassified, newVersion: result.newVersion ?? null,
        serverHouseholdId: result.householdId ?? null, answeredAt: new Date().toISOString(),
      });
      if (SETTLED[result.outcome] === 'applied' && result.householdId != null) {
        // later changes of the same household build on this one: base them on the version it produced
        const key = householdKey(change);
        for (const later of waiting) {
          if (later.seq > change.seq && later.kind !== 'meeting.record' && householdKey(later) === key) {
            await store.update(later.seq, { householdId: result.householdId, baseVersion: result.newVersion ?? later.baseVersion });
            later.householdId = result.householdId;
          }
        }
      }
      await onResult(change, result);
    }
    if (settled === 0) throw new SyncError('server', 'no answer for the changes sent');
  }
}

/** A new change to append to the queue: a UUID made on the device, the capture time, waiting. */
export function newChange(kind, { householdId = null, localKey = null, baseVersion = null, data }, now = new Date()) {
  return {
    changeId: crypto.randomUUID(), kind, householdId, localKey, baseVersion,
    capturedAt: now.toISOString(), data, state: 'waiting', problems: [],
  };
}
