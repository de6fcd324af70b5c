/**
 * Qiannan's twelve counties and cities by class for sharing the 建档立卡 fixed premium subsidy
 * between province, prefecture and county (`000 §二(三)`).
 */
export type TQiannanCountyClass = 1 | 2 | 3;

export interface QiannanCounty {
  code: string;
  name: string;
  countyClass: TQiannanCountyClass;
}

export const QIANNAN_COUNTIES: readonly QiannanCounty[] = [
  { code: '522732', name: '三都水族自治县', countyClass: 1 },
  { code: '522728', name: '罗甸县', countyClass: 1 },
  { code: '522725', name: '瓮安县', countyClass: 2 },
  { code: '522730', name: '龙里县', countyClass: 2 },
  { code: '522723', name: '贵定县', countyClass: 2 },
  { code: '522731', name: '惠水县', countyClass: 2 },
  { code: '522729', name: '长顺县', countyClass: 2 },
  { code: '522727', name: '平塘县', countyClass: 2 },
  { code: '522726', name: '独山县', countyClass: 2 },
  { code: '522722', name: '荔波县', countyClass: 2 },
  { code: '522701', name: '都匀市', countyClass: 3 },
  { code: '522702', name: '福泉市', countyClass: 3 },
];

/** province : prefecture : county, in tenths. */
export const QIANNAN_SHARE_RATIOS: Record<TQiannanCountyClass, readonly [number, number, number]> = {
  1: [10, 0, 0],
  2: [5, 2, 3],
  3: [0, 0, 10],
};

export const QIANNAN_CLASS_LABELS: Record<TQiannanCountyClass, string> = {
  1: '第一类（深度贫困县）',
  2: '第二类（贫困县）',
  3: '第三类（非贫困县）',
};

export function findQiannanCounty(code: string): QiannanCounty | undefined {
  return QIANNAN_COUNTIES.find((c) => c.code === code);
}
