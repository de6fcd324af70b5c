import { z } from 'zod';
import { ZIsoDate } from '../calendar/dates.js';
import { ZProfileId, type TProfileId } from '../profiles.js';

/**
 * Enrollment timing for a newly identified beneficiary (RULES §5): which insurance year the
 * subsidised enrollment is for, and from which date the person is covered as a beneficiary.
 */

export const ZEnrollmentRequest = z.object({
  profile: ZProfileId,
  /** The date the person was identified (认定) as a beneficiary. */
  identifiedOn: ZIsoDate,
  /** The person is already insured for the current year and paid the premium themselves. */
  alreadyEnrolledThisYear: z.boolean({ error: '请选择当年是否已参保缴费' }).default(false),
});
export type TEnrollmentRequest = z.input<typeof ZEnrollmentRequest>;

export interface EnrollmentResult {
  /** The insurance year the subsidised (beneficiary) enrollment is for. */
  year: number;
  /** The date from which the person is covered as a subsidised beneficiary. */
  subsidisedFrom: string;
  /** The premium the person paid this year is refunded (Weihai). Absent where no clause says so. */
  refundPaidPremium?: boolean;
  /** Who pays the premium when the person had not paid (Weihai: the pre-allocated fiscal fund). */
  premiumPaidBy?: 'fiscal_preallocated' | 'subsidy';
  /** No profile imposes a waiting period on beneficiaries. */
  waitingPeriod: false;
  explain: string;
  clause: string;
}

const QIANNAN_CUTOFF = '-08-31';

function qiannan(identifiedOn: string, year: number, enrolled: boolean): EnrollmentResult {
  const clause = '000 §二(二)';
  if (identifiedOn <= `${year}${QIANNAN_CUTOFF}`) {
    return {
      year,
      subsidisedFrom: identifiedOn,
      waitingPeriod: false,
      explain: `${identifiedOn} 在 ${year} 年 8 月底前认定，动态纳入 ${year} 年度基本医保并享受资助参保${enrolled ? '（当年已自行缴费的，文件未规定退费）' : ''}，自认定之日起享受医保扶贫待遇。`,
      clause,
    };
  }
  const next = year + 1;
  return {
    year: next,
    subsidisedFrom: `${next}-01-01`,
    waitingPeriod: false,
    explain: enrolled
      ? `${identifiedOn} 在 9 月至 12 月认定，当年已参保：${year} 年度按已缴费参保继续享受基本医保待遇，资助参保自 ${next} 年度起。`
      : `${identifiedOn} 在 9 月至 12 月认定且未参保，统一纳入 ${next} 年度基本医保，自 ${next}-01-01 起享受。`,
    clause,
  };
}

function weihai(identifiedOn: string, year: number, enrolled: boolean): EnrollmentResult {
  return {
    year,
    subsidisedFrom: identifiedOn,
    refundPaidPremium: enrolled,
    premiumPaidBy: enrolled ? 'subsidy' : 'fiscal_preallocated',
    waitingPeriod: false,
    explain: enrolled
      ? `${year} 年 1 月 1 日后新认定且已缴费：自认定之日（${identifiedOn}）起享受困难人员医疗保障待遇，所缴费用按规定标准退还本人，不设等待期。`
      : `${year} 年 1 月 1 日后新认定且未缴费：由医保经办机构从财政预拨补助资金缴费并办理参保，自认定之日（${identifiedOn}）起享受待遇，不设等待期。`,
    clause: '004 §二(三)',
  };
}

function xianning(identifiedOn: string, year: number): EnrollmentResult {
  return {
    year,
    subsidisedFrom: identifiedOn,
    waitingPeriod: false,
    explain: `认定后动态纳入 ${year} 年度资助参保范围，自认定之日（${identifiedOn}）起享受；农村低收入人口非因个人原因停保断保的，不设待遇享受等待期。`,
    clause: '002 §二(二)',
  };
}

function localDefault(profile: TProfileId, identifiedOn: string, year: number): EnrollmentResult {
  const clause = profile === 'hunan-2017' ? '001 §一（未规定认定时点，按本地默认口径）' : '003 §三(一)（未规定认定时点，按本地默认口径）';
  return {
    year,
    subsidisedFrom: identifiedOn,
    waitingPeriod: false,
    explain: `文件未规定新认定对象的参保时点：按默认口径动态纳入 ${year} 年度资助参保，自认定之日（${identifiedOn}）起享受，不设等待期，已缴费用不退。`,
    clause,
  };
}

/**
 * The enrollment year and start of beneficiary coverage for a person identified on
 * `identifiedOn`: Qiannan's 31 August cut-off, Weihai's after-1-January rule (refund or fiscal
 * payment), Xianning's no-waiting-period rule; Hunan and Liaoning, whose notices set no timing,
 * get the same as Xianning (current year, from the identification date, no refund).
 */
export function enrollmentYearFor(request: TEnrollmentRequest): EnrollmentResult {
  const req = ZEnrollmentRequest.parse(request);
  const year = Number(req.identifiedOn.slice(0, 4));
  switch (req.profile) {
    case 'qiannan-2019':
      return qiannan(req.identifiedOn, year, req.alreadyEnrolledThisYear);
    case 'weihai-2019':
      return weihai(req.identifiedOn, year, req.alreadyEnrolledThisYear);
    case 'xianning-2022':
      return xianning(req.identifiedOn, year);
    default:
      return localDefault(req.profile, req.identifiedOn, year);
  }
}
