import { PHONE_PATTERN } from '../access/index.js';
import { isIsoDate } from '../calendar/index.js';
import { CATEGORY_IDS, CATEGORY_LABELS, PROFILE_CATEGORIES, type TCategoryId } from '../categories.js';
import { maskIdNumber, parseIdNumber } from '../id-number/index.js';
import { ZPersonName, type TSourceDepartment } from '../persons/index.js';
import type { TProfileId } from '../profiles.js';
import { REGISTERED_ELSEWHERE } from '../existence.js';

/**
 * List comparison (信息比对, `003 §三(二)`, `004 §二(二)(三)`): a department's list of
 * beneficiaries against the registry. Pure: the caller loads the registry snapshot and applies
 * the result in one transaction.
 */

/** The list's columns: heading as printed on the department's sheet → field. */
export const LIST_COLUMNS = {
  姓名: 'name',
  身份证号: 'idNumber',
  人员类别: 'category',
  认定日期: 'identifiedOn',
  户籍类型: 'hukouType',
  联系电话: 'phone',
  住址: 'address',
  区划代码: 'regionCode',
} as const;
export type TListField = (typeof LIST_COLUMNS)[keyof typeof LIST_COLUMNS];
export const REQUIRED_LIST_HEADINGS = ['姓名', '身份证号', '人员类别'] as const;
/** Accepted spellings of headings, as departments' sheets print them. */
const HEADING_ALIASES: Record<string, keyof typeof LIST_COLUMNS> = {
  身份证号码: '身份证号',
  公民身份号码: '身份证号',
  类别: '人员类别',
  对象类别: '人员类别',
  户籍: '户籍类型',
  电话: '联系电话',
  家庭住址: '住址',
  行政区划代码: '区划代码',
};

export type TRawListRow = Partial<Record<TListField, string>>;

/**
 * Maps a header row to field positions. Returns the missing required headings (in Chinese) when
 * the sheet is not a beneficiary list.
 */
export function mapListHeader(cells: readonly string[]): { ok: true; fields: (TListField | null)[] } | { ok: false; missing: string[] } {
  const fields = cells.map((c) => {
    const h = String(c ?? '')
      .replace(/\s+/g, '')
      .replace(/[*＊]/g, '');
    const heading = (h in LIST_COLUMNS ? h : HEADING_ALIASES[h]) as keyof typeof LIST_COLUMNS | undefined;
    return heading ? LIST_COLUMNS[heading] : null;
  });
  const missing = REQUIRED_LIST_HEADINGS.filter((h) => !fields.includes(LIST_COLUMNS[h]));
  return missing.length ? { ok: false, missing: [...missing] } : { ok: true, fields };
}

const CATEGORY_BY_TEXT = new Map<string, TCategoryId>([
  ...CATEGORY_IDS.map((id) => [id, id] as const),
  ...CATEGORY_IDS.map((id) => [CATEGORY_LABELS[id], id] as const),
  ['建档立卡', 'registered_poor'],
  ['建档立卡贫困户', 'registered_poor'],
  ['特困供养人员', 'extreme_poverty'],
  ['低保', 'subsistence_allowance'],
  ['低保户', 'subsistence_allowance'],
  ['边缘易致贫户', 'marginal'],
  ['脱贫不稳定户', 'unstable_exit'],
  ['低收入人口', 'low_income'],
  ['孤儿', 'orphan'],
]);

/** The category id of a list cell (label, short name or id), or null. */
export function categoryFromText(text: string): TCategoryId | null {
  return CATEGORY_BY_TEXT.get(text.trim()) ?? null;
}

export interface ListRowValue {
  line: number;
  name: string;
  idNumber: string;
  category: TCategoryId;
  identifiedOn: string | null;
  hukouType: 'urban' | 'rural' | null;
  phone: string | null;
  address: string | null;
  regionCode: string | null;
}

export interface InvalidRow {
  line: number;
  name: string;
  idNumberMasked: string;
  reason: string;
}

function maskLoose(id: string): string {
  const s = id.trim();
  if (s.length === 18) return maskIdNumber(s.toUpperCase());
  return s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : s;
}

