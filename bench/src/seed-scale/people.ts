import {
  addWorkingDays,
  addYtd,
  advanceFirstInstalment,
  buildClaimSettleRequest,
  CATEGORY_LABELS,
  categoriesOn,
  createEmptyYtd,
  DEFAULT_CALENDAR,
  DEFAULT_REFERRAL_VALIDITY_DAYS,
  formatRegistrationNo,
  formatYuan,
  isReferralRequired,
  listSpecialDiseases,
  locateHospital,
  makeIdNumber,
  maskBankAccount,
  maskIdNumber,
  MATERIAL_ITEMS,
  MATERIAL_LABELS,
  offsiteCoversRegion,
  OFFSITE_TYPE_LABELS,
  payableToPatient,
  PROFILE_CATEGORIES,
  PROFILES,
  referralValidUntil,
  settle,
  sortCategories,
  type TCategoryId,
  type TLocation,
  type TReimbursementStatus,
  type TSettleRequest,
  type TSettleResult,
  type TVisitType,
  type TYtd,
} from '@portal/rules';
import { makeAddress, makeName, SOURCE_OF } from '@portal/db/seed';
import type { Sink } from './copy.js';
import { chinaTimestamp, dayOf, isoOf, weekdayOf } from './dates.js';
import type { Rng } from './random.js';
import { T } from './tables.js';
import type { County, Hospital, User, World } from './world.js';

const DIAGNOSES: Record<TVisitType, readonly string[]> = {
  inpatient: [
    '肺炎',
    '高血压病3级（极高危）',
    '2型糖尿病伴并发症',
    '脑梗死',
    '慢性阻塞性肺疾病急性加重',
    '冠状动脉粥样硬化性心脏病',
    '股骨颈骨折',
    '急性阑尾炎',
    '胆囊结石伴慢性胆囊炎',
    '子宫平滑肌瘤',
    '肺恶性肿瘤',
    '胃恶性肿瘤',
    '慢性肾脏病5期',
    '腰椎间盘突出症',
    '白内障',
    '支气管哮喘',
    '心力衰竭',
    '脑出血',
  ],
  chronic_outpatient: [
    '高血压病',
    '2型糖尿病',
    '慢性阻塞性肺疾病',
    '精神分裂症',
    '尿毒症（血液透析）',
    '恶性肿瘤放化疗',
    '冠心病',
    '类风湿关节炎',
  ],
  outpatient: ['上呼吸道感染', '急性胃肠炎', '腰背痛', '湿疹', '龋齿', '结膜炎', '头晕待查', '失眠'],
};

const NOT_ENROLLED: { reason: string; selfResolving: boolean }[] = [
  { reason: 'military', selfResolving: true },
  { reason: 'school', selfResolving: false },
  { reason: 'enrolled_elsewhere', selfResolving: true },
  { reason: 'employee_insurance', selfResolving: true },
  { reason: 'refused', selfResolving: false },
  { reason: 'missing', selfResolving: false },
  { reason: 'other', selfResolving: false },
];

const OFFSITE_PROVINCES = [
  ['330000', '浙江省'],
  ['320000', '江苏省'],
  ['350000', '福建省'],
  ['310000', '上海市'],
] as const;
const OFFSITE_TYPES = ['migrant_work', 'long_term_residence', 'relocation', 'temporary_visit'] as const;
const OFFSITE_DOCUMENTS = {
  migrant_work: '务工证明',
  long_term_residence: '居住证',
  relocation: '户口迁移证明',
  temporary_visit: '转诊证明',
};

const STEPS = [
  { action: 'register', from: 'registration', to: 'investigation', note: '病案登记录入' },
  { action: 'investigate', from: 'investigation', to: 'first_review', note: '病案调查核实' },
  { action: 'first_review', from: 'first_review', to: 'second_review', note: '初审通过' },
  { action: 'second_review', from: 'second_review', to: 'payment', note: '复核通过' },
  { action: 'pay', from: 'payment', to: 'paid', note: '' },
] as const;

interface Fact {
  category: string;
  startDate: string;
  endDate: string | null;
}

interface Referral {
  id: string;
  hospitalId: string;
  issue: number;
  until: number;
  label: string;
}

interface Offsite {
  id: string;
  provinceCode: string;
  cityCode: string | null;
  start: number;
  end: number;
  label: string;
}

interface Person {
  id: string;
  name: string;
  idNumber: string;
  county: County;
  regionPath: string;
  birth: number;
  facts: Fact[];
  /** Enrolled years → the enrollment day. */
  enrolled: Map<number, number>;
  referrals: Referral[];
  /** Every referral's validity, whatever its destination (a new one may not overlap). */
  offsite: Offsite | null;
  bankAccount: string;
}

interface CasePlan {
  id: string;
  kind: 'non_networked' | 'offsite_networked';
  received: number;
  complete: number | null;
  status: TReimbursementStatus;
  /** Day each step was done, in STEPS order (as far as the case got). */
  stepDays: number[];
  hold: { kind: 'special' | 'doubtful'; from: number; to: number | null; reason: string; afterStep: number } | null;
  missing: string[];
}

interface Visit {
  type: TVisitType;
  year: number;
  adm: number;
  dis: number;
  hospital: Hospital;
  location: TLocation;
  diagnosis: string;
  specialDisease: string | null;
  total: number;
  inScope: number;
  specialDrug: number;
  referred: boolean;
  offsiteRegistered: boolean;
  referralSource: 'registry' | 'override' | 'none' | 'not_required';
  referralId: string | null;
  referralNote: string | null;
  overrideId: string | null;
  /** When the settlement happens (minutes since 1970 in China time): claim entry, payment or 初审. */
  at: number;
  case: CasePlan | null;
}

export interface PeopleOptions {
  persons: number;
  claims: number;
  until: number;
  firstYear: number;
  lastYear: number;
  /** ID numbers already in the database (append). */
  existingIds: Set<string>;
  seq: {
    claim: number;
    case: number;
    advance: number;
    referral: Map<number, number>;
    offsite: Map<number, number>;
    householdByCounty: number[];
  };
  progress: (done: number, claims: number) => void;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Generates households, persons, their dated categories, enrollment records, visits (claims with
 * lines settled by the rules package on running accumulators, referrals, reimbursement cases,
 * reversals) and the audit rows of each write, streaming them into the sink. Counts are exact:
 * `persons` people and `claims` settled claims (status `settled`), spread by a skewed weight
 * (40 % of people have no claim in the years, a sixth are chronic patients with many).
 */
export class PeopleGenerator {
  private readonly rng: Rng;
  private readonly countyCumulative: number[];
  private readonly idCounters = new Map<number, number>();
  /** Sums of what hospitals advanced (one-stop claims) per county, hospital and month. */
  readonly advanceSums = new Map<
    string,
    { county: County; hospital: Hospital; month: number; basic: number; critical: number; assistance: number }
  >();
  /** A sample of each county's persons for the list batches. */
  readonly samples: { name: string; idNumber: string; category: string; startDate: string }[][];
  readonly counts = { persons: 0, settled: 0, reversed: 0, cases: 0 };
  private carry = 0;

