// The field app (issue 25): screens drawn from what is stored on the device, so everything but downloading and
// syncing works without a connection. Texts come from the server in the user's language (/field/app/session) and are
// kept on the device for offline use; no text is written here.

import { db, deviceId, eraseExpired, eraseSynced, fold, headName, householdPage, meta, queueStore, setMeta,
  storePackage, villageHouseholds, waitingCount, words } from './db.js';
import { newChange, sync, SyncError } from './queue.js';
import { fill, validateHousehold } from './validate.js';
import { checkMeeting, passes } from './meeting.js';
import { downscale } from './photo.js';

const state = { session: null, reachable: navigator.onLine, lastError: null, syncing: false, classifier: undefined };
const main = document.getElementById('field-main');

// ---------------------------------------------------------------- small helpers

function t(key, values) {
  const texts = state.session?.texts || {};
  return values ? fill(texts[key] ?? key, values) : (texts[key] ?? key);
}

/** An element: h('button.big', {onclick}, 'text', child…). Text is always set as text, never as HTML. */
function h(tag, attrs = {}, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** dd/MM/yyyy HH:mm in Vietnam's time, as the server's pages write it, whatever the device's own zone and locale. */
function formatDateTime(iso) {
  if (!iso) return t('never');
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric',
    month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(iso)).map(p => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

function formatDate(isoDate) {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-');
  return state.session?.language === 'en' ? `${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function go(hash) {
  if (location.hash === hash) render(); else location.hash = hash;
}

// ---------------------------------------------------------------- server

class LoginNeeded extends SyncError {
  constructor() { super('login'); }
}

/** A JSON request to the server; SyncError 'offline' when it cannot be reached, 'login' when the session expired. */
async function request(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', redirect: 'follow', ...options,
      headers: { Accept: 'application/json', ...(options.headers || {}) } });
  } catch (e) {
    state.reachable = false;
    throw new SyncError('offline');
  }
  state.reachable = true;
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 401 || (response.ok && !type.includes('json'))) throw new LoginNeeded();
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (e) { /* no problem details */ }
    throw new SyncError(response.status === 403 ? 'forbidden' : 'server', detail || String(response.status));
  }
  return response.json();
}

/** The session (texts, questions, CSRF token) from the server when reachable, else the one kept on the device. */
async function loadSession() {
  try {
    const session = await request('/field/app/session');
    await setMeta('session', session);
    state.session = session;
    state.loginNeeded = false;
  } catch (e) {
    state.session = await meta('session');
    if (e instanceof LoginNeeded) state.loginNeeded = true;
  }
  if (state.session) document.documentElement.lang = state.session.language;
}

async function post(url, body) {
  const csrf = state.session?.csrf || {};
  return request(url, { method: 'POST', body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', [csrf.header || 'X-CSRF-TOKEN']: csrf.token || '' } });
}

// ---------------------------------------------------------------- classification (h6's classifier)

async function classifier() {
  if (state.classifier === undefined) {
    try {
      state.classifier = await import('./classifier.js');
    } catch (e) {
      state.classifier = null;
    }
  }
  return state.classifier;
}

async function standardOf(round) {
  const row = await db.standards.get(round.standardCode);
  return row ? row.standard : null;
}

/** The household's classification on the device, or null when the classifier or the standard is missing. */
async function classifyOnDevice(round, json, household) {
  const module = await classifier();
  const standard = await standardOf(round);
  if (!module || !standard) return null;
  // the commune's area stands in for a household whose own area is not recorded, as on the server
  const communeArea = household?.communeArea ?? round.communeArea ?? undefined;
  try {
    return module.classify(standard, json, round.referenceDate, state.session.language, { communeArea });
  } catch (e) {
    return { status: null, lines: [t('classification.failed', { error: e.message })] };
  }
}

// ---------------------------------------------------------------- status bar and sync

async function renderStatus() {
  const waiting = await waitingCount();
  const last = await meta('lastSync');
  const online = navigator.onLine && state.reachable;
  const bar = document.getElementById('field-status');
  bar.replaceChildren(...[
    h('span.state.' + (online ? 'online' : 'offline'), { id: 'status-connection' }, online ? t('status.online') : t('status.offline')),
    h('span', { id: 'status-waiting' }, t('status.waiting', { count: waiting })),
    h('span', { id: 'status-last' }, t('status.last', { time: formatDateTime(last) })),
    state.syncing ? h('span', {}, t('status.syncing')) : null,
    state.lastError ? h('span.error', { id: 'status-error', role: 'alert' }, state.lastError) : null,
    state.loginNeeded ? h('a.button', { href: '/field/relogin', id: 'relogin' }, t('login.again')) : null].filter(Boolean));
}

function errorInWords(e) {
  if (e instanceof SyncError) {
    e.detail = String(e.detail || '').replace(/[.\s]+$/, '');
    if (e.kind === 'offline') return t('error.offline');
    if (e.kind === 'login') return t('error.login');
    if (e.kind === 'forbidden') return t('error.forbidden', { detail: e.detail });
    return t('error.server', { detail: e.detail });
  }
  return t('error.unexpected', { detail: e.message });
}

/** Sends the queue; the changes answered are marked, the households updated with the server's version. */
async function syncNow() {
  if (state.syncing) return;
  state.syncing = true;
  state.lastError = null;
  await renderStatus();
  try {
    await loadSession();
    if (state.loginNeeded) throw new LoginNeeded();
    const counts = await sync({ store: queueStore, deviceId: await deviceId(),
      send: body => post('/api/v1/field/changes', body), onResult: settleHousehold });
    await setMeta('lastSync', new Date().toISOString());
    state.lastResult = counts;
  } catch (e) {
    if (e instanceof LoginNeeded || e.kind === 'login') state.loginNeeded = true;
    state.lastError = errorInWords(e);
  } finally {
    state.syncing = false;
    await renderStatus();
    if (location.hash.startsWith('#/queue') || location.hash === '' || location.hash === '#/') render();
  }
}

/** The household after the server's answer: its id (created here), version and the server's classification. */
async function settleHousehold(change, result) {
  if (change.kind === 'meeting.record') {
    await db.meetings.update(change.changeId, { outcome: result.outcome, problems: result.problems || [] });
    return;
  }
  const household = await db.households.where(change.householdId != null ? 'id' : 'key')
    .equals(change.householdId != null ? change.householdId : change.localKey).first();
  if (!household) return;
  const others = (await queueStore.waiting()).filter(c => c.seq !== change.seq && c.kind !== 'meeting.record'
    && (c.householdId != null ? c.householdId === (result.householdId ?? change.householdId) : c.localKey === change.localKey));
  const patch = { outcome: result.outcome, problems: result.problems || [], pending: others.length > 0 };
  if (result.outcome === 'applied' || result.outcome === 'duplicate') {
    patch.id = result.householdId ?? household.id;
    if (result.newVersion != null) patch.version = result.newVersion;
    if (result.classification) patch.serverClassification = result.classification;
    patch.reclassified = !!result.reclassified;
  }
  await db.households.update(household.key, patch);
}

// ---------------------------------------------------------------- screens

async function homeScreen() {
  const rounds = await db.rounds.toArray();
  const list = h('div.cards', { id: 'rounds' });
  for (const round of rounds) {
    list.append(h('section.card', {},
      h('h2', {}, round.roundName), h('p', {}, round.communeName),
      h('p.muted', {}, t('round.downloaded', { time: formatDateTime(round.downloadedAt) })),
      ...round.villages.map(v => h('a.button.big', { href: `#/round/${round.roundId}/village/${v.id}` }, v.name))));
  }
  const assignments = h('div.cards', { id: 'assignments' }, h('p.muted', {}, t('assignments.loading')));
  loadAssignments(assignments);
  return [h('h1', {}, t('home.title')), rounds.length ? list : h('p.muted', {}, t('home.none')),
    h('h2', {}, t('assignments.title')), assignments,
    h('p', {}, h('a.button', { href: '#/queue', id: 'queue-link' }, t('queue.title')))];
}

async function loadAssignments(container) {
  try {
    const assignments = await request('/api/v1/field/assignments');
    container.replaceChildren(...(assignments.length ? assignments.map(a => h('section.card', {},
      h('h3', {}, a.roundName), h('p', {}, a.communeName),
      h('p.muted', {}, t('assignments.villages', { count: a.villages.length, households: a.villages.reduce((s, v) => s + (v.households || 0), 0) })),
      h('button.big.primary', { type: 'button', 'data-round': a.roundId, onclick: e => download(a, e.target) }, t('assignments.download'))))
      : [h('p.muted', {}, t('assignments.none'))]));
  } catch (e) {
    if (e instanceof LoginNeeded) state.loginNeeded = true;
    container.replaceChildren(h('p.muted', {}, errorInWords(e)));
    renderStatus();
  }
}

/** Downloads a round's villages, its standard, and stores them on the device. */
async function download(assignment, button) {
  button.disabled = true;
  button.textContent = t('assignments.downloading');
  try {
    const query = assignment.villages.map(v => 'village=' + encodeURIComponent(v.id)).join('&');
    const pack = await request(`/api/v1/field/rounds/${assignment.roundId}/package?${query}`);
    const standard = await request(`/api/v1/field/standards/${encodeURIComponent(pack.standardCode)}`);
    await db.standards.put({ code: pack.standardCode, standard, fetchedAt: new Date().toISOString() });
    await storePackage(assignment, pack);
    button.textContent = t('assignments.downloaded', { count: (pack.households || []).length });
    render();
  } catch (e) {
    button.disabled = false;
    button.textContent = t('assignments.download');
    state.lastError = errorInWords(e);
    renderStatus();
  }
}

async function villageScreen(roundId, villageId, params) {
  const round = await db.rounds.get(roundId);
  if (!round) return [h('p', {}, t('round.missing'))];
  const village = round.villages.find(v => String(v.id) === String(villageId)) || { name: '' };
  const query = params.get('q') || '';
  const page = Number(params.get('p') || 0);
  const { rows, more } = await householdPage(roundId, village.id, query, page);
  const search = h('input', { type: 'search', id: 'search', value: query, placeholder: t('village.search'),
    'aria-label': t('village.search') });
  const form = h('form.search', { onsubmit: e => { e.preventDefault(); go(`#/round/${roundId}/village/${village.id}?q=${encodeURIComponent(search.value)}`); } },
    search, h('button.big', { type: 'submit' }, t('village.find')));
  const base = `#/round/${roundId}/village/${village.id}?q=${encodeURIComponent(query)}&p=`;
  return [h('p', {}, h('a', { href: '#/' }, t('back.home'))),
    h('h1', {}, village.name), form,
    h('div.actions', {}, h('a.button.big', { href: `#/round/${roundId}/village/${village.id}/new`, id: 'add-household' }, t('household.add')),
      h('a.button.big', { href: `#/round/${roundId}/village/${village.id}/meeting`, id: 'record-meeting' }, t('meeting.record'))),
    h('ul.households', { id: 'households' }, ...rows.map(row => h('li', {},
      h('a.row', { href: `#/round/${roundId}/household/${encodeURIComponent(row.key)}`, 'data-code': row.code },
        h('strong', {}, row.code), ' ', row.name,
        row.outcome ? h('span.tag.' + row.outcome, {}, t('outcome.' + row.outcome)) : null,
        row.pending ? h('span.tag.waiting', {}, t('outcome.waiting')) : null)))),
    rows.length === 0 ? h('p.muted', {}, t('village.empty')) : null,
    h('div.pager', {}, page > 0 ? h('a.button', { href: base + (page - 1) }, t('page.previous')) : null,
      more ? h('a.button', { href: base + (page + 1), id: 'next-page' }, t('page.next')) : null)];
}

function questionInput(q, value, name) {
  const id = name;
  if (q.kind === 'code' || q.kind === 'yesno') {
    const choices = q.kind === 'yesno' ? [{ code: 'yes', label: t('yes') }, { code: 'no', label: t('no') }] : q.choices;
    return h('select', { id, name: q.column }, h('option', { value: '' }, '—'),
      ...choices.map(c => h('option', { value: c.code, selected: c.code === value ? 'selected' : null }, c.label)));
  }
  if (q.kind === 'list') {
    const chosen = String(value || '').split(';').map(s => s.trim());
    return h('div.checks', { id, 'data-list': q.column }, ...q.choices.map(c => h('label.check', {},
      h('input', { type: 'checkbox', value: c.code, checked: chosen.includes(c.code) }), ' ', c.label)));
  }
  const type = q.kind === 'date' ? 'date' : 'text';
  const mode = q.kind === 'number' || q.kind === 'idnumber' ? 'decimal' : null;
  return h('input', { id, name: q.column, type, value: value ?? '', inputmode: mode,
    placeholder: q.kind === 'birthdate' ? t('birthdate.hint') : null });
}

function readInput(q, el) {
  if (q.kind === 'list') return [...el.querySelectorAll('input:checked')].map(i => i.value).join(';');
  return el.value.trim();
}

function fieldset(questions, values, prefix, problems) {
  return questions.map(q => {
    const mine = problems.filter(p => p.field === q.column);
    return h('div.field' + (mine.length ? '.invalid' : ''), {},
      h('label', { for: prefix + q.column }, q.label, q.required ? h('span.required', {}, ' *') : null),
      questionInput(q, values[q.column], prefix + q.column),
      ...mine.map(p => h('p.problem', { role: 'alert' }, p.message)));
  });
}

function classificationBox(classification, server, reclassified) {
  const box = h('section.card.classification', { id: 'classification' }, h('h2', {}, t('classification.title')));
  if (!classification) box.append(h('p.muted', {}, t('classification.unavailable')));
  else {
    box.append(h('p.status', { id: 'device-status' }, t('status.' + (classification.status || 'unknown'))));
    box.append(h('ul', {}, ...(classification.lines || []).map(line => h('li', {}, line))));
  }
  if (server && (reclassified || (classification && server.status !== classification.status))) {
    // after a sync the server classified the saved facts again; before, its result is the one downloaded
    box.append(h('p.notice', { id: 'server-reclassified' }, t(reclassified ? 'classification.server' : 'classification.server-downloaded',
      { status: t('status.' + server.status) })),
      h('ul', {}, ...(server.lines || []).map(line => h('li', {}, line))));
  }
  return box;
}

async function householdScreen(roundId, key, villageIdForNew) {
  const round = await db.rounds.get(roundId);
  const questions = state.session?.questions;
  if (!round || !questions) return [h('p', {}, t('round.missing'))];
  let household = key ? await db.households.get(key) : null;
  if (key && !household) return [h('p', {}, t('household.missing'))];
  const village = round.villages.find(v => String(v.id) === String(household ? household.villageId : villageIdForNew));
  const json = household ? structuredClone(household.data) : { household: { village: village?.name || '' }, members: [] };
  const problems = household?.problems?.length ? household.problems.map(p => ({ field: p.field, member: null, message: p.message }))
    : (household?.deviceProblems || []);
  const codeInput = household ? null : h('input', { id: 'f-household_code', name: 'household_code', value: '' });
  const form = h('form.questionnaire', { id: 'household-form', novalidate: true });
  const render = () => {
    form.replaceChildren(
      codeInput ? h('div.field', {}, h('label', { for: 'f-household_code' }, t('household.code'), h('span.required', {}, ' *')), codeInput) : null,
      h('fieldset', {}, h('legend', {}, t('household.facts')),
        ...fieldset(questions.household, json.household, 'f-', problems.filter(p => p.member === null || p.member === undefined))),
      ...json.members.map((m, i) => h('fieldset.member', { 'data-member': i },
        h('legend', {}, t('member.title', { no: m.member_no || i + 1 })),
        ...fieldset(questions.members, m, `m${i}-`, problems.filter(p => p.member === i)))),
      ...problems.filter(p => p.field === 'members' || (p.field === 'relation' && p.member === null))
        .map(p => h('p.problem', { role: 'alert' }, p.message)),
      h('div.actions', {},
        h('button.big', { type: 'button', id: 'add-member', onclick: () => { readForm(); addMember(json); render(); } }, t('member.add')),
        h('button.big.primary', { type: 'submit', id: 'save-household' }, t('household.save'))));
  };
  function readForm() {
    for (const q of questions.household) {
      const el = form.querySelector('#f-' + q.column);
      if (el) json.household[q.column] = readInput(q, el);
    }
    json.members.forEach((m, i) => {
      for (const q of questions.members) {
        const el = form.querySelector(`#m${i}-` + q.column);
        if (el) m[q.column] = readInput(q, el);
      }
    });
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    readForm();
    if (codeInput) json.household.household_code = codeInput.value.trim();
    const sibling = await db.households.where('roundId').equals(roundId).first();
    json.household.commune_code = json.household.commune_code || sibling?.data?.household?.commune_code || '';
    for (const m of json.members) {
      m.household_code = json.household.household_code;
      m.commune_code = json.household.commune_code;
    }
    problems.length = 0;
    problems.push(...validateHousehold(json, questions, state.session.texts, { today: today(), original: household?.original }));
    if (codeInput && !json.household.household_code) {
      problems.push({ field: 'household_code', member: null, message: t('problem.required', { label: t('household.code') }) });
    }
    if (problems.length) {
      render();
      form.querySelector('.invalid, .problem')?.scrollIntoView({ block: 'center' });
      return;
    }
    household = await saveHousehold(round, household, json, village);
    go(`#/round/${roundId}/household/${encodeURIComponent(household.key)}?saved=1`);
  });
  render();
  const classification = household ? household.classification || await classifyOnDevice(round, json, household) : null;
  return [h('p', {}, h('a', { href: `#/round/${roundId}/village/${village?.id}` }, t('back.village', { name: village?.name || '' }))),
    h('h1', {}, household ? t('household.title', { code: household.code, name: household.name }) : t('household.new')),
    new URLSearchParams(location.hash.split('?')[1] || '').get('saved') ? h('p.saved', { id: 'saved', role: 'status' }, t('household.saved')) : null,
    household ? classificationBox(classification, household.serverClassification, household.reclassified) : null,
    household ? extras(round, household) : null,
    form];
}

