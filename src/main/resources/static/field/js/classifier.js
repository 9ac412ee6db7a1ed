/*
 * The poverty classifier on the device (issue 25 point 4, ADR 0012): a port of
 * vn.giamngheo.standard.rules.PovertyClassifier, IndicatorPolicies, MemberRule, RetirementAge, BirthDate and
 * ExplanationRenderer. An ES module without dependencies.
 *
 * Every number, threshold, code list and word comes from the standard document of
 * GET /api/v1/field/standards/{code} (exchange-format, "The poverty standard for the field app"), read by the
 * same parameter names as the Java rules; only the shape of the rules is written here.
 * FieldClassifierParityTest classifies hundreds of households per standard with both and requires the same status, kind, indicators and explanation lines: change both together.
 *
 * classify(standard, householdJson, referenceDate 'YYYY-MM-DD', language 'vi'|'en', options {communeArea})
 *   → {status, kind, incomeBasis, belowLine, deprivationCount, deprived, socialProtection, indicators, lines}
 *   or, when a fact the rules need is missing or unreadable (the Java classifier throws), {error: {field,
 *   memberNo, reason: 'missing'|'invalid', name, message}} (name: the fact in words, in the language).
 * Decimals are exact (BigInt), rounding as Java's: HALF_UP for the rules' divisions, HALF_EVEN when formatting.
 */

class ClassifierError extends Error {
  constructor(field, memberNo, reason, detail) {
    super(`${field} ${reason}${detail ? ': ' + detail : ''}`);
    this.field = field;
    this.memberNo = memberNo ?? null;
    this.reason = reason;
  }
}

// ---- exact decimals: {u: BigInt unscaled, s: scale ≥ 0} ------------------------------------------------------

function dec(u, s = 0) {
  return { u: BigInt(u), s };
}

function pow10(n) {
  return 10n ** BigInt(n);
}

function rescale(a, s) {
  return a.s === s ? a : dec(a.u * pow10(s - a.s), s);
}

function cmp(a, b) {
  const s = Math.max(a.s, b.s);
  const x = rescale(a, s).u;
  const y = rescale(b, s).u;
  return x < y ? -1 : x > y ? 1 : 0;
}

function mulInt(a, n) {
  return dec(a.u * BigInt(n), a.s);
}

function movePointRight(a, n) {
  return a.s >= n ? dec(a.u, a.s - n) : dec(a.u * pow10(n - a.s), 0);
}

/** a rounded to `scale` decimals; mode 'HALF_UP' or 'HALF_EVEN' (values ≥ 0). */
function round(a, scale, mode) {
  if (a.s <= scale) {
    return rescale(a, scale);
  }
  const d = pow10(a.s - scale);
  let q = a.u / d;
  const r = a.u % d;
  const twice = r * 2n;
  if (twice > d || (twice === d && (mode === 'HALF_UP' || q % 2n === 1n))) {
    q += 1n;
  }
  return dec(q, scale);
}

/** numerator / denominator (BigInt, both ≥ 0) rounded HALF_UP to a whole number. */
function divideHalfUp(numerator, denominator) {
  const q = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? q + 1n : q;
}

/** p / q (whole numbers) to `scale` decimals, HALF_UP, as BigDecimal.valueOf(p).divide(valueOf(q), scale, HALF_UP). */
function divide(p, q, scale) {
  return dec(divideHalfUp(BigInt(p) * pow10(scale), BigInt(q)), scale);
}

/** A decimal as Java's BigDecimal reads it (plain or with an exponent); null when it is none. */
function parseDecimal(text) {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
    return null;
  }
  const fraction = m[3] ?? '';
  let u = BigInt((m[2] || '0') + fraction);
  let s = fraction.length - (m[4] ? parseInt(m[4], 10) : 0);
  if (m[1] === '-') {
    u = -u;
  }
  if (s < 0) {
    u *= pow10(-s);
    s = 0;
  }
  return dec(u, s);
}

// ---- number formats (java.text.DecimalFormat, as MessageFormat uses it) -----------------------------------