  constructor(
    rng: Rng,
    private readonly world: World,
    private readonly sink: Sink,
    private readonly o: PeopleOptions,
  ) {
    this.rng = rng;
    let sum = 0;
    this.countyCumulative = world.counties.map((c) => (sum += c.weight));
    this.samples = world.counties.map(() => []);
  }

  async run(): Promise<void> {
    const { persons: N, claims: M } = this.o;
    // Claim weights first, from their own stream: the allocation below gives exactly M claims.
    const wr = this.rng.fork(7);
    const weights = new Float32Array(N);
    let total = 0;
    for (let i = 0; i < N; i++) {
      const r = wr.next();
      const w = r < 0.4 ? 0 : r < 0.85 ? -Math.log(1 - wr.next()) : wr.logNormal(6, 0.5);
      weights[i] = w;
      total += w;
    }
    let prefix = 0;
    let allocated = 0;
    let i = 0;
    while (i < N) {
      const county = this.world.counties[this.rng.pickWeighted(this.countyCumulative)]!;
      const size = Math.min(N - i, this.householdSize());
      const claimsOf: number[] = [];
      const chronic: boolean[] = [];
      for (let m = 0; m < size; m++) {
        prefix += weights[i + m]!;
        const upTo = total > 0 ? Math.floor((M * prefix) / total) : 0;
        claimsOf.push(upTo - allocated);
        allocated = upTo;
        chronic.push(weights[i + m]! >= 3);
      }
      if (i + size === N) claimsOf[size - 1]! += M - allocated;
      this.household(county, claimsOf, chronic);
      i += size;
      if (this.sink) await this.sink.drain();
      this.o.progress(i, this.counts.settled);
    }
  }

  private householdSize() {
    const r = this.rng.next();
    return r < 0.18 ? 1 : r < 0.42 ? 2 : r < 0.64 ? 3 : r < 0.83 ? 4 : r < 0.94 ? 5 : 6;
  }

  private audit(
    day: number,
    minute: number,
    user: User,
    action: string,
    entity: string,
    entityId: string,
    regionPath: string,
    after: unknown,
  ) {
    this.sink.write(T.audit, [
      this.rng.uuid(),
      chinaTimestamp(day, minute, this.rng.int(0, 59)),
      user.id,
      user.username,
      action,
      entity,
      entityId,
      regionPath,
      null,
      after,
      `10.${this.rng.int(10, 60)}.${this.rng.int(1, 4)}.${this.rng.int(10, 250)}`,
    ]);
  }

  private clerk(county: County) {
    return this.rng.pick(county.clerks);
  }

  private officeMinute() {
    return this.rng.int(8 * 60 + 30, 17 * 60 + 30);
  }

  /** A working day on or after `day` (weekends skipped). */
  private weekday(day: number) {
    let d = day;
    while (weekdayOf(d) === 0 || weekdayOf(d) === 6) d++;
    return d;
  }

  private addWorking(day: number, n: number) {
    try {
      return dayOf(addWorkingDays(DEFAULT_CALENDAR, isoOf(day), n));
    } catch {
      let d = day;
      for (let k = 0; k < n; d++) if (weekdayOf(d + 1) !== 0 && weekdayOf(d + 1) !== 6) k++;
      return d;
    }
  }

  private idNumber(county: County, birth: number, male: boolean): { idNumber: string; birth: number } {
    for (let b = birth; ; b++) {
      const key = county.index * 100_000 + b;
      let next = this.idCounters.get(key) ?? this.rng.int(0, 60) * 2;
      for (; next <= 998; next += 2 * this.rng.int(1, 3)) {
        const sequence = male ? next + 1 : next;
        const idNumber = makeIdNumber(county.unit.code, isoOf(b), sequence);
        if (this.o.existingIds.has(idNumber)) continue;
        this.idCounters.set(key, next + 2);
        return { idNumber, birth: b };
      }
      this.idCounters.set(key, 1000);
    }
  }

  /** The household's identification (建档立卡 is by household): a main category, sometimes a second, some ended. */
  private householdFacts(county: County): (Fact & { document: string })[] {
    const profile = county.profile;
    const allowed = PROFILE_CATEGORIES[profile].filter((c) => c !== 'ordinary');
    const from = dayOf('2014-01-01');
    const to = dayOf(`${this.o.lastYear}-06-30`);
    // Most households were identified years ago, a few in each year since; lists date from the 1st.
    const startOf = () => isoOf(from + Math.floor(this.rng.next() ** 1.8 * (to - from))).slice(0, 8) + '01';
    const main = allowed[0] === 'registered_poor' && this.rng.chance(0.55) ? 'registered_poor' : this.rng.pick(allowed);
    const start = startOf();
    const facts: (Fact & { document: string })[] = [];
    const ended = this.rng.chance(0.08);
    const endDay = dayOf(start) + this.rng.int(200, 2000);
    facts.push({
      category: main,
      startDate: start,
      endDate: ended && endDay < this.o.until - 30 ? isoOf(endDay) : null,
      document: `${start.slice(0, 4)}年第${this.rng.int(1, 12)}批名单`,
    });
    if (this.rng.chance(0.25)) {
      const second = this.rng.pick(allowed);
      if (second !== main) {
        const s = startOf();
        const e = dayOf(s) + this.rng.int(180, 1500);
        facts.push({
          category: second,
          startDate: s,
          endDate: this.rng.chance(0.35) && e < this.o.until - 30 ? isoOf(e) : null,
          document: `${s.slice(0, 4)}年比对名单`,
        });
      }
    }
    return facts;
  }