function addMember(json) {
  const next = json.members.reduce((max, m) => Math.max(max, Number(m.member_no) || 0), 0) + 1;
  json.members.push({ member_no: String(next), relation: json.members.length ? '' : 'head' });
}

/** Saves the household on the device and appends its change to the queue, in one transaction. */
async function saveHousehold(round, household, json, village) {
  const classification = await classifyOnDevice(round, json, household);
  const creating = !household;
  const key = household ? household.key : round.roundId + ':local:' + crypto.randomUUID();
  const record = {
    ...(household || { key, roundId: round.roundId, villageId: village.id, id: null, version: null, original: null, localKey: key }),
    code: json.household.household_code, name: headName(json), words: words(json), data: json,
    classification, problems: [], outcome: null, pending: true,
  };
  const change = newChange(creating ? 'household.create' : 'household.update',
    { householdId: record.id, localKey: record.localKey || key, baseVersion: record.version, data: json });
  await db.transaction('rw', db.households, db.changes, async () => {
    await db.households.put(record);
    await db.changes.add(change);
  });
  renderStatus();
  if (navigator.onLine) syncSoon();
  return record;
}

/** GPS position and a photo of the house, each queued as its own change. */
function extras(round, household) {
  const box = h('section.card.extras', {}, h('h2', {}, t('extras.title')));
  const position = household.position
    ? h('p', { id: 'position' }, t('extras.position', { lat: household.position.lat.toFixed(5), lon: household.position.lon.toFixed(5) }))
    : h('p.muted', { id: 'position' }, t('extras.no-position'));
  const note = h('p.muted', { role: 'status' });
  box.append(position, h('button.big', { type: 'button', id: 'take-position', onclick: () => {
    if (!navigator.geolocation) { note.textContent = t('extras.no-gps'); return; }
    note.textContent = t('extras.locating');
    navigator.geolocation.getCurrentPosition(async p => {
      const data = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy,
        takenAt: new Date(p.timestamp).toISOString() };
      await queueExtra(household, 'household.position', data, { position: data });
      render();
    }, err => { note.textContent = t('extras.gps-failed', { detail: err.message }); }, { enableHighAccuracy: true, timeout: 30000 });
  } }, t('extras.take-position')));
  if (household.photo) box.append(h('img.photo', { src: household.photo, alt: t('extras.photo') }));
  const file = h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'photo-input', onchange: async e => {
    const picked = e.target.files[0];
    if (!picked) return;
    note.textContent = t('extras.photo-working');
    try {
      const { dataUrl, bytes } = await downscale(picked, 200 * 1024);
      await queueExtra(household, 'household.photo', { mediaType: 'image/jpeg', base64: dataUrl.split(',')[1], bytes },
        { photo: dataUrl });
      render();
    } catch (err) {
      note.textContent = t('extras.photo-failed', { detail: err.message });
    }
  } });
  box.append(h('label.button.big', { for: 'photo-input' }, t('extras.take-photo')), file, note);
  return box;
}

