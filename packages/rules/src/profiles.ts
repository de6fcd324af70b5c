import { z } from 'zod';

/** The five jurisdiction profiles an agency can run (seeds/README). */
export const PROFILE_IDS = ['qiannan-2019', 'hunan-2017', 'xianning-2022', 'liaoning-2019', 'weihai-2019'] as const;

export const ZProfileId = z.enum(PROFILE_IDS, { error: '未知的政策口径（profile）' });
export type TProfileId = z.infer<typeof ZProfileId>;

export interface ProfileInfo {
  id: TProfileId;
  /** Chinese name of the jurisdiction as the UI shows it. */
  label: string;
  /** Issuing document, as cited. */
  document: string;
  /** Seed file prefix used in clause citations (`000 §二(四)3`). */
  seed: string;
  /** GB/T 2260 code of the jurisdiction's top region. */
  regionCode: string;
  /** First year the notice applies to. */
  fromYear: number;
}

export const PROFILES: Record<TProfileId, ProfileInfo> = {
  'qiannan-2019': {
    id: 'qiannan-2019',
    label: '黔南州（2019）',
    document: '黔南医保发〔2019〕36号',
    seed: '000',
    regionCode: '522700',
    fromYear: 2019,
  },
  'hunan-2017': {
    id: 'hunan-2017',
    label: '湖南省（2017）',
    document: '湘人社发〔2017〕51号',
    seed: '001',
    regionCode: '430000',
    fromYear: 2017,
  },
  'xianning-2022': {
    id: 'xianning-2022',
    label: '咸宁市（2022）',
    document: '咸医保发〔2021〕31号',
    seed: '002',
    regionCode: '421200',
    fromYear: 2022,
  },
  'liaoning-2019': {
    id: 'liaoning-2019',
    label: '辽宁省（2019）',
    document: '辽医保〔2019〕8号',
    seed: '003',
    regionCode: '210000',
    fromYear: 2019,
  },
  'weihai-2019': {
    id: 'weihai-2019',
    label: '威海市（2019）',
    document: '威医保发〔2019〕25号',
    seed: '004',
    regionCode: '371000',
    fromYear: 2019,
  },
};