  private household(county: County, claimsOf: number[], chronic: boolean[]) {
    const rng = this.rng;
    const hh = rng.uuid();
    const seq = ++this.o.seq.householdByCounty[county.index]!;
    const townIndex = rng.int(0, county.townships.length - 1);
    const place = makeAddress(rng, county.unit.name);
    const address = `${county.unit.name}${county.townships[townIndex]}${place.village}${rng.int(1, 12)}组${rng.int(1, 99)}号`;
    const townshipCode = `${county.unit.code}${pad(townIndex * 2 + 100, 3)}`;
    const villageCode = `${townshipCode}${pad(rng.int(1, 30) + 200, 3)}`;
    const facts = this.householdFacts(county);
    const registered = Math.min(...facts.map((f) => dayOf(f.startDate)));
    const createdDay = Math.max(dayOf('2019-03-01'), Math.min(registered + rng.int(0, 60), dayOf(`${this.o.firstYear - 1}-08-31`)));
    const createdAt = chinaTimestamp(createdDay, this.officeMinute());
    const clerk = this.clerk(county);
    const rural = rng.chance(0.86);
    let headId: string | null = null;
    let surname = '';
    let headMale = true;
    const members: Person[] = [];
    for (let m = 0; m < claimsOf.length; m++) {
      const male: boolean = m === 0 ? rng.chance(0.7) : m === 1 ? !headMale : rng.chance(0.5);
      const birthYear =
        m === 0 ? rng.int(1945, 1985) : m === 1 ? rng.int(1946, 1988) : m === 5 ? rng.int(1930, 1950) : rng.int(1975, this.o.firstYear - 1);
      const { idNumber, birth } = this.idNumber(county, dayOf(`${birthYear}-01-01`) + rng.int(0, 364), male);
      if (m === 0) headMale = male;
      let name = makeName(rng, male ? 'male' : 'female');
      if (m === 0) surname = name.slice(0, 1);
      else if (m >= 2 && m !== 5) name = surname + name.slice(1);
      const id = rng.uuid();
      headId ??= id;
      const relationship =
        m === 0
          ? '户主'
          : m === 1
            ? '配偶'
            : m === 5
              ? male
                ? '父亲'
                : '母亲'
              : male
                ? rng.pick(['子', '孙子'])
                : rng.pick(['女', '孙女']);
      const isHead = m === 0;
      const bankAccount = `6217${rng.digits(15)}`;
      const person: Person = {
        id,
        name,
        idNumber,
        county,
        regionPath: county.unit.path,
        birth,
        facts: facts.map(({ document: _d, ...f }) => f),
        enrolled: new Map(),
        referrals: [],
        offsite: null,
        bankAccount,
      };
      members.push(person);
      this.sink.write(T.persons, [
        id,
        name,
        idNumber,
        male ? 'male' : 'female',
        isoOf(birth),
        rural ? 'rural' : 'urban',
        address,
        county.unit.id,
        county.unit.path,
        townshipCode,
        villageCode,
        isHead || rng.chance(0.3) ? `1${rng.pick(['3', '5', '8', '9'])}${rng.digits(9)}` : null,
        isHead ? bankAccount : null,
        isHead ? rng.pick(['农村信用社', '中国农业银行', '中国邮政储蓄银行', '中国建设银行']) : null,
        `${county.unit.code}${rng.digits(8)}`,
        hh,
        relationship,
        createdAt,
        createdAt,
      ]);
      this.audit(createdDay, this.officeMinute(), clerk, 'person.create', 'person', id, county.unit.path, {
        name,
        idNumber: maskIdNumber(idNumber),
        relationship,
      });
      for (const f of facts) {
        this.sink.write(T.personCategories, [
          rng.uuid(),
          id,
          f.category,
          f.startDate,
          f.endDate,
          SOURCE_OF[f.category as TCategoryId] ?? 'civil_affairs',
          f.document,
          createdAt,
        ]);
      }
      const sample = this.samples[county.index]!;
      if (sample.length < 400 && rng.chance(0.05))
        sample.push({ name, idNumber, category: facts[0]!.category, startDate: facts[0]!.startDate });
      this.enrollments(person, clerk);
      if (rng.chance(0.012)) this.offsite(person, clerk);
      this.counts.persons++;
    }
    this.sink.write(T.households, [
      hh,
      `${county.unit.code}${pad(seq, 6)}`,
      county.unit.id,
      county.unit.path,
      address,
      headId,
      createdAt,
      createdAt,
    ]);
    this.audit(createdDay, this.officeMinute(), clerk, 'household.create', 'household', hh, county.unit.path, {
      address,
      members: members.length,
    });
    for (let m = 0; m < members.length; m++) {
      const k = claimsOf[m]! + this.carry;
      this.carry = 0;
      this.visits(members[m]!, k, chronic[m]!);
    }
  }

  private enrollments(p: Person, clerk: User) {
    const rng = this.rng;
    for (let year = this.o.firstYear; year <= this.o.lastYear; year++) {
      const enrolled = rng.chance(0.975);
      const id = rng.uuid();
      const decided = dayOf(`${year - 1}-09-01`) + rng.int(0, 110);
      const at = chinaTimestamp(decided, this.officeMinute());
      if (enrolled) {
        const tier = p.county.profile === 'weihai-2019' && rng.chance(0.3) ? 2 : 1;
        const commercial = rng.chance(0.15);
        p.enrolled.set(year, decided);
        this.sink.write(T.enrollments, [
          id,
          p.id,
          p.regionPath,
          year,
          true,
          true,
          tier,
          isoOf(decided),
          commercial,
          null,
          null,
          null,
          null,
          null,
          null,
          clerk.id,
          at,
          at,
        ]);
        this.audit(decided, this.officeMinute(), clerk, 'enrollment.create', 'enrollment', id, p.regionPath, {
          year,
          basicEnrolled: true,
          criticalEnrolled: true,
          premiumTier: tier,
          enrolledOn: isoOf(decided),
          commercialSupplementary: commercial,
        });
      } else {
        const r = rng.pick(NOT_ENROLLED);
        const deadline = r.selfResolving ? null : `${year}-03-31`;
        const resolved = !r.selfResolving && year < this.o.lastYear && rng.chance(0.7);
        const resolvedDay = dayOf(`${year}-02-01`) + rng.int(0, 50);
        this.sink.write(T.enrollments, [
          id,
          p.id,
          p.regionPath,
          year,
          false,
          false,
          null,
          null,
          false,
          r.reason,
          deadline,
          resolved ? chinaTimestamp(resolvedDay, this.officeMinute()) : null,
          resolved ? clerk.id : null,
          resolved ? '已动员参保，补缴完成' : null,
          null,
          clerk.id,
          at,
          at,
        ]);
        this.audit(decided, this.officeMinute(), clerk, 'enrollment.create', 'enrollment', id, p.regionPath, {
          year,
          basicEnrolled: false,
          notEnrolledReason: r.reason,
          resolutionDeadline: deadline,
        });
      }
    }
  }

  private offsite(p: Person, clerk: User) {
    const rng = this.rng;
    const weihai = p.county.profile === 'weihai-2019';
    const [provinceCode, provinceName] = weihai && rng.chance(0.5) ? (['110000', '北京市'] as const) : rng.pick(OFFSITE_PROVINCES);
    const type = rng.pick(OFFSITE_TYPES);
    const start = dayOf(`${this.o.firstYear}-01-01`) + rng.int(0, (this.o.lastYear - this.o.firstYear) * 365);
    if (start > this.o.until) return;
    const end = start + rng.int(180, 730);
    const year = Number(isoOf(start).slice(0, 4));
    const n = (this.o.seq.offsite.get(year) ?? 0) + 1;
    this.o.seq.offsite.set(year, n);
    const no = formatRegistrationNo('YD', year, n);
    const cancelled = rng.chance(0.08);
    const id = rng.uuid();
    const at = chinaTimestamp(start - rng.int(1, 20), this.officeMinute());
    this.sink.write(T.offsite, [
      id,
      no,
      cancelled ? 'cancelled' : 'registered',
      type,
      p.id,
      p.county.unit.id,
      p.regionPath,
      p.county.profile,
      provinceCode,
      provinceName,
      null,
      null,
      isoOf(start),
      isoOf(end),
      OFFSITE_DOCUMENTS[type],
      `${rng.digits(4)}${rng.hex(6).toUpperCase()}`,
      cancelled ? '本人申请撤销' : null,
      clerk.id,
      cancelled ? clerk.id : null,
      cancelled ? chinaTimestamp(start + 30, this.officeMinute()) : null,
      at,
      at,
    ]);
    this.audit(start, this.officeMinute(), clerk, 'offsite_registration.create', 'offsite_registration', id, p.regionPath, {
      registrationNo: no,
      type,
      provinceCode,
      startDate: isoOf(start),
      endDate: isoOf(end),
    });
    if (!cancelled) {
      p.offsite = {
        id,
        provinceCode,
        cityCode: null,
        start,
        end,
        label: `异地就医备案 ${no}（${OFFSITE_TYPE_LABELS[type]}，${provinceName}，${isoOf(start)} 至 ${isoOf(end)}）`,
      };
    }
  }