async function queueExtra(household, kind, data, patch) {
  const change = newChange(kind, { householdId: household.id, localKey: household.localKey || household.key,
    baseVersion: household.version, data });
  await db.transaction('rw', db.households, db.changes, async () => {
    await db.households.update(household.key, { ...patch, pending: true });
    await db.changes.add(change);
  });
  renderStatus();
}

async function meetingScreen(roundId, villageId) {
  const round = await db.rounds.get(roundId);
  if (!round) return [h('p', {}, t('round.missing'))];
  const village = round.villages.find(v => String(v.id) === String(villageId));
  const households = await villageHouseholds(roundId, village.id);
  const threshold = Number(round.meetingThreshold ?? 0.5);
  const date = h('input', { type: 'date', id: 'meeting-date', value: today() });
  const invited = h('input', { id: 'meeting-invited', inputmode: 'numeric' });
  const present = h('input', { id: 'meeting-present', inputmode: 'numeric' });
  const chair = h('input', { id: 'meeting-chair', autocomplete: 'off', maxlength: '200' });
  const secretary = h('input', { id: 'meeting-secretary', autocomplete: 'off', maxlength: '200' });
  const supervisor = h('input', { id: 'meeting-supervisor', autocomplete: 'off', maxlength: '200' });
  const filter = h('input', { type: 'search', id: 'meeting-filter', placeholder: t('village.search') });
  const chosen = new Map();
  const list = h('ul.meeting-households', { id: 'meeting-households' });
  const problemsBox = h('div', { id: 'meeting-problems' });
  const drawList = () => {
    const q = fold(filter.value);
    const shown = households.filter(x => !q || x.words.some(w => w.startsWith(q))).slice(0, 100);
    list.replaceChildren(...shown.map(x => {
      const agreed = h('input.count', { inputmode: 'numeric', 'data-code': x.code, value: chosen.get(x.key)?.agreed ?? '',
        'aria-label': t('meeting.agreed-of', { code: x.code }) });
      const verdict = h('span.verdict');
      const update = () => {
        const a = agreed.value.trim();
        if (a === '') { chosen.delete(x.key); verdict.textContent = ''; return; }
        chosen.set(x.key, { householdId: x.id, householdCode: x.code, agreed: a });
        const p = Number(present.value);
        verdict.textContent = /^\d+$/.test(a) && p > 0
          ? (passes(Number(a), p, threshold) ? t('meeting.passes', { percent: Math.round(100 * Number(a) / p) })
            : t('meeting.fails', { percent: Math.round(100 * Number(a) / p) })) : '';
        verdict.className = 'verdict ' + (passes(Number(a), p, threshold) ? 'ok' : 'no');
      };
      agreed.addEventListener('input', update);
      present.addEventListener('input', update);
      update();
      return h('li', {}, h('span', {}, h('strong', {}, x.code), ' ', x.name), agreed, verdict);
    }));
  };
  filter.addEventListener('input', drawList);
  drawList();
  const form = h('form.meeting', { id: 'meeting-form', onsubmit: async e => {
    e.preventDefault();
    const meeting = { date: date.value, invited: invited.value, present: present.value, chair: chair.value,
      households: [...chosen.values()] };
    const problems = checkMeeting(meeting, state.session.texts);
    problemsBox.replaceChildren(...problems.map(p => h('p.problem', { role: 'alert' }, p.message)));
    if (problems.length) return;
    const p = Number(meeting.present);
    const discussed = meeting.households.map(x => ({ householdId: x.householdId, householdCode: x.householdCode,
      agreed: Number(x.agreed), passed: passes(Number(x.agreed), p, threshold) }));
    // the server's minutes hold one agreement count for the village's results: the lowest of the households
    // discussed (the results stand only if every one of them reaches the threshold); each count is in the note
    const data = { roundId, villageId: village.id, heldOn: meeting.date, chair: chair.value.trim(),
      secretary: secretary.value.trim(), supervisor: supervisor.value.trim(), invited: Number(meeting.invited), attendees: p,
      agreed: Math.min(...discussed.map(x => x.agreed)), threshold, households: discussed,
      note: discussed.map(x => `${x.householdCode}: ${x.agreed}/${p}`).join('; ') };
    const change = newChange('meeting.record', { data });
    await db.transaction('rw', db.meetings, db.changes, async () => {
      await db.meetings.put({ changeId: change.changeId, roundId, villageId: village.id, ...data });
      await db.changes.add(change);
    });
    renderStatus();
    go(`#/round/${roundId}/village/${village.id}?meeting=1`);
  } },
  h('div.field', {}, h('label', { for: 'meeting-date' }, t('meeting.date')), date),
  h('div.field', {}, h('label', { for: 'meeting-invited' }, t('meeting.invited')), invited),
  h('div.field', {}, h('label', { for: 'meeting-present' }, t('meeting.present')), present),
  h('div.field', {}, h('label', { for: 'meeting-chair' }, t('meeting.chair')), chair),
  h('div.field', {}, h('label', { for: 'meeting-secretary' }, t('meeting.secretary')), secretary),
  h('div.field', {}, h('label', { for: 'meeting-supervisor' }, t('meeting.supervisor')), supervisor),
  h('p.muted', {}, t('meeting.rule', { percent: Math.round(threshold * 100) })),
  h('h2', {}, t('meeting.households')), filter, list, problemsBox,
  h('button.big.primary', { type: 'submit', id: 'save-meeting' }, t('meeting.save')));
  return [h('p', {}, h('a', { href: `#/round/${roundId}/village/${village.id}` }, t('back.village', { name: village.name }))),
    h('h1', {}, t('meeting.title', { village: village.name })), form];
}

