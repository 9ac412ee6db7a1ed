// The device's storage (IndexedDB through Dexie): the rounds downloaded, their households (indexed by village and
// code, and by the words of code and head's name for the search, so a commune of 8,000 households pages fast), the
// standards, the village meetings and the change queue. Synced data is erased at logout and after the package's
// retention days; changes not yet synced never are.

import Dexie from '../vendor/dexie/dexie.mjs';

export const db = new Dexie('giamngheo-field');
db.version(1).stores({
  rounds: 'roundId',
  standards: 'code',
  households: 'key, roundId, [roundId+villageId+code], *words, id',
  meetings: 'changeId, roundId',
  changes: '++seq, &changeId, state, householdId, localKey',
  meta: 'name',
});

/** Text as searched: lower case, without accents (đ as d). */
export function fold(text) {
  return String(text ?? '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD')
    .replace(/\p{M}+/gu, '').toLowerCase().trim();
}

/** The words a household is found by: its code and every word of its head's name. */
export function words(json) {
  const head = (json.members || []).find(m => m.relation === 'head') || (json.members || [])[0] || {};
  const list = [fold(json.household?.household_code)];
  for (const word of fold(head.full_name).split(/\s+/)) if (word) list.push(word);
  list.push(fold(head.full_name));
  return [...new Set(list.filter(Boolean))];
}

export function headName(json) {
  const head = (json.members || []).find(m => m.relation === 'head') || (json.members || [])[0];
  return head ? head.full_name : '';
}

export async function meta(name, fallback = null) {
  const row = await db.meta.get(name);
  return row ? row.value : fallback;
}

export async function setMeta(name, value) {
  await db.meta.put({ name, value });
}

/** The device's id, made once. */
export async function deviceId() {
  let id = await meta('deviceId');
  if (!id) {
    id = crypto.randomUUID();
    await setMeta('deviceId', id);
  }
  return id;
}

/** Stores a downloaded package: the round and its households (replacing those without waiting changes). */
export async function storePackage(assignment, pack) {
  await db.transaction('rw', db.rounds, db.households, db.changes, async () => {
    const pending = new Set((await db.changes.where('state').equals('waiting').toArray())
      .filter(c => c.householdId != null).map(c => c.householdId));
    await db.rounds.put({
      roundId: pack.roundId, roundName: assignment.roundName, communeId: assignment.communeId,
      communeName: assignment.communeName, standardCode: pack.standardCode, referenceDate: pack.referenceDate,
      villages: assignment.villages, maskIdentity: !!pack.maskIdentity, retentionDays: pack.retentionDays,
      codeLists: pack.codeLists || {}, meetingThreshold: pack.meetingThreshold ?? 0.5,
      communeArea: (pack.households || [])[0]?.communeArea ?? null,
      generatedAt: pack.generatedAt, downloadedAt: new Date().toISOString(),
    });
    const rows = [];
    for (const h of pack.households || []) {
      if (pending.has(h.id)) continue; // the device's own change waits: keep what the officer captured
      rows.push({
        key: pack.roundId + ':id:' + h.id, roundId: pack.roundId, villageId: h.villageId, id: h.id,
        version: h.version, communeArea: h.communeArea ?? null, code: h.data?.household?.household_code || '', name: headName(h.data),
        words: words(h.data), data: h.data, original: h.data, serverClassification: h.classification || null,
        classification: null, problems: [],
      });
    }
    await db.households.bulkPut(rows);
  });
}

/** A page of a village's households, ordered by code, or found by the start of a word of code or head's name. */
export async function householdPage(roundId, villageId, query, page, size = 50) {
  const q = fold(query);
  let collection;
  if (q) {
    collection = db.households.where('words').startsWith(q.split(/\s+/)[0]).distinct()
      .filter(h => h.roundId === roundId && h.villageId === villageId && h.words.some(w => w.startsWith(q) || fold(h.name).includes(q)));
  } else {
    collection = db.households.where('[roundId+villageId+code]')
      .between([roundId, villageId, Dexie.minKey], [roundId, villageId, Dexie.maxKey]);
  }
  const rows = await collection.offset(page * size).limit(size + 1).toArray();
  return { rows: rows.slice(0, size), more: rows.length > size };
}

/** Every household of a village, ordered by code (the meeting's list). */
export async function villageHouseholds(roundId, villageId) {
  return db.households.where('[roundId+villageId+code]')
    .between([roundId, villageId, Dexie.minKey], [roundId, villageId, Dexie.maxKey]).toArray();
}

export async function waitingCount() {
  return db.changes.where('state').equals('waiting').count();
}

/** The queue as the sync wants it (queue.js). */
export const queueStore = {
  waiting: () => db.changes.where('state').equals('waiting').sortBy('seq'),
  update: (seq, patch) => db.changes.update(seq, patch),
};

/**
 * Erases the synced data: every round, household, standard and meeting, and the answered changes. Refused (false)
 * while any change waits.
 */
export async function eraseSynced() {
  return db.transaction('rw', db.rounds, db.households, db.standards, db.meetings, db.changes, async () => {
    if (await db.changes.where('state').equals('waiting').count() > 0) return false;
    await Promise.all([db.rounds.clear(), db.households.clear(), db.standards.clear(), db.meetings.clear(),
      db.changes.clear()]);
    return true;
  });
}

/**
 * Erases the rounds downloaded longer ago than their retention days, with their households and meetings, except
 * the households and meetings that still have waiting changes. Returns the number of rounds erased.
 */
export async function eraseExpired(now = new Date()) {
  let erased = 0;
  for (const round of await db.rounds.toArray()) {
    const days = Number(round.retentionDays);
    if (!(days > 0) || now - new Date(round.downloadedAt) < days * 86400000) continue;
    await db.transaction('rw', db.rounds, db.households, db.meetings, db.changes, async () => {
      const waiting = await db.changes.where('state').equals('waiting').toArray();
      const keep = new Set(waiting.map(c => c.householdId != null ? 'id:' + c.householdId : 'local:' + c.localKey));
      const households = await db.households.where('roundId').equals(round.roundId).toArray();
      const drop = households.filter(h => !keep.has(h.id != null ? 'id:' + h.id : 'local:' + h.localKey)).map(h => h.key);
      await db.households.bulkDelete(drop);
      const meetings = await db.meetings.where('roundId').equals(round.roundId).toArray();
      const waitingIds = new Set(waiting.map(c => c.changeId));
      await db.meetings.bulkDelete(meetings.filter(m => !waitingIds.has(m.changeId)).map(m => m.changeId));
      if (households.length === drop.length) {
        await db.rounds.delete(round.roundId);
        erased++;
      }
    });
  }
  return erased;
}