/** Excel stores dates as numbers or Date objects; the reader hands them over as ISO strings or '2019/3/1'. */
function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** Checks one row of a list; `today` refuses future dates of birth and identification. */
export function parseListRow(
  raw: TRawListRow,
  line: number,
  profile: TProfileId,
  today: string,
): { ok: true; value: ListRowValue } | { ok: false; row: InvalidRow } {
  const name = (raw.name ?? '').trim();
  const idText = (raw.idNumber ?? '').trim();
  const bad = (reason: string) => ({ ok: false as const, row: { line, name, idNumberMasked: maskLoose(idText), reason } });
  if (!name) return bad('缺少姓名');
  // The same rule as the person form (ZPersonName): a list cannot bring in what the form refuses
  // (formulas such as "=1+1", markup such as "<script>", digits …).
  const nameCheck = ZPersonName.safeParse(name);
  if (!nameCheck.success) return bad(`姓名“${name.slice(0, 32)}”有误：${nameCheck.error.issues[0]?.message ?? '格式不正确'}`);
  if (!idText) return bad('缺少身份证号');
  const id = parseIdNumber(idText, today);
  if (!id.ok) return bad(`身份证号有误：${id.error}`);
  const categoryText = (raw.category ?? '').trim();
  if (!categoryText) return bad('缺少人员类别');
  const category = categoryFromText(categoryText);
  if (!category || category === 'ordinary') return bad(`未知的人员类别“${categoryText}”`);
  if (!PROFILE_CATEGORIES[profile].includes(category)) return bad(`“${CATEGORY_LABELS[category]}”不是本地政策口径的人员类别`);
  let identifiedOn: string | null = null;
  if (raw.identifiedOn?.trim()) {
    identifiedOn = normaliseDate(raw.identifiedOn);
    if (!identifiedOn) return bad(`认定日期“${raw.identifiedOn}”格式有误，应为 YYYY-MM-DD`);
    if (identifiedOn > today) return bad(`认定日期 ${identifiedOn} 晚于今天`);
  }
  let hukouType: 'urban' | 'rural' | null = null;
  const hukou = raw.hukouType?.trim();
  if (hukou) {
    if (/^(城镇|城市|非农业?|urban)$/.test(hukou)) hukouType = 'urban';
    else if (/^(农村|农业|乡村|rural)$/.test(hukou)) hukouType = 'rural';
    else return bad(`户籍类型“${hukou}”应为城镇或农村`);
  }
  const phone = raw.phone?.trim() || null;
  if (phone && !PHONE_PATTERN.test(phone)) return bad(`联系电话“${phone}”格式不正确`);
  const regionCode = raw.regionCode?.trim() || null;
  if (regionCode && !/^\d{6}(\d{3}|\d{6})?$/.test(regionCode)) return bad(`区划代码“${regionCode}”应为 6、9 或 12 位数字`);
  const address = raw.address?.trim() || null;
  if (address && address.length > 128) return bad('住址超过 128 个字');
  return { ok: true, value: { line, name, idNumber: id.value.idNumber, category, identifiedOn, hukouType, phone, address, regionCode } };
}

/** A registry person as the comparison needs it. */
export interface RegistryPerson {
  id: string;
  idNumber: string;
  name: string;
  hukouType: 'urban' | 'rural';
  phone: string | null;
  address: string | null;
  /** False when the person is registered outside the uploader's region. */
  inScope: boolean;
  /** Categories held on the list date (open facts). */
  held: { factId: string; category: TCategoryId; sourceDepartment: string }[];
}

export interface PlacedUnit {
  orgUnitId: string;
  regionPath: string;
}

export interface CompareOptions {
  profile: TProfileId;
  department: TSourceDepartment;
  listDate: string;
  today: string;
  /** Org unit for a row's region code (inside the uploader's region), or null. */
  resolveRegion: (code: string) => PlacedUnit | null;
  /** Where new people go when the row has no region code (the uploader's county), or null. */
  defaultUnit: PlacedUnit | null;
}

export interface AttributeChange {
  field: 'name' | 'hukouType' | 'phone' | 'address';
  from: string | null;
  to: string;
}

export interface CompareResult {
  /** New people; a person listed under two categories is one new person with `moreCategories`. */
  newPersons: (ListRowValue & {
    unit: PlacedUnit;
    moreCategories: { line: number; category: TCategoryId; identifiedOn: string | null }[];
  })[];
  /** Registered people who gain a category from this list. */
  newCategories: (ListRowValue & { personId: string })[];
  changed: { line: number; personId: string; name: string; idNumberMasked: string; changes: AttributeChange[] }[];
  left: { personId: string; factId: string; name: string; idNumberMasked: string; category: TCategoryId }[];
  invalid: InvalidRow[];
  unchanged: number;
  /** Categories the list speaks for: a registered holder of one of them missing from the list has left it. */
  coveredCategories: TCategoryId[];
}