async function queueScreen() {
  const changes = await db.changes.orderBy('seq').reverse().limit(200).toArray();
  return [h('p', {}, h('a', { href: '#/' }, t('back.home'))), h('h1', {}, t('queue.title')),
    h('button.big.primary', { type: 'button', id: 'sync-now', onclick: syncNow }, t('sync.now')),
    changes.length === 0 ? h('p.muted', {}, t('queue.empty')) : null,
    h('ul.changes', { id: 'changes' }, ...changes.map(c => h('li.change.' + (c.state || 'waiting'), { 'data-change': c.changeId },
      h('p', {}, h('strong', {}, t('kind.' + c.kind)), ' ', c.data?.household?.household_code || c.data?.heldOn || '',
        ' · ', t('queue.captured', { time: formatDateTime(c.capturedAt) })),
      h('p', {}, h('span.tag.' + (c.outcome || c.state), {}, t('outcome.' + (c.outcome || c.state)))),
      ...(c.problems || []).map(p => h('p.problem', {}, (p.field ? p.field + ': ' : '') + p.message)),
      c.state === 'conflict' ? h('a.button', { href: '/field/conflicts/' + c.changeId, 'data-conflict': c.changeId }, t('queue.conflict')) : null,
      c.reclassified && c.serverClassification
        ? h('p.notice', {}, t('classification.server', { status: t('status.' + c.serverClassification.status) })) : null,
      c.notice ? h('p.notice', {}, c.notice) : null)))];
}

