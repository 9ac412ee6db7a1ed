// Validation of a captured household on the device: the same rules as the server's exchange reader (exchange-format
// §1): required columns, codes of the code lists, yes/no, dates, numbers and their lowest value, a 12-digit identity
// number, member numbers 1, 2, … without repeats and exactly one head. The questions (columns, kinds, codes, required)
// come from the server (/field/app/session), built from the same column list the reader uses.
// Pure functions: no DOM, no storage (tested with node, src/test/js/validate.test.mjs).

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const INTEGER = /^\d+$/;
const ID_NUMBER = /^\d{12}$/;

/** A message with its {name} placeholders filled. */
export function fill(template, values) {
  return String(template ?? '').replace(/\{(\w+)}/g, (m, name) => (name in values ? String(values[name]) : m));
}

function blank(value) {
  return value === undefined || value === null || String(value).trim() === '';
}

function validDate(text) {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * The problems of one value of a question: [] when it is acceptable. `original` is the value as downloaded: a masked
 * identity number that was not touched is kept as it came.
 */
export function checkValue(question, raw, texts, context = {}) {
  const value = raw === undefined || raw === null ? '' : String(raw).trim();
  const label = question.label;
  if (value === '') {
    return question.required ? [fill(texts['problem.required'], { label })] : [];
  }
  const codes = (question.choices || []).map(c => c.code);
  switch (question.kind) {
    case 'code':
      return codes.includes(value) ? [] : [fill(texts['problem.code'], { label, value })];
    case 'list': {
      const bad = value.split(';').map(p => p.trim()).filter(p => p !== '' && !codes.includes(p));
      return bad.length ? [fill(texts['problem.code'], { label, value: bad.join('; ') })] : [];
    }
    case 'yesno':
      return value === 'yes' || value === 'no' ? [] : [fill(texts['problem.yesno'], { label })];
    case 'date':
      return validDate(value) ? [] : [fill(texts['problem.date'], { label, value })];
    case 'birthdate': {
      if (!(YEAR.test(value) || validDate(value))) return [fill(texts['problem.date'], { label, value })];
      const today = context.today;
      if (today && value.slice(0, YEAR.test(value) ? 4 : 10) > today.slice(0, YEAR.test(value) ? 4 : 10)) {
        return [fill(texts['problem.future'], { label })];
      }
      return [];
    }
    case 'number': {
      const integer = question.column === 'member_no';
      if (!(integer ? INTEGER : DECIMAL).test(value)) {
        return [fill(texts[integer ? 'problem.integer' : 'problem.number'], { label, value })];
      }
      if (question.min !== undefined && question.min !== null && Number(value) < question.min) {
        return [fill(texts['problem.min'], { label, min: question.min })];
      }
      return [];
    }
    case 'idnumber':
      if (context.original !== undefined && value === String(context.original)) return [];
      return ID_NUMBER.test(value) ? [] : [fill(texts['problem.idnumber'], { label })];
    default:
      return [];
  }
}

/**
 * Every problem of a household JSON ({household: {…}, members: [{…}]}) as [{field, member, message}], `member` the
 * index of the member (null for the household). `original` is the household JSON as downloaded (masked identity
 * numbers); `today` is 'YYYY-MM-DD'.
 */
export function validateHousehold(json, questions, texts, { today, original } = {}) {
  const problems = [];
  const household = json.household || {};
  for (const q of questions.household) {
    for (const message of checkValue(q, household[q.column], texts, { today })) {
      problems.push({ field: q.column, member: null, message });
    }
  }
  if (blank(household.income_per_capita) && blank(household.b1_score)) {
    problems.push({ field: 'income_per_capita', member: null, message: texts['problem.income'] });
  }
  const members = json.members || [];
  if (members.length === 0) {
    problems.push({ field: 'members', member: null, message: texts['problem.no-members'] });
  }
  const originals = (original && original.members) || [];
  const numbers = new Set();
  let heads = 0;
  members.forEach((member, index) => {
    const before = originals.find(o => o.member_no === member.member_no) || {};
    for (const q of questions.members) {
      for (const message of checkValue(q, member[q.column], texts, { today, original: before[q.column] })) {
        problems.push({ field: q.column, member: index, message });
      }
    }
    const no = String(member.member_no ?? '').trim();
    if (no !== '' && numbers.has(no)) {
      problems.push({ field: 'member_no', member: index, message: fill(texts['problem.member-no-twice'], { value: no }) });
    }
    numbers.add(no);
    if (member.relation === 'head') heads++;
  });
  if (members.length > 0 && heads !== 1) {
    problems.push({ field: 'relation', member: null, message: fill(texts['problem.heads'], { count: heads }) });
  }
  return problems;
}