/**
 * Compares parsed rows with the registry. The list speaks for the categories that appear in its
 * valid rows, for the uploading department: a person holding such a category from that department
 * (and inside the uploader's region) who is not on the list has left it. Runs in O(rows + registry).
 */
export function compareList(
  rows: Iterable<{ line: number; raw: TRawListRow }>,
  registry: Iterable<RegistryPerson>,
  options: CompareOptions,
): CompareResult {
  const byId = new Map<string, RegistryPerson>();
  for (const p of registry) byId.set(p.idNumber, p);
  const result: CompareResult = {
    newPersons: [],
    newCategories: [],
    changed: [],
    left: [],
    invalid: [],
    unchanged: 0,
    coveredCategories: [],
  };
  const seen = new Map<string, number>();
  const onList = new Set<string>();
  const covered = new Set<TCategoryId>();
  const changedPersons = new Set<string>();
  const newById = new Map<string, CompareResult['newPersons'][number]>();
  for (const { line, raw } of rows) {
    const parsed = parseListRow(raw, line, options.profile, options.today);
    if (!parsed.ok) {
      result.invalid.push(parsed.row);
      continue;
    }
    const row = parsed.value;
    const key = `${row.idNumber}|${row.category}`;
    const first = seen.get(key);
    if (first !== undefined) {
      result.invalid.push({
        line,
        name: row.name,
        idNumberMasked: maskIdNumber(row.idNumber),
        reason: `与第 ${first} 行重复（同一人同一类别）`,
      });
      continue;
    }
    if (row.identifiedOn && row.identifiedOn > options.listDate) {
      result.invalid.push({
        line,
        name: row.name,
        idNumberMasked: maskIdNumber(row.idNumber),
        reason: `认定日期 ${row.identifiedOn} 晚于名单日期 ${options.listDate}`,
      });
      continue;
    }
    const person = byId.get(row.idNumber);
    if (person && !person.inScope) {
      result.invalid.push({
        line,
        name: row.name,
        idNumberMasked: maskIdNumber(row.idNumber),
        reason: REGISTERED_ELSEWHERE,
      });
      continue;
    }
    if (!person) {
      const unit = row.regionCode ? options.resolveRegion(row.regionCode) : options.defaultUnit;
      if (!unit) {
        result.invalid.push({
          line,
          name: row.name,
          idNumberMasked: maskIdNumber(row.idNumber),
          reason: row.regionCode ? `区划代码 ${row.regionCode} 不在您的管辖范围内` : '新增人员须填写区划代码（县级以上经办机构上传时）',
        });
        continue;
      }
      seen.set(key, line);
      covered.add(row.category);
      const already = newById.get(row.idNumber);
      if (already) already.moreCategories.push({ line, category: row.category, identifiedOn: row.identifiedOn });
      else {
        const entry = { ...row, unit, moreCategories: [] };
        newById.set(row.idNumber, entry);
        result.newPersons.push(entry);
      }
      continue;
    }
    seen.set(key, line);
    covered.add(row.category);
    onList.add(`${person.id}|${row.category}`);
    const holds = person.held.some((h) => h.category === row.category);
    if (!holds) result.newCategories.push({ ...row, personId: person.id });
    const changes: AttributeChange[] = [];
    if (row.name !== person.name) changes.push({ field: 'name', from: person.name, to: row.name });
    if (row.hukouType && row.hukouType !== person.hukouType)
      changes.push({ field: 'hukouType', from: person.hukouType, to: row.hukouType });
    if (row.phone && row.phone !== person.phone) changes.push({ field: 'phone', from: person.phone, to: row.phone });
    if (row.address && row.address !== person.address) changes.push({ field: 'address', from: person.address, to: row.address });
    if (changes.length && !changedPersons.has(person.id)) {
      changedPersons.add(person.id);
      result.changed.push({ line, personId: person.id, name: row.name, idNumberMasked: maskIdNumber(person.idNumber), changes });
    }
    if (holds && !changes.length) result.unchanged++;
  }
  for (const person of byId.values()) {
    if (!person.inScope) continue;
    for (const h of person.held) {
      if (h.sourceDepartment !== options.department || !covered.has(h.category)) continue;
      if (onList.has(`${person.id}|${h.category}`)) continue;
      result.left.push({
        personId: person.id,
        factId: h.factId,
        name: person.name,
        idNumberMasked: maskIdNumber(person.idNumber),
        category: h.category,
      });
    }
  }
  result.coveredCategories = CATEGORY_IDS.filter((c) => covered.has(c));
  return result;
}