// ---------------------------------------------------------------- logout

async function logout() {
  const waiting = await waitingCount();
  if (waiting > 0) {
    alertBox(t('logout.refused', { count: waiting }));
    return;
  }
  if (!confirm(t('logout.confirm'))) return;
  await eraseSynced();
  const form = h('form', { method: 'post', action: '/logout' },
    h('input', { type: 'hidden', name: state.session?.csrf?.parameter || '_csrf', value: state.session?.csrf?.token || '' }));
  document.body.append(form);
  form.submit();
}

function alertBox(text) {
  const box = document.getElementById('field-alert');
  box.textContent = text;
  box.hidden = false;
}

// ---------------------------------------------------------------- routing

async function render() {
  const [path, query] = (location.hash.slice(1) || '/').split('?');
  const params = new URLSearchParams(query || '');
  const parts = path.split('/').filter(Boolean);
  document.getElementById('field-alert').hidden = true;
  let content;
  if (!state.session) content = [h('p', {}, t('login.first'))];
  else if (parts[0] === 'round' && parts[2] === 'village' && parts[4] === 'meeting') content = await meetingScreen(Number(parts[1]), parts[3]);
  else if (parts[0] === 'round' && parts[2] === 'village' && parts[4] === 'new') content = await householdScreen(Number(parts[1]), null, parts[3]);
  else if (parts[0] === 'round' && parts[2] === 'village') content = await villageScreen(Number(parts[1]), parts[3], params);
  else if (parts[0] === 'round' && parts[2] === 'household') content = await householdScreen(Number(parts[1]), decodeURIComponent(parts[3]));
  else if (parts[0] === 'queue') content = await queueScreen();
  else content = await homeScreen();
  main.replaceChildren(...content.flat().filter(x => x !== null && x !== undefined && x !== false));
  if (state.lastPath !== path || params.get('saved')) window.scrollTo(0, 0);
  state.lastPath = path;
  await renderStatus();
}

let syncTimer = null;
function syncSoon() {
  clearTimeout(syncTimer);
  syncTimer = setTimeout(syncNow, 1500);
}

async function start() {
  // an error nobody caught is still said in words on the status bar
  window.addEventListener('unhandledrejection', e => { state.lastError = errorInWords(e.reason || new Error('?')); renderStatus(); });
  window.fieldState = state;
  document.getElementById('field-sync').addEventListener('click', syncNow);
  document.getElementById('field-logout').addEventListener('click', logout);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => {});
  }
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  await loadSession();
  await eraseExpired();
  window.addEventListener('hashchange', render);
  window.addEventListener('online', () => { state.reachable = true; syncSoon(); });
  window.addEventListener('offline', () => { state.reachable = false; renderStatus(); });
  setInterval(async () => { if (navigator.onLine && await waitingCount() > 0) syncNow(); }, 30000);
  await render();
  document.body.dataset.ready = 'true';
  if (navigator.onLine && !state.loginNeeded && await waitingCount() > 0) syncSoon();
}

start();
