// The village meeting's rule (review round step 3, docs/domain.md): the results are agreed when at least the
// threshold (50 % unless the round says otherwise) of those present agree; the counts must be possible (present ≤
// invited, agreed ≤ present). The same check as the server's ReviewCalendar.meetingPassed. Pure functions (tested
// with node, src/test/js/meeting.test.mjs).

import { fill } from './validate.js';

function count(value) {
  const text = String(value ?? '').trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** The problems of the meeting's counts as [{field, message}]. */
export function checkMeeting(meeting, texts) {
  const problems = [];
  const invited = count(meeting.invited);
  const present = count(meeting.present);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(meeting.date ?? ''))) {
    problems.push({ field: 'date', message: texts['meeting.problem.date'] });
  }
  if (String(meeting.chair ?? '').trim() === '') problems.push({ field: 'chair', message: texts['meeting.problem.chair'] });
  if (invited === null || invited <= 0) problems.push({ field: 'invited', message: texts['meeting.problem.invited'] });
  if (present === null || present <= 0) problems.push({ field: 'present', message: texts['meeting.problem.present'] });
  if (invited !== null && present !== null && present > invited) {
    problems.push({ field: 'present', message: fill(texts['meeting.problem.more-present'], { present, invited }) });
  }
  for (const h of meeting.households || []) {
    const agreed = count(h.agreed);
    if (agreed === null || (present !== null && agreed > present)) {
      problems.push({ field: 'agreed:' + h.householdCode,
        message: fill(texts['meeting.problem.agreed'], { code: h.householdCode, present: present ?? 0 }) });
    }
  }
  if ((meeting.households || []).length === 0) {
    problems.push({ field: 'households', message: texts['meeting.problem.households'] });
  }
  return problems;
}

/**
 * Whether a household's result is agreed: agreed ≥ threshold × present (the threshold a fraction, 0.5 by default),
 * compared exactly in whole numbers (agreed × 100 ≥ threshold% × present).
 */
export function passes(agreed, present, threshold = 0.5) {
  if (!(present > 0) || agreed < 0 || agreed > present) return false;
  const percent = Math.round(threshold * 10000);
  return agreed * 10000 >= percent * present;
}