function formatNumber(value, symbols, maxFraction, grouping) {
  const r = round(value, maxFraction, 'HALF_EVEN');
  const negative = r.u < 0n;
  let digits = (negative ? -r.u : r.u).toString().padStart(r.s + 1, '0');
  let integer = digits.slice(0, digits.length - r.s);
  let fraction = r.s > 0 ? digits.slice(digits.length - r.s).replace(/0+$/, '') : '';
  if (grouping) {
    integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, symbols.groupingSeparator);
  }
  const text = fraction ? integer + symbols.decimalSeparator + fraction : integer;
  return negative && (integer !== '0' || fraction) ? '-' + text : text;
}

/** {n,number,PATTERN}: the fraction digits and grouping a DecimalFormat pattern such as #,##0.## asks for. */
function patternFormat(pattern) {
  if (!/^[#,0]*0(\.[0#]+)?$/.test(pattern)) {
    throw new Error('number pattern not supported by the device: ' + pattern);
  }
  const point = pattern.indexOf('.');
  return { maxFraction: point < 0 ? 0 : pattern.length - point - 1, grouping: pattern.includes(',') };
}

// ---- messages (java.text.MessageFormat, the subset the classification bundle uses) -----------------------

/** Splits a template into literal text and {index[,number[,style]]} parts; quotes as MessageFormat reads them. */
function parseTemplate(template) {
  const parts = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === "'") {
      if (template[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < template.length) {
        if (template[j] === "'") {
          if (template[j + 1] !== "'") break;
          j++;
        }
        text += template[j];
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '{') {
      let depth = 1;
      let j = i + 1;
      while (j < template.length && depth > 0) {
        if (template[j] === '{') depth++;
        if (template[j] === '}') depth--;
        j++;
      }
      const spec = template.slice(i + 1, j - 1).split(',').map((p) => p.trim());
      const [index, type, ...style] = spec;
      parts.push(text);
      text = '';
      parts.push({ index: parseInt(index, 10), type: type || null, style: style.length ? style.join(',') : null });
      i = j;
      continue;
    }
    text += c;
    i++;
  }
  parts.push(text);
  return parts;
}

/** Message arguments: a number is {num: decimal}; a nested message {key, args}; a code; a list of codes. */
const num = (value) => ({ num: typeof value === 'object' ? value : dec(value) });
const msg = (key, ...args) => ({ key, args });
const code = (field, value) => ({ code: { field, value } });
const codeList = (field, values) => ({ codeList: { field, values } });

class Renderer {
  constructor(standard, language) {
    this.templates = standard.messages[language];
    this.symbols = standard.numberFormats[language];
    if (!this.templates || !this.symbols) {
      throw new Error('the standard has no messages in ' + language);
    }
    this.cache = new Map();
  }

  template(key) {
    const template = this.templates[key];
    if (template === undefined) {
      throw new Error('no message ' + key);
    }
    let parts = this.cache.get(key);
    if (!parts) {
      parts = parseTemplate(template);
      this.cache.set(key, parts);
    }
    return parts;
  }

  render(message) {
    const args = message.args.map((a) => this.argument(a));
    return this.template(message.key).map((part) => (typeof part === 'string' ? part : this.format(part, args[part.index])))
      .join('');
  }

  format(part, arg) {
    if (arg === undefined) {
      return '{' + part.index + '}';
    }
    if (part.type === null) {
      return arg.num ? formatNumber(arg.num, this.symbols, 3, true) : String(arg);
    }
    if (part.type !== 'number' || !arg.num) {
      throw new Error('argument ' + part.index + ' is not a number');
    }
    if (part.style === null) {
      return formatNumber(arg.num, this.symbols, 3, true);
    }
    if (part.style === 'integer') {
      return formatNumber(arg.num, this.symbols, 0, true);
    }
    const f = patternFormat(part.style);
    return formatNumber(arg.num, this.symbols, f.maxFraction, f.grouping);
  }

  argument(a) {
    if (a && a.key !== undefined) return this.render(a);
    if (a && a.code) return this.value(a.code.field, a.code.value);
    if (a && a.codeList) return this.list(a.codeList.values.map((v) => this.value(a.codeList.field, v)));
    return a;
  }

  value(field, value) {
    const key = 'classification.value.' + field + '.' + value;
    return this.templates[key] !== undefined ? this.templates[key] : value;
  }

  fieldName(field) {
    const key = 'classification.field.' + field;
    return this.templates[key] !== undefined ? this.templates[key] : field;
  }

  list(words) {
    if (words.length <= 1) {
      return words.length === 0 ? '' : words[0];
    }
    return this.render(msg('classification.list.or', words.slice(0, -1).join(', '), words[words.length - 1]));
  }
}

// ---- dates (java.time.LocalDate, BirthDate) ---------------------------------------------------------------

function isLeap(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function monthLength(y, m) {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function date(y, m, d) {
  return m >= 1 && m <= 12 && d >= 1 && d <= monthLength(y, m) ? { y, m, d } : null;
}

function compareDates(a, b) {
  return a.y !== b.y ? a.y - b.y : a.m !== b.m ? a.m - b.m : a.d - b.d;
}

/** LocalDate.plusMonths: the day is kept, or the month's last day when it is shorter. */
function plusMonths(a, months) {
  const total = a.y * 12 + (a.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return { y, m, d: Math.min(a.d, monthLength(y, m)) };
}

/** 'YYYY-MM-DD' or, as people write it, 'D/M/YYYY' (strict); null otherwise. */
function parseDate(text) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    return date(+m[1], +m[2], +m[3]);
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return m ? date(+m[3], +m[2], +m[1]) : null;
}

/** A birth date: a date, or a bare year YYYY (taken as 1 July of it). */
function parseBirthDate(text) {
  if (/^\d{4}$/.test(text)) {
    return { year: +text, assumed: { y: +text, m: 7, d: 1 } };
  }
  const d = text.includes('/') || /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDate(text) : null;
  return d ? { year: d.y, assumed: d } : null;
}

/** Completed years on the reference date (Period.between), 0 when born after it. */
function ageOn(birth, reference) {
  const b = birth.assumed;
  if (compareDates(b, reference) > 0) {
    return 0;
  }
  return reference.y - b.y - (reference.m < b.m || (reference.m === b.m && reference.d < b.d) ? 1 : 0);
}

// ---- reading the household JSON (the strings of exchange-format §1) ----------------------------------------

function fold(text) {
  return text.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/\s+/g, ' ').trim();
}

class Reader {
  constructor(standard, row, memberNo) {
    this.standard = standard;
    this.row = row || {};
    this.memberNo = memberNo;
  }

  raw(column) {
    const v = this.row[column];
    return v === undefined || v === null ? '' : String(v).trim();
  }

  invalid(column) {
    return new ClassifierError(column, this.memberNo, 'invalid', this.raw(column));
  }

  missing(column) {
    return new ClassifierError(column, this.memberNo, 'missing');
  }

  text(column) {
    const v = this.raw(column);
    const unprotected = v.length >= 2 && v[0] === "'" && "=+-@'".includes(v[1]) ? v.slice(1) : v;
    return unprotected === '' ? null : unprotected;
  }

  yesNo(column, required) {
    const v = this.raw(column);
    if (v === '') {
      if (required) throw this.missing(column);
      return null;
    }
    const folded = fold(v);
    const spellings = this.standard.yesNo;
    if (spellings.yes.some((s) => fold(s) === folded)) return true;
    if (spellings.no.some((s) => fold(s) === folded)) return false;
    throw this.invalid(column);
  }

  coded(column, required, text = this.raw(column)) {
    if (text === '') {
      if (required) throw this.missing(column);
      return null;
    }
    const values = this.standard.codeLists[column];
    const lower = text.toLowerCase();
    const folded = fold(text);
    const found = values.find((c) => c.code === text || c.code === lower)
      || values.find((c) => c.label === text || fold(c.label) === folded || fold(c.code) === folded);
    if (!found) throw new ClassifierError(column, this.memberNo, 'invalid', text);
    return found.code;
  }

  codedSet(column) {
    const found = new Set();
    for (const part of this.raw(column).split(';')) {
      if (part.trim() !== '') found.add(this.coded(column, false, part));
    }
    return found;
  }

  wholeNumber(column) {
    const v = this.raw(column);
    if (v === '') return null;
    if (!/^[+-]?\d+$/.test(v) || BigInt(v) < 0n || BigInt(v) > 9223372036854775807n) throw this.invalid(column);
    return dec(BigInt(v));
  }

  decimal(column, integerDigits) {
    const v = this.raw(column);
    if (v === '') return null;
    const d = parseDecimal(/^\d+,\d+$/.test(v) ? v.replace(',', '.') : v);
    if (!d || d.u < 0n || d.s > 10 || d.u.toString().length - d.s > integerDigits) throw this.invalid(column);
    // as the reader normalises: trailing zeros stripped, never a negative scale
    let n = d;
    while (n.s > 0 && n.u % 10n === 0n) n = dec(n.u / 10n, n.s - 1);
    return n;
  }
}

function readHousehold(standard, json) {
  const r = new Reader(standard, json && json.household, null);
  const income = r.wholeNumber('income_per_capita');
  const b1 = r.decimal('b1_score', 5);
  if (income === null && b1 === null) throw r.missing('income_per_capita');
  const floor = r.decimal('floor_area_m2', 7);
  if (floor === null) throw r.missing('floor_area_m2');
  const reference = r.raw('reference_date');
  const household = {
    code: r.text('household_code'),
    area: r.coded('area', false),
    referenceDate: reference === '' ? null : parseDate(reference),
    income, b1,
    housingQuality: r.coded('housing_quality', true),
    floor,
    waterSource: r.coded('water_source', true),
    toilet: r.coded('toilet', true),
    internetUse: r.yesNo('internet_use', true),
    telephoneUse: r.yesNo('telephone_use', false),
    infoDevices: r.codedSet('info_devices'),
    loudspeakerReach: r.yesNo('loudspeaker_reach', false),
    wasteTreatment: r.yesNo('waste_treatment', false),
    socialProtection: r.yesNo('social_protection', false),
  };
  if (reference !== '' && household.referenceDate === null) throw r.invalid('reference_date');
  const members = ((json && json.members) || []).map((row) => {
    const m = new Reader(standard, row, null);
    const no = m.wholeNumberSigned('member_no');
    m.memberNo = no;
    const birth = m.raw('birth_date');
    if (birth === '') throw m.missing('birth_date');
    const birthDate = parseBirthDate(birth);
    if (!birthDate) throw m.invalid('birth_date');
    const fullName = m.text('full_name');
    if (fullName === null) throw m.missing('full_name');
    return {
      memberNo: no, fullName, birthDate,
      sex: m.coded('sex', true),
      employment: m.coded('employment', true),
      workingCapacity: m.yesNo('working_capacity', true),
      disability: m.coded('disability', false),
      healthInsurance: m.yesNo('health_insurance', true),
      malnourished: m.yesNo('malnourished', false),
      education: m.coded('education', true),
      inSchool: m.yesNo('in_school', true),
      schoolLevelAppropriate: m.yesNo('school_level_appropriate', false),
      sickUntreated: m.yesNo('sick_untreated', false),
    };
  });
  members.sort((a, b) => a.memberNo - b.memberNo);
  return { household, members };
}

Reader.prototype.wholeNumberSigned = function wholeNumberSigned(column) {
  const v = this.raw(column);
  if (v === '') throw this.missing(column);
  if (!/^[+-]?\d+$/.test(v) || +v < 1 || +v > 99) throw this.invalid(column);
  return +v;
};

// ---- the rules (IndicatorPolicies, MemberRule, RetirementAge) ---------------------------------------------

class Facts {
  constructor(standard, data, reference) {
    this.standard = standard;
    this.household = data.household;
    this.members = data.members;
    this.reference = reference;
  }

  require(name) {
    const value = this.standard.parameters[name];
    if (value === undefined || value === null) {
      throw new ClassifierError(name, null, 'parameter', 'standard ' + this.standard.code + ' has no parameter ' + name);
    }
    return String(value);
  }

  has(name) {
    return this.standard.parameters[name] !== undefined && this.standard.parameters[name] !== null;
  }

  int(name) {
    const v = this.require(name).trim();
    if (!/^[+-]?\d+$/.test(v)) throw new ClassifierError(name, null, 'parameter', 'not a whole number: ' + v);
    return parseInt(v, 10);
  }

  decimal(name) {
    const d = parseDecimal(this.require(name).trim());
    if (!d) throw new ClassifierError(name, null, 'parameter', 'not a number');
    return d;
  }

  long(name) {
    return dec(BigInt(this.require(name).trim()));
  }

  bool(name) {
    return this.require(name).trim().toLowerCase() === 'yes';
  }

  list(name) {
    const v = this.require(name);
    return v.trim() === '' ? [] : v.split(';').map((s) => s.trim());
  }

  age(member) {
    return ageOn(member.birthDate, this.reference);
  }

  retirementMonths(sex, year) {
    const prefix = 'retirement_' + sex + '_';
    if (year < this.int('retirement_reform_year')) {
      return this.int(prefix + 'before_months');
    }
    const base = this.int(prefix + 'base_months');
    const step = this.int(prefix + 'step_months');
    const max = this.int(prefix + 'max_months');
    return Math.min(max, base + step * (year - this.int('retirement_reform_year')));
  }

  reachedRetirementAge(member) {
    const months = this.retirementMonths(member.sex, this.reference.y);
    return compareDates(plusMonths(member.birthDate.assumed, months), this.reference) <= 0;
  }

  isWorkingAge(member) {
    return this.age(member) >= this.int('working_age_min') && !this.reachedRetirementAge(member);
  }

  required(member, value, field) {
    if (value === null || value === undefined) {
      throw new ClassifierError(field, member.memberNo, 'missing');
    }
    return value;
  }

  missing(field) {
    return new ClassifierError(field, null, 'missing');
  }
}

function assessMembers(indicator, f, cutOff, inScope, deprived, fact) {
  let count = 0;
  for (const m of f.members) {
    if (!inScope(m)) continue;
    count++;
    if (deprived(m)) {
      return { indicator, deprived: true, evidence: msg('classification.evidence.member', num(m.memberNo), m.fullName,
        num(f.age(m)), fact(m), cutOff) };
    }
  }
  return { indicator, deprived: false, evidence: count === 0
    ? msg('classification.evidence.no-member-in-scope', cutOff)
    : msg('classification.evidence.no-member', num(count), cutOff) };
}

function informationDevices(indicator) {
  return (f) => {
    const counted = f.list('information_devices_counted');
    const order = f.standard.codeLists.info_devices.map((c) => c.code);
    const device = order.find((c) => f.household.infoDevices.has(c) && counted.includes(c));
    if (device !== undefined) {
      return { indicator, deprived: false, evidence: msg('classification.evidence.information_devices.device',
        code('info_devices', device)) };
    }
    const loudspeaker = f.household.loudspeakerReach;
    if (loudspeaker === null) throw f.missing('loudspeaker_reach');
    return { indicator, deprived: !loudspeaker, evidence: msg(loudspeaker
      ? 'classification.evidence.information_devices.loudspeaker'
      : 'classification.evidence.information_devices.none', codeList('info_devices', counted)) };
  };
}

const education = (m) => msg('classification.fact.education', code('education', m.education));

const POLICIES = {
  employment(f) {
    return assessMembers('employment', f, msg('classification.cutoff.employment', num(f.int('working_age_min'))),
      (m) => f.isWorkingAge(m), (m) => m.employment === 'unemployed' || m.employment === 'wage_no_contract',
      (m) => code('employment', m.employment));
  },
  dependants(f) {
    const childUnder = f.int('dependant_child_age_under');
    const disabilities = f.list('dependant_disabilities');
    const count = f.members.filter((m) => f.age(m) < childUnder || f.reachedRetirementAge(m) || !m.workingCapacity
      || (m.disability !== null && disabilities.includes(m.disability))).length;
    const members = f.members.length;
    const share = members === 0 ? dec(0) : divide(count, members, 4);
    const max = f.decimal('dependants_share_max');
    return { indicator: 'dependants', deprived: cmp(share, max) > 0, evidence: msg('classification.evidence.dependants',
      num(count), num(members), msg('classification.cutoff.dependants', num(movePointRight(max, 2)), num(childUnder))) };
  },
  nutrition(f) {
    const under = f.int('nutrition_child_age_under');
    return assessMembers('nutrition', f, msg('classification.cutoff.nutrition', num(under)), (m) => f.age(m) < under,
      (m) => f.required(m, m.malnourished, 'malnourished'), () => msg('classification.fact.malnourished'));
  },
  health_insurance(f) {
    const minAge = f.int('health_insurance_min_age');
    return assessMembers('health_insurance', f, msg('classification.cutoff.health_insurance', num(minAge)),
      (m) => f.age(m) >= minAge, (m) => !m.healthInsurance, () => msg('classification.fact.no-health-insurance'));
  },
  health_care_access(f) {
    return assessMembers('health_care_access', f, msg('classification.cutoff.health_care_access'), () => true,
      (m) => f.required(m, m.sickUntreated, 'sick_untreated'), () => msg('classification.fact.sick-untreated'));
  },
  adult_education(f) {
    const minAge = f.int('adult_education_min_age');
    const accepted = f.list('adult_education_accepted');
    if (f.has('adult_education_born_from')) {
      const year = f.int('adult_education_born_from');
      return assessMembers('adult_education', f, msg('classification.cutoff.adult_education_qd59', num(minAge),
        String(year)), (m) => f.age(m) >= minAge && m.birthDate.year >= year,
      (m) => !m.inSchool && !accepted.includes(m.education), education);
    }
    const maxAge = f.int('adult_education_max_age');
    const olderFrom = f.int('adult_education_older_from_age');
    const acceptedYounger = f.list('adult_education_accepted_younger');
    return assessMembers('adult_education', f, msg('classification.cutoff.adult_education', num(minAge),
      num(olderFrom), num(maxAge)), (m) => f.age(m) >= minAge && f.age(m) <= maxAge,
    (m) => !m.inSchool && !(f.age(m) < olderFrom ? acceptedYounger : accepted).includes(m.education), education);
  },
  child_schooling(f) {
    const minAge = f.int('child_schooling_min_age');
    const under = f.int('child_schooling_age_under');
    const level = f.bool('child_schooling_requires_level');
    return assessMembers('child_schooling', f, msg(level ? 'classification.cutoff.child_schooling_level'
      : 'classification.cutoff.child_schooling', num(minAge), num(under)),
    (m) => f.age(m) >= minAge && f.age(m) < under,
    (m) => !m.inSchool || (level && !f.required(m, m.schoolLevelAppropriate, 'school_level_appropriate')),
    (m) => msg(!m.inSchool ? 'classification.fact.not-in-school' : 'classification.fact.school-level-inappropriate'));
  },
  housing_quality(f) {
    const deprivedKinds = f.list('deprived_housing');
    const value = f.household.housingQuality;
    return { indicator: 'housing_quality', deprived: deprivedKinds.includes(value), evidence: msg(
      'classification.evidence.housing_quality', code('housing_quality', value),
      msg('classification.cutoff.housing_quality', codeList('housing_quality', deprivedKinds))) };
  },
  housing_area(f) {
    const min = f.decimal('floor_area_per_person_min');
    const floor = f.household.floor;
    const size = f.members.length;
    const perPerson = size === 0 ? floor : divideDecimal(floor, size, 2);
    return { indicator: 'housing_area', deprived: cmp(floor, mulInt(min, size)) < 0, evidence: msg(
      'classification.evidence.housing_area', num(perPerson), msg('classification.cutoff.housing_area', num(min))) };
  },
  water_source(f) {
    const clean = f.list('clean_water_sources');
    const value = f.household.waterSource;
    return { indicator: 'water_source', deprived: !clean.includes(value), evidence: msg(
      'classification.evidence.water_source', code('water_source', value),
      msg('classification.cutoff.water_source', codeList('water_source', clean))) };
  },
  sanitation(f) {
    const hygienic = f.list('hygienic_toilets');
    const toilet = f.household.toilet;
    const cutOff = msg('classification.cutoff.sanitation', codeList('toilet', hygienic));
    return { indicator: 'sanitation', deprived: !hygienic.includes(toilet), evidence: toilet === 'none'
      ? msg('classification.evidence.sanitation-none', cutOff)
      : msg('classification.evidence.sanitation', code('toilet', toilet), cutOff) };
  },
  telecom_use(f) {
    const internet = f.household.internetUse;
    if (!f.bool('telecom_counts_telephone')) {
      return { indicator: 'telecom_use', deprived: !internet, evidence: msg(internet
        ? 'classification.evidence.telecom_use.internet' : 'classification.evidence.telecom_use.none') };
    }
    const phone = f.household.telephoneUse;
    if (!internet && phone === null) throw f.missing('telephone_use');
    return { indicator: 'telecom_use', deprived: !internet && !phone, evidence: msg(internet
      ? 'classification.evidence.telecom_use.internet' : phone ? 'classification.evidence.telecom_use.phone'
        : 'classification.evidence.telecom_use.none-with-phone') };
  },
  information_devices: informationDevices('information_devices'),
  information_assets: informationDevices('information_assets'),
  waste_treatment(f) {
    const treated = f.household.wasteTreatment;
    if (treated === null) throw f.missing('waste_treatment');
    return { indicator: 'waste_treatment', deprived: !treated, evidence: msg(treated
      ? 'classification.evidence.waste_treatment.treated' : 'classification.evidence.waste_treatment.untreated') };
  },
};

/** a / n to `scale` decimals, HALF_UP (BigDecimal.divide(BigDecimal.valueOf(n), scale, HALF_UP)). */
function divideDecimal(a, n, scale) {
  return dec(divideHalfUp(a.u * pow10(scale), pow10(a.s) * BigInt(n)), scale);
}

// ---- the classifier (PovertyClassifier) -----------------------------------------------------------------

function decide(standard, data, reference, communeArea) {
  const f = new Facts(standard, data, reference);
  const h = data.household;
  const area = h.area ?? communeArea ?? null;
  if (area === null) throw new ClassifierError('area', null, 'missing');
  const results = [];
  for (const indicator of f.list('indicators')) {
    const policy = POLICIES[indicator];
    if (!policy) throw new ClassifierError(indicator, null, 'rule', 'no rule for indicator ' + indicator);
    results.push(policy(f));
  }
  const deprived = results.filter((r) => r.deprived).map((r) => r.indicator);
  const count = deprived.length;
  const threshold = f.int('deprivation_threshold');
  const codes = standard.codes;
  const reasons = [];
  const areaName = msg('classification.area.' + area);
  let basis;
  let below;
  if (h.income !== null) {
    basis = codes.incomeBasis.INCOME;
    const line = f.long('income_line_' + area);
    below = cmp(h.income, line) <= 0;
    reasons.push(msg(below ? 'classification.reason.income-at-or-below-line' : 'classification.reason.income-above-line',
      num(h.income), areaName, num(line)));
  } else {
    basis = codes.incomeBasis.B1_SCORE;
    const threshold1 = f.decimal('b1_threshold_' + area);
    below = cmp(h.b1, threshold1) <= 0;
    reasons.push(msg(below ? 'classification.reason.b1-at-or-below-threshold' : 'classification.reason.b1-above-threshold',
      num(h.b1), areaName, num(threshold1)));
  }
  reasons.push(msg('classification.reason.deprivation-count', num(count), num(results.length), num(threshold)));
  for (const r of results) {
    if (r.deprived) {
      reasons.push(msg('classification.reason.deprived', msg('classification.indicator.' + r.indicator), r.evidence));
    }
  }
  let status;
  let kind = null;
  const upper = f.has('upper_line_' + area) ? f.long('upper_line_' + area) : null;
  const twoPath = f.require('rule_shape') === 'two_path';
  const byIncome = basis === codes.incomeBasis.INCOME;
  if (below) {
    if (twoPath) {
      status = codes.status.POOR;
      kind = codes.poorKind.INCOME_POOR;
      reasons.push(msg('classification.rule.qd59-income-poor'));
    } else {
      status = count >= threshold ? codes.status.POOR : codes.status.NEAR_POOR;
      reasons.push(msg(count >= threshold ? 'classification.rule.gate-poor' : 'classification.rule.gate-near-poor',
        num(threshold)));
    }
  } else if (twoPath && byIncome && upper !== null && cmp(h.income, upper) <= 0) {
    reasons.push(msg('classification.reason.income-in-upper-band', num(h.income), num(upper)));
    if (count >= threshold) {
      status = codes.status.POOR;
      kind = codes.poorKind.DEPRIVATION_POOR;
      reasons.push(msg('classification.rule.qd59-deprivation-poor', num(threshold)));
    } else {
      status = codes.status.NEAR_POOR;
      reasons.push(msg('classification.rule.qd59-near-poor', num(threshold)));
    }
  } else if (byIncome && f.has('average_lower_' + area) && f.has('average_upper_' + area)
      && cmp(h.income, f.long('average_lower_' + area)) > 0 && cmp(h.income, f.long('average_upper_' + area)) <= 0) {
    status = codes.status.AVERAGE;
    reasons.push(msg('classification.rule.average', num(f.long('average_lower_' + area)),
      num(f.long('average_upper_' + area))));
  } else {
    status = codes.status.NOT_POOR;
    reasons.push(msg('classification.rule.above-line'));
  }
  let socialProtection = false;
  if (status === codes.status.POOR) {
    if (h.socialProtection !== null) {
      socialProtection = h.socialProtection;
      reasons.push(msg(socialProtection ? 'classification.reason.social-protection-recorded'
        : 'classification.reason.no-social-protection-recorded'));
    } else {
      socialProtection = !data.members.some((m) => m.workingCapacity && f.isWorkingAge(m));
      if (socialProtection) reasons.push(msg('classification.reason.social-protection-derived'));
    }
  }
  reasons.push(msg('classification.reason.standard', f.has('title') ? f.require('title') : standard.code,
    f.has('version') ? f.require('version') : '1'));
  return { status, kind, area, incomeBasis: basis, belowLine: below, deprivationCount: count, deprived,
    socialProtection, results, reasons };
}

/**
 * Classifies a household (the JSON of the field app's contract) under a standard document on a reference date,
 * and explains it in the language. The household's own reference_date, when given, wins, as on the server.
 */
export function classify(standard, householdJson, referenceDate, language = 'vi', options = {}) {
  const renderer = new Renderer(standard, language);
  try {
    const reference = parseDate(String(referenceDate ?? ''));
    if (!reference) throw new ClassifierError('reference_date', null, 'invalid', String(referenceDate));
    const data = readHousehold(standard, householdJson);
    const d = decide(standard, data, data.household.referenceDate ?? reference, options.communeArea ?? null);
    return {
      status: d.status,
      kind: d.kind,
      area: d.area,
      incomeBasis: d.incomeBasis,
      belowLine: d.belowLine,
      deprivationCount: d.deprivationCount,
      deprived: d.deprived,
      socialProtection: d.socialProtection,
      indicators: d.results.map((r) => ({ code: r.indicator, deprived: r.deprived, evidence: renderer.render(r.evidence) })),
      lines: d.reasons.map((m) => renderer.render(m)),
    };
  } catch (e) {
    if (!(e instanceof ClassifierError)) throw e;
    const name = renderer.fieldName(e.field);
    return { error: { field: e.field, memberNo: e.memberNo, reason: e.reason, name, message: e.message } };
  }
}

/** For tests and the app: what the module does with numbers and templates, without a household. */
export const internals = { parseDecimal, formatNumber, parseTemplate, divide, divideDecimal, round, ageOn, plusMonths,
  parseBirthDate, parseDate, fold };