  /** Picks the hospital of a visit, by visit type, from the county's lists. */
  private hospitalFor(c: County, type: TVisitType): Hospital {
    const rng = this.rng;
    const r = rng.next();
    const or = (list: Hospital[], fallback: Hospital[]) => (list.length ? list : fallback);
    if (type === 'outpatient') return rng.pick(r < 0.85 ? c.own1 : c.own2);
    if (type === 'chronic_outpatient') return rng.pick(r < 0.8 ? c.own2 : or(c.city, or(c.province, c.own2)));
    if (r < 0.62) return rng.pick(c.own2);
    if (r < 0.68) return rng.pick(c.own1);
    if (r < 0.84) return rng.pick(or(c.city, or(c.province, c.own2)));
    if (r < 0.97) return rng.pick(or(c.province, or(c.city, c.own2)));
    return rng.pick(or(c.far, or(c.province, c.own2)));
  }

  private costs(type: TVisitType, profile: County['profile']) {
    const rng = this.rng;
    const clampRound = (x: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, x)));
    const total =
      type === 'inpatient'
        ? clampRound(rng.logNormal(650_000, 0.85), 80_000, 30_000_000)
        : type === 'chronic_outpatient'
          ? clampRound(rng.logNormal(60_000, 0.7), 3_000, 2_000_000)
          : clampRound(rng.logNormal(12_000, 0.7), 500, 300_000);
    const inScope = Math.round(total * (0.7 + rng.next() * 0.25));
    const specialDrug =
      PROFILES[profile].capabilities.hasSpecialDrugs && type === 'inpatient' && rng.chance(0.04)
        ? Math.round((total - inScope) * (0.3 + rng.next() * 0.5))
        : 0;
    return { total, inScope, specialDrug };
  }

  /** Visits of one person over the years (k settled claims), then settled in order on running accumulators. */
  private visits(p: Person, k: number, chronic: boolean) {
    if (k <= 0) return;
    const rng = this.rng;
    const years = [...p.enrolled.keys()];
    if (!years.length) {
      this.carry += k;
      return;
    }
    const span = (y: number) => {
      const from = Math.max(dayOf(`${y}-01-01`), p.enrolled.get(y)! + 1, p.birth + 1);
      const to = Math.min(dayOf(`${y}-12-31`), this.o.until);
      return { from, to };
    };
    const spans = years.map(span).filter((s) => s.to > s.from + 2);
    if (!spans.length) {
      this.carry += k;
      return;
    }
    let sum = 0;
    const cumulative = spans.map((s) => (sum += s.to - s.from));
    const visits: Visit[] = [];
    for (let j = 0; j < k; j++) {
      const s = spans[rng.pickWeighted(cumulative)]!;
      const r = rng.next();
      const type: TVisitType = chronic
        ? r < 0.7
          ? 'chronic_outpatient'
          : r < 0.85
            ? 'inpatient'
            : 'outpatient'
        : r < 0.32
          ? 'inpatient'
          : r < 0.45
            ? 'chronic_outpatient'
            : 'outpatient';
      const dis = rng.int(s.from, s.to);
      const adm = type === 'inpatient' ? Math.max(s.from, dis - Math.min(60, Math.floor(rng.logNormal(6, 0.6)))) : dis;
      const isCase = type === 'inpatient' && rng.chance(0.03) && (p.county.nonNetworked.length > 0 || p.county.offsiteNetworked.length > 0);
      let hospital: Hospital;
      let kind: CasePlan['kind'] | null = null;
      if (isCase) {
        kind =
          p.county.offsiteNetworked.length && (rng.chance(0.4) || !p.county.nonNetworked.length) ? 'offsite_networked' : 'non_networked';
        hospital = rng.pick(kind === 'offsite_networked' ? p.county.offsiteNetworked : p.county.nonNetworked);
      } else {
        hospital = this.hospitalFor(p.county, type);
      }
      const location = locateHospital(p.county.unit.code, hospital.regionCode);
      const c = this.costs(type, p.county.profile);
      const diseases = type === 'inpatient' && rng.chance(0.025) ? listSpecialDiseases(p.county.profile) : [];
      const disease = diseases.length ? rng.pick(diseases) : null;
      const visit: Visit = {
        type,
        year: Number(isoOf(dis).slice(0, 4)),
        adm,
        dis,
        hospital,
        location,
        diagnosis: disease ? disease.name : rng.pick(DIAGNOSES[type]),
        specialDisease: disease ? disease.id : null,
        total: c.total,
        inScope: c.inScope,
        specialDrug: c.specialDrug,
        referred: false,
        offsiteRegistered: false,
        referralSource: 'not_required',
        referralId: null,
        referralNote: null,
        overrideId: null,
        at: 0,
        case: null,
      };
      if (kind) visit.case = this.planCase(visit, kind);
      if (visit.case && visit.case.status !== 'paid') this.carry++;
      if (!visit.case) {
        const day = Math.min(this.o.until, dis + (type === 'inpatient' ? rng.int(0, 1) : 0));
        visit.at = day * 1440 + this.officeMinute();
      } else if (visit.case.status === 'paid') {
        visit.at = visit.case.stepDays[4]! * 1440 + this.officeMinute();
      } else if (visit.case.stepDays.length >= 3) {
        visit.at = visit.case.stepDays[2]! * 1440 + this.officeMinute();
      } else {
        visit.at = -1;
      }
      visits.push(visit);
    }
    visits.sort((a, b) => a.adm - b.adm);
    for (const v of visits) this.decideReferral(p, v);
    visits.sort((a, b) => a.at - b.at);
    const ytds = new Map<number, { id: string; ytd: TYtd; count: number; at: number }>();
    for (const v of visits) {
      if (v.at < 0) {
        this.writeCase(p, v, null, null);
        continue;
      }
      const isStored = !v.case || v.case.status === 'paid';
      if (!isStored) {
        // 初审 settles on the accumulators without storing anything (no accumulator row either).
        this.writeCase(p, v, this.settleVisit(p, v, ytds.get(v.year)?.ytd ?? createEmptyYtd()), null);
        continue;
      }
      let acc = ytds.get(v.year);
      if (!acc) {
        acc = { id: rng.uuid(), ytd: createEmptyYtd(), count: 0, at: v.at };
        ytds.set(v.year, acc);
      }
      const { request, result } = this.settleVisit(p, v, acc.ytd);
      const clerk = this.clerk(p.county);
      const paidElsewhere = v.case?.kind === 'offsite_networked' ? amountOf(result, 'basic') + amountOf(result, 'critical') : 0;
      if (!v.case && rng.chance(0.004)) {
        // Entered wrongly and reversed the same day (冲销), then entered again with the right figure.
        const originalId = rng.uuid();
        const reversalId = rng.uuid();
        this.writeClaim(p, v, request, result, acc.ytd, clerk, originalId, { status: 'reversed', reversedBy: reversalId }, v.at, 0);
        this.writeClaim(p, v, request, result, acc.ytd, p.county.reviewer, reversalId, { reverses: originalId }, v.at + 60, 0);
        this.counts.reversed++;
        v.inScope = Math.round(v.inScope * 0.97);
        v.at += 70;
        const again = this.settleVisit(p, v, acc.ytd);
        this.storeSettled(p, v, again.request, again.result, acc, clerk, 0);
      } else {
        const claimId = this.storeSettled(p, v, request, result, acc, clerk, paidElsewhere);
        if (v.case) this.writeCase(p, v, { request, result }, claimId);
      }
    }
    for (const [year, acc] of ytds) {
      const ts = chinaTimestamp(Math.floor(acc.at / 1440), acc.at % 1440);
      this.sink.write(T.accumulators, [acc.id, p.id, year, acc.ytd, acc.count, ts]);
    }
  }

  private storeSettled(
    p: Person,
    v: Visit,
    request: TSettleRequest,
    result: TSettleResult,
    acc: { ytd: TYtd; count: number; at: number },
    clerk: User,
    paidElsewhere: number,
  ): string {
    const id = this.rng.uuid();
    this.writeClaim(p, v, request, result, acc.ytd, clerk, id, null, v.at, paidElsewhere);
    acc.ytd = addYtd(acc.ytd, result.ytdDelta);
    acc.count++;
    acc.at = v.at;
    this.counts.settled++;
    if (!v.case) {
      const month = Math.floor(dayOf(isoOf(v.dis).slice(0, 8) + '01'));
      const key = `${p.county.index}|${v.hospital.id}|${month}`;
      let s = this.advanceSums.get(key);
      if (!s) {
        s = { county: p.county, hospital: v.hospital, month, basic: 0, critical: 0, assistance: 0 };
        this.advanceSums.set(key, s);
      }
      s.basic += amountOf(result, 'basic');
      s.critical += amountOf(result, 'critical');
      s.assistance += amountOf(result, 'assistance');
    }
    if (v.overrideId) {
      this.writeOverride(p, v, id);
    }
    return id;
  }

  private settleVisit(p: Person, v: Visit, ytd: TYtd) {
    const date = isoOf(v.dis);
    const allowed = PROFILE_CATEGORIES[p.county.profile];
    const categories = sortCategories(categoriesOn(p.facts, date).filter((c) => allowed.includes(c)));
    const request = buildClaimSettleRequest(
      {
        personId: p.id,
        hospitalId: v.hospital.id,
        visitType: v.type,
        admissionDate: isoOf(v.adm),
        dischargeDate: date,
        diagnosis: v.diagnosis,
        specialDisease: v.specialDisease,
        totalCost: v.total,
        inScopeCost: v.inScope,
        specialDrugCost: v.specialDrug,
      },
      {
        profile: p.county.profile,
        params: p.county.params,
        categories,
        countyCode: p.county.unit.code,
        hospital: v.hospital,
        location: v.location,
        referral: { referred: v.referred, offsiteRegistered: v.offsiteRegistered },
        ytd,
      },
    );
    return { request, result: settle(request) };
  }

  /** The referral registry the server would find for the visit; creates the referral most out-of-county stays have. */
  private decideReferral(p: Person, v: Visit) {
    if (!isReferralRequired(v.type, v.location)) return;
    const rng = this.rng;
    const found = p.referrals.find((r) => r.hospitalId === v.hospital.id && r.issue <= v.adm && v.adm <= r.until);
    if (found) return this.registry(v, found.id, `依据${found.label}`, true, false);
    const o = p.offsite;
    const offsiteFound = o && o.start <= v.adm && v.adm <= o.end && offsiteCoversRegion(o, v.hospital.regionCode) ? o : null;
    if (offsiteFound && PROFILES[p.county.profile].capabilities.offsiteReplacesReferral) {
      return this.registry(v, offsiteFound.id, `依据${offsiteFound.label}`, false, true);
    }
    const overlaps = p.referrals.some((r) => r.issue <= v.adm && v.adm - 5 <= r.until);
    if (!overlaps && !offsiteFound && rng.chance(0.72)) {
      const r = this.createReferral(p, v);
      return this.registry(v, r.id, `依据${r.label}`, true, false);
    }
    if (rng.chance(0.05)) {
      v.overrideId = rng.uuid();
      v.referralSource = 'override';
      v.referred = true;
      v.referralId = v.overrideId;
      v.referralNote = `审核认定视同转诊（理由：${OVERRIDE_REASON}）`;
      return;
    }
    v.referralSource = 'none';
    v.referralNote = offsiteFound
      ? `未查到转诊备案；${offsiteFound.label}按本地政策不能代替转诊备案`
      : '未查到覆盖本次就诊医院和入院日期的转诊备案或异地就医备案';
  }

  private registry(v: Visit, id: string, note: string, referred: boolean, offsite: boolean) {
    v.referralSource = 'registry';
    v.referralId = id;
    v.referralNote = note;
    v.referred = referred;
    v.offsiteRegistered = offsite;
  }

  private createReferral(p: Person, v: Visit): Referral {
    const rng = this.rng;
    const issue = Math.max(v.adm - rng.int(0, 5), p.birth + 1);
    const validUntil = referralValidUntil(isoOf(issue), DEFAULT_REFERRAL_VALIDITY_DAYS);
    const year = Number(isoOf(issue).slice(0, 4));
    const n = (this.o.seq.referral.get(year) ?? 0) + 1;
    this.o.seq.referral.set(year, n);
    const no = formatRegistrationNo('ZZ', year, n);
    const id = rng.uuid();
    const clerk = this.clerk(p.county);
    const tier = v.hospital.referralTier ?? (v.location === 'in_city' ? 'city' : 'provincial');
    const submitted = chinaTimestamp(issue, this.officeMinute());
    const registered = chinaTimestamp(issue, 17 * 60 + rng.int(31, 59));
    this.writeReferral(p, v, tier, {
      id,
      no,
      status: 'registered',
      issue,
      validUntil,
      rejectReason: null,
      cancelReason: null,
      registeredBy: clerk.id,
      registeredAt: registered,
      closedBy: null,
      closedAt: null,
      submittedBy: clerk.id,
      createdAt: submitted,
      updatedAt: registered,
    });
    this.audit(issue, this.officeMinute(), clerk, 'referral.submit', 'referral', id, p.regionPath, {
      destination: v.hospital.name,
      issueDate: isoOf(issue),
    });
    this.audit(issue, 17 * 60 + 40, clerk, 'referral.register', 'referral', id, p.regionPath, { status: 'registered', referralNo: no });
    if (rng.chance(0.06)) {
      // An earlier attempt that was turned down or withdrawn (the registry keeps them).
      const rejected = rng.chance(0.5);
      const early = issue - rng.int(2, 10);
      this.writeReferral(p, v, tier, {
        id: rng.uuid(),
        no: null,
        status: rejected ? 'rejected' : 'cancelled',
        issue: early,
        validUntil: referralValidUntil(isoOf(early), DEFAULT_REFERRAL_VALIDITY_DAYS),
        rejectReason: rejected ? '转诊证明缺少医院盖章' : null,
        cancelReason: rejected ? null : '患者暂缓转院',
        registeredBy: null,
        registeredAt: null,
        submittedBy: clerk.id,
        closedBy: clerk.id,
        closedAt: chinaTimestamp(early + 1, this.officeMinute()),
        createdAt: chinaTimestamp(early, this.officeMinute()),
        updatedAt: chinaTimestamp(early + 1, this.officeMinute()),
      });
    }
    const r: Referral = {
      id,
      hospitalId: v.hospital.id,
      issue,
      until: dayOf(validUntil),
      label: `转诊备案 ${no}（${p.county.issuer.name} 转往 ${v.hospital.name}，有效期 ${isoOf(issue)} 至 ${validUntil}）`,
    };
    p.referrals.push(r);
    return r;
  }

  /** One row of the referral registry, from the person's county hospital to the visit's hospital. */
  private writeReferral(
    p: Person,
    v: Visit,
    tier: string,
    r: {
      id: string;
      no: string | null;
      status: 'registered' | 'rejected' | 'cancelled';
      issue: number;
      validUntil: string;
      rejectReason: string | null;
      cancelReason: string | null;
      submittedBy: string;
      registeredBy: string | null;
      registeredAt: string | null;
      closedBy: string | null;
      closedAt: string | null;
      createdAt: string;
      updatedAt: string;
    },
  ) {
    this.sink.write(T.referrals, [
      r.id,
      r.no,
      r.status,
      p.id,
      p.county.unit.id,
      p.regionPath,
      p.county.profile,
      p.county.issuer.id,
      v.hospital.id,
      tier,
      v.diagnosis,
      '县级医院诊疗条件有限，需转上级医院进一步诊治',
      isoOf(r.issue),
      isoOf(v.adm),
      DEFAULT_REFERRAL_VALIDITY_DAYS,
      r.validUntil,
      r.rejectReason,
      r.cancelReason,
      r.submittedBy,
      r.registeredBy,
      r.registeredAt,
      r.closedBy,
      r.closedAt,
      r.createdAt,
      r.updatedAt,
    ]);
  }

  private writeOverride(p: Person, v: Visit, claimId: string) {
    const reviewer = p.county.reviewer;
    const day = v.adm + this.rng.int(1, 4);
    this.sink.write(T.overrides, [
      v.overrideId,
      p.id,
      v.hospital.id,
      isoOf(v.adm),
      OVERRIDE_REASON,
      p.regionPath,
      claimId,
      reviewer.id,
      chinaTimestamp(day, this.officeMinute()),
    ]);
    this.audit(day, this.officeMinute(), reviewer, 'referral.override', 'referral_override', v.overrideId!, p.regionPath, {
      hospital: v.hospital.name,
      admissionDate: isoOf(v.adm),
      reason: OVERRIDE_REASON,
    });
  }

  private writeClaim(
    p: Person,
    v: Visit,
    request: TSettleRequest,
    result: TSettleResult,
    ytdBefore: TYtd,
    user: User,
    id: string,
    reversal: { status: 'reversed'; reversedBy: string } | { reverses: string } | null,
    at: number,
    paidElsewhere: number,
  ) {
    const sign = reversal && 'reverses' in reversal ? -1 : 1;
    const n = ++this.o.seq.claim;
    const claimNo = `JS${v.year}${pad(n, 7)}`;
    const createdAt = chinaTimestamp(Math.floor(at / 1440), at % 1440, this.rng.int(0, 59));
    const basic = amountOf(result, 'basic');
    const critical = amountOf(result, 'critical');
    const reduction = amountOf(result, 'hospital_reduction');
    const assistance = amountOf(result, 'assistance');
    const tilted = amountOf(result, 'tilted');
    const requestJson = JSON.stringify(request);
    const resultJson = JSON.stringify(result);
    const ytdJson = JSON.stringify(ytdBefore);
    this.sink.write(T.claims, [
      id,
      claimNo,
      sign < 0 ? 'reversal' : 'settlement',
      sign < 0 ? 'reversal' : reversal ? 'reversed' : 'settled',
      p.id,
      p.county.unit.id,
      p.regionPath,
      p.county.profile,
      v.year,
      v.hospital.id,
      v.hospital.name,
      v.hospital.level,
      v.location,
      v.type,
      isoOf(v.adm),
      isoOf(v.dis),
      v.diagnosis,
      v.specialDisease,
      request.visit.referred,
      v.referralSource,
      v.referralId,
      v.referralNote,
      sign * v.total,
      sign * v.inScope,
      sign * v.specialDrug,
      result.appliedCategory,
      JSON.stringify(request.person.categories),
      sign * basic,
      sign * critical,
      sign * reduction,
      sign * assistance,
      sign * tilted,
      sign * result.totals.hospitalBorne,
      sign * result.totals.fundPaid,
      sign * result.totals.patientPays,
      sign * paidElsewhere,
      p.county.paramVersionId,
      requestJson,
      resultJson,
      ytdJson,
      reversal && 'reverses' in reversal ? reversal.reverses : null,
      reversal && 'reversedBy' in reversal ? reversal.reversedBy : null,
      sign < 0 ? '录入错误：政策范围内费用有误' : null,
      sign < 0 ? null : this.rng.hex(32),
      user.id,
      createdAt,
    ]);
    result.lines.forEach((l, seq) => {
      this.sink.write(T.claimLines, [
        this.rng.uuid(),
        id,
        seq,
        l.tier,
        sign * l.amount,
        l.clause,
        sign < 0 ? `冲销：${l.explain}` : l.explain,
      ]);
    });
    const day = Math.floor(at / 1440);
    if (sign < 0) {
      this.audit(day, at % 1440, user, 'claim.reverse', 'claim', (reversal as { reverses: string }).reverses, p.regionPath, {
        status: 'reversed',
        reversalClaimNo: claimNo,
        reason: '录入错误：政策范围内费用有误',
        ytd: ytdBefore,
      });
    } else {
      this.audit(day, at % 1440, user, 'claim.create', 'claim', id, p.regionPath, {
        claimNo,
        appliedCategory: result.appliedCategory,
        totals: result.totals,
        ytdBefore,
        referral: v.referralSource === 'not_required' ? null : { source: v.referralSource, note: v.referralNote },
      });
    }
  }

  /** How far a reimbursement case got by the end date, with the day of each step. */
  private planCase(v: Visit, kind: CasePlan['kind']): CasePlan {
    const rng = this.rng;
    const U = this.o.until;
    const received = this.weekday(Math.min(U, v.dis + rng.int(3, 30)));
    const age = U - received;
    let target: number;
    if (age > 75) target = rng.chance(0.03) ? 0 : 6;
    else target = Math.max(0, Math.min(6, Math.floor((age / 75 + rng.normal() * 0.15) * 7)));
    const plan: CasePlan = {
      id: rng.uuid(),
      kind,
      received,
      complete: null,
      status: 'awaiting_documents',
      stepDays: [],
      hold: null,
      missing: [],
    };
    const completeAtIntake = target > 0 && rng.chance(0.8);
    if (target === 0 || !completeAtIntake) {
      plan.missing = MATERIAL_ITEMS.filter(() => rng.chance(0.25));
      if (!plan.missing.length) plan.missing = [rng.pick(MATERIAL_ITEMS)];
    }
    if (target === 0) return plan;
    const complete = completeAtIntake ? received : this.weekday(received + rng.int(2, 12));
    if (complete > U) return plan;
    plan.complete = complete;
    plan.status = 'registration';
    const late = rng.chance(0.1);
    const payDay = this.addWorking(complete, late ? rng.int(26, 34) : rng.int(12, 24));
    const holdAt = rng.chance(0.12) ? rng.int(0, Math.max(0, target - 2)) : -1;
    let day = complete;
    for (let s = 0; s < target - 1; s++) {
      if (s === holdAt) {
        const from = this.addWorking(day, 1);
        const to = from + rng.int(3, 15);
        const kindOfHold = rng.chance(0.5) ? 'special' : 'doubtful';
        const reason = kindOfHold === 'special' ? '涉及意外伤害，需核实第三方责任' : '费用清单与发票金额不符，待医院说明';
        if (from > U) break;
        if (to > U) {
          plan.hold = { kind: kindOfHold, from, to: null, reason, afterStep: s };
          break;
        }
        plan.hold = { kind: kindOfHold, from, to, reason, afterStep: s };
        day = to;
      }
      const next = s === 4 ? Math.max(payDay, this.addWorking(day, 1)) : this.addWorking(day, rng.int(1, 4));
      if (next > U) break;
      day = next;
      plan.stepDays.push(day);
      plan.status = STEPS[s]!.to as TReimbursementStatus;
    }
    return plan;
  }

  private writeCase(p: Person, v: Visit, settled: { request: TSettleRequest; result: TSettleResult } | null, claimId: string | null) {
    const rng = this.rng;
    const c = v.case!;
    this.counts.cases++;
    const clerk = p.county.clerks[0]!;
    const reviewer = p.county.reviewer;
    const year = isoOf(c.received).slice(0, 4);
    const caseNo = `LX${year}${pad(++this.o.seq.case, 6)}`;
    const entry = {
      personId: p.id,
      hospitalId: v.hospital.id,
      visitType: v.type,
      admissionDate: isoOf(v.adm),
      dischargeDate: isoOf(v.dis),
      diagnosis: v.diagnosis,
      specialDisease: v.specialDisease,
      totalCost: v.total,
      inScopeCost: v.inScope,
      specialDrugCost: v.specialDrug,
    };
    // Complete once received in full; a case still waiting lacks the items it was told about.
    const materials = Object.fromEntries(MATERIAL_ITEMS.map((m) => [m, c.complete !== null || !c.missing.includes(m)]));
    const paidElsewhereBasic = c.kind === 'offsite_networked' && settled ? amountOf(settled.result, 'basic') : 0;
    const paidElsewhereCritical = c.kind === 'offsite_networked' && settled ? amountOf(settled.result, 'critical') : 0;
    const reviewed = c.stepDays.length >= 3 && settled !== null;
    const payable = reviewed ? payableToPatient(c.kind, settled.result.lines) : 0;
    const settlement = reviewed ? { request: settled.request, result: settled.result, payable } : null;
    const paid = c.status === 'paid';
    const paidOn = paid ? c.stepDays[4]! : null;
    const payeeAccount = paid ? p.bankAccount : null;
    const paymentRef = paid ? `ZF${year}${rng.digits(8)}` : null;
    const isHeld = c.hold !== null && c.hold.to === null;
    const events: { action: string; from: string | null; to: string | null; note: string; day: number; actor: User }[] = [];
    const missingNote = `材料不全，一次性告知缺：${c.missing.map((m) => MATERIAL_LABELS[m as keyof typeof MATERIAL_LABELS]).join('、')}`;
    const intakeTo = c.complete === c.received ? 'registration' : 'awaiting_documents';
    events.push({
      action: 'intake',
      from: null,
      to: intakeTo,
      note: intakeTo === 'registration' ? '材料齐全，开始计时' : missingNote,
      day: c.received,
      actor: clerk,
    });
    if (c.complete !== null && c.complete !== c.received) {
      events.push({
        action: 'receive_materials',
        from: 'awaiting_documents',
        to: 'registration',
        note: '补齐材料，开始计时',
        day: c.complete,
        actor: clerk,
      });
    }
    c.stepDays.forEach((day, s) => {
      if (c.hold && c.hold.afterStep === s) {
        events.push({ action: 'hold', from: null, to: null, note: c.hold.reason, day: c.hold.from, actor: clerk });
        if (c.hold.to !== null)
          events.push({ action: 'clear_hold', from: null, to: null, note: '已核实，恢复办理', day: c.hold.to, actor: clerk });
      }
      const step = STEPS[s]!;
      const note =
        step.action === 'pay' ? `支付 ${formatYuan(payable)} 元至账户 ${maskBankAccount(p.bankAccount)}，凭证号 ${paymentRef}` : step.note;
      events.push({ action: step.action, from: step.from, to: step.to, note, day, actor: s === 3 ? reviewer : clerk });
    });
    if (c.hold && c.hold.afterStep >= c.stepDays.length) {
      events.push({ action: 'hold', from: null, to: null, note: c.hold.reason, day: c.hold.from, actor: clerk });
      if (c.hold.to !== null)
        events.push({ action: 'clear_hold', from: null, to: null, note: '已核实，恢复办理', day: c.hold.to, actor: clerk });
    }
    const last = events[events.length - 1]!;
    const createdAt = chinaTimestamp(c.received, this.officeMinute());
    const updatedAt = chinaTimestamp(last.day, 17 * 60 + 45);
    this.sink.write(T.cases, [
      c.id,
      caseNo,
      c.kind,
      c.status,
      events.length,
      p.id,
      p.county.unit.id,
      p.regionPath,
      v.hospital.id,
      entry,
      materials,
      isoOf(c.received),
      c.complete === null ? null : isoOf(c.complete),
      isHeld ? c.hold!.kind : null,
      isHeld ? c.hold!.reason : null,
      paidElsewhereBasic,
      paidElsewhereCritical,
      settlement,
      payable,
      reviewed ? clerk.id : null,
      c.stepDays.length >= 4 ? reviewer.id : null,
      paid ? payable : 0,
      paidOn === null ? null : isoOf(paidOn),
      paymentRef,
      payeeAccount,
      claimId,
      rng.hex(32),
      clerk.id,
      createdAt,
      updatedAt,
    ]);
    if (c.hold) {
      this.sink.write(T.suspensions, [
        rng.uuid(),
        c.id,
        c.hold.kind,
        c.hold.reason,
        isoOf(c.hold.from),
        c.hold.to === null ? null : isoOf(c.hold.to),
        c.hold.to === null ? null : '已核实，恢复办理',
        clerk.id,
        c.hold.to === null ? null : clerk.id,
        chinaTimestamp(c.hold.from, this.officeMinute()),
      ]);
    }
    events.forEach((e, n) => {
      const minute = 9 * 60 + n * 7;
      this.sink.write(T.events, [
        rng.uuid(),
        c.id,
        e.action,
        e.from,
        e.to,
        e.note,
        e.actor.id,
        e.actor.displayName,
        isoOf(e.day),
        `gen:${c.id}:${n}`,
        chinaTimestamp(e.day, minute),
      ]);
      this.audit(e.day, minute, e.actor, `reimbursement.${e.action}`, 'reimbursement_case', c.id, p.regionPath, {
        caseNo,
        from: e.from,
        to: e.to,
        note: e.note,
      });
    });
  }

  /** The hospitals' advance declarations: one per county, hospital and month of one-stop claims. */
  writeAdvances() {
    const rng = this.rng;
    const U = this.o.until;
    const rows = [...this.advanceSums.values()].sort((a, b) => a.month - b.month || a.county.index - b.county.index);
    for (const s of rows) {
      const total = s.basic + s.critical + s.assistance;
      if (total <= 0) continue;
      const from = isoOf(s.month);
      const nextMonth = dayOf(
        `${Number(from.slice(0, 4)) + (from.slice(5, 7) === '12' ? 1 : 0)}-${from.slice(5, 7) === '12' ? '01' : pad(Number(from.slice(5, 7)) + 1, 2)}-01`,
      );
      const received = this.weekday(nextMonth + rng.int(3, 9));
      if (received > U) continue;
      const clerk = this.clerk(s.county);
      const firstDue = this.addWorking(received, 10);
      const firstOn = this.addWorking(received, rng.int(3, 10));
      const restOn = this.addWorking(firstDue, rng.int(5, 15));
      const status = restOn <= U ? 'settled' : firstOn <= U ? 'first_paid' : 'received';
      const first = status === 'received' ? 0 : advanceFirstInstalment(total);
      const approved = status === 'settled' ? total - (rng.chance(0.2) ? Math.round(total * rng.next() * 0.02) : 0) : null;
      const id = rng.uuid();
      const no = `DF${isoOf(received).slice(0, 4)}${pad(++this.o.seq.advance, 5)}`;
      const createdAt = chinaTimestamp(received, this.officeMinute());
      const lastDay = status === 'settled' ? restOn : status === 'first_paid' ? firstOn : received;
      this.sink.write(T.advances, [
        id,
        no,
        s.hospital.id,
        s.county.unit.id,
        s.county.unit.path,
        from,
        isoOf(nextMonth - 1),
        isoOf(received),
        s.basic,
        s.critical,
        s.assistance,
        total,
        status,
        status === 'settled' ? 3 : status === 'first_paid' ? 2 : 1,
        status === 'received' ? null : isoOf(firstOn),
        approved,
        status === 'settled' ? isoOf(restOn) : null,
        null,
        rng.hex(32),
        clerk.id,
        createdAt,
        chinaTimestamp(lastDay, this.officeMinute()),
      ]);
      this.audit(received, this.officeMinute(), clerk, 'advance.create', 'advance_declaration', id, s.county.unit.path, {
        declarationNo: no,
        hospital: s.hospital.name,
        total,
        receivedOn: isoOf(received),
      });
      if (status !== 'received')
        this.audit(firstOn, this.officeMinute(), clerk, 'advance.pay_first', 'advance_declaration', id, s.county.unit.path, {
          amount: first,
        });
      if (status === 'settled')
        this.audit(restOn, this.officeMinute(), clerk, 'advance.pay_rest', 'advance_declaration', id, s.county.unit.path, {
          approvedTotal: approved,
        });
    }
  }

  /** Department lists compared against the register: one applied per county and year, one left in preview in the last year. */
  writeListBatches() {
    const rng = this.rng;
    for (const county of this.world.counties) {
      const sample = this.samples[county.index]!;
      if (!sample.length) continue;
      for (let year = this.o.firstYear; year <= this.o.lastYear; year++) {
        for (const applied of year === this.o.lastYear ? [true, false] : [true]) {
          const day = this.weekday(dayOf(`${year}-${applied ? '03' : '10'}-10`) + rng.int(0, 20));
          if (day > this.o.until) continue;
          const rows = sample.map((s, i) => ({
            line: i + 2,
            raw: { name: s.name, idNumber: s.idNumber, category: CATEGORY_LABELS[s.category as TCategoryId], identifiedOn: s.startDate },
          }));
          const clerk = this.clerk(county);
          const id = rng.uuid();
          const fileName = `${county.unit.name}${year}年${applied ? '第一季度' : '第三季度'}建档立卡名单.xlsx`;
          const newCount = rng.int(0, 5);
          const preview = {
            fingerprint: rng.hex(64),
            coveredCategories: [...new Set(sample.map((s) => s.category))],
            newRows: [],
            leftRows: [],
            changedRows: [],
            invalidRows: [],
          };
          const at = chinaTimestamp(day, this.officeMinute());
          this.sink.write(T.listBatches, [
            id,
            county.unit.id,
            county.unit.path,
            'poverty_office',
            isoOf(day - 3),
            fileName,
            rows.length * 48 + 6_000,
            applied ? 'applied' : 'previewed',
            rows.length,
            newCount,
            0,
            0,
            0,
            rows.length - newCount,
            rows,
            preview,
            clerk.id,
            at,
            applied ? clerk.id : null,
            applied ? chinaTimestamp(day, 17 * 60) : null,
          ]);
          this.audit(day, this.officeMinute(), clerk, 'list_batch.preview', 'list_batch', id, county.unit.path, {
            fileName,
            rowCount: rows.length,
          });
          if (applied) this.audit(day, 17 * 60, clerk, 'list_batch.apply', 'list_batch', id, county.unit.path, { rowCount: rows.length });
        }
      }
    }
  }
}

const OVERRIDE_REASON = '急诊转院，事后补办转诊手续';

function amountOf(result: TSettleResult, tier: string) {
  let s = 0;
  for (const l of result.lines) if (l.tier === tier) s += l.amount;
  return s;
}
