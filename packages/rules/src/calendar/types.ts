import { z } from 'zod';
import { zBoundedInteger } from '../fields.js';
import { ZIsoDate, toDayNumber, weekdayOf } from './dates.js';

/**
 * One year of the State Council holiday arrangement, as seeded in the package or entered by an
 * administrator. `holidays`: days off of the statutory holiday periods (weekend days inside a
 * period may be listed or not — weekends are days off anyway); `workingDays`: Saturdays and
 * Sundays that are working days (调休上班).
 */
export interface TCalendarYear {
  year: number;
  holidays: readonly string[];
  workingDays: readonly string[];
  /** Where the arrangement comes from, e.g. the notice number (国办发明电〔2024〕12号). */
  source?: string;
}

/** An admin-entered year: every date inside the year, none both holiday and working day. */
export const ZCalendarYear = z
  .object({
    year: zBoundedInteger(2000, 2100, {
      type: '请输入年份',
      tooSmall: '年份不能早于 2000',
      tooBig: '年份不能晚于 2100',
      fraction: '年份应为整数',
    }),
    holidays: z.array(ZIsoDate, { error: '请输入节假日列表' }),
    workingDays: z.array(ZIsoDate, { error: '请输入调休上班日列表' }),
    source: z.string().trim().max(200, '来源说明最多 200 字').optional(),
  })
  .superRefine((value, ctx) => {
    const check = (list: readonly string[], key: 'holidays' | 'workingDays', label: string) => {
      const seen = new Set<string>();
      list.forEach((date, i) => {
        if (!date.startsWith(`${value.year}-`)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${label} ${date} 不在 ${value.year} 年内` });
        }
        if (seen.has(date)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `${label} ${date} 重复录入` });
        }
        seen.add(date);
      });
    };
    check(value.holidays, 'holidays', '节假日');
    check(value.workingDays, 'workingDays', '调休上班日');
    const holidays = new Set(value.holidays);
    value.workingDays.forEach((date, i) => {
      if (holidays.has(date)) {
        ctx.addIssue({ code: 'custom', path: ['workingDays', i], message: `${date} 不能既是节假日又是调休上班日` });
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        try {
          const weekday = weekdayOf(toDayNumber(date));
          if (weekday !== 0 && weekday !== 6) {
            ctx.addIssue({
              code: 'custom',
              path: ['workingDays', i],
              message: `调休上班日 ${date} 应为周六或周日（周一至周五本来就是工作日）`,
            });
          }
        } catch {
          // malformed dates are reported by ZIsoDate
        }
      }
    });
  });
export type TCalendarYearInput = z.input<typeof ZCalendarYear>;

/** A suspension of a deadline clock (特殊病案、疑问病案): both ends included. */
export const ZSuspension = z
  .object({ from: ZIsoDate, to: ZIsoDate })
  .refine((s) => s.from <= s.to, { path: ['to'], message: '暂停结束日期不能早于开始日期' });
export type TSuspension = z.infer<typeof ZSuspension>;
