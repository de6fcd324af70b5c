import type { TProfileId } from '@portal/rules';

export interface RegionSeed {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county';
  /** Demo-only regions (county lists the notices do not give), flagged in the UI. */
  isDemo?: boolean;
  children?: RegionSeed[];
}

export interface JurisdictionSeed {
  profile: TProfileId;
  /** Agency name prefix used for the top org unit. */
  root: RegionSeed;
  /** Short prefix for demo usernames. */
  slug: string;
  /** Counties that get demo clerks and reviewers. */
  demoCounties: string[];
}

const county = (code: string, name: string, isDemo = false): RegionSeed => ({ code, name, level: 'county', isDemo });

/** The five jurisdictions with their GB/T 2260 codes (regions of the notices). */
export const JURISDICTIONS: JurisdictionSeed[] = [
  {
    profile: 'qiannan-2019',
    slug: 'qn',
    demoCounties: ['522732', '522725'],
    root: {
      code: '522700',
      name: '黔南布依族苗族自治州',
      level: 'city',
      children: [
        county('522701', '都匀市'),
        county('522702', '福泉市'),
        county('522722', '荔波县'),
        county('522723', '贵定县'),
        county('522725', '瓮安县'),
        county('522726', '独山县'),
        county('522727', '平塘县'),
        county('522728', '罗甸县'),
        county('522729', '长顺县'),
        county('522730', '龙里县'),
        county('522731', '惠水县'),
        county('522732', '三都水族自治县'),
      ],
    },
  },
  {
    profile: 'hunan-2017',
    slug: 'hn',
    demoCounties: ['430121', '433101'],
    root: {
      code: '430000',
      name: '湖南省',
      level: 'province',
      children: [
        { code: '430100', name: '长沙市', level: 'city', children: [county('430121', '长沙县', true), county('430181', '浏阳市', true)] },
        { code: '430200', name: '株洲市', level: 'city' },
        { code: '430300', name: '湘潭市', level: 'city' },
        { code: '430400', name: '衡阳市', level: 'city' },
        { code: '430500', name: '邵阳市', level: 'city', children: [county('430523', '邵阳县', true)] },
        { code: '430600', name: '岳阳市', level: 'city' },
        { code: '430700', name: '常德市', level: 'city' },
        { code: '430800', name: '张家界市', level: 'city' },
        { code: '430900', name: '益阳市', level: 'city' },
        { code: '431000', name: '郴州市', level: 'city' },
        { code: '431100', name: '永州市', level: 'city' },
        { code: '431200', name: '怀化市', level: 'city' },
        { code: '431300', name: '娄底市', level: 'city' },
        {
          code: '433100',
          name: '湘西土家族苗族自治州',
          level: 'city',
          children: [county('433101', '吉首市'), county('433123', '凤凰县', true)],
        },
      ],
    },
  },
  {
    profile: 'xianning-2022',
    slug: 'xn',
    demoCounties: ['421222', '421202'],
    root: {
      code: '421200',
      name: '咸宁市',
      level: 'city',
      children: [
        county('421202', '咸安区'),
        county('421221', '嘉鱼县'),
        county('421222', '通城县'),
        county('421223', '崇阳县'),
        county('421224', '通山县'),
        county('421281', '赤壁市'),
      ],
    },
  },
  {
    profile: 'liaoning-2019',
    slug: 'ln',
    demoCounties: ['210123', '211322'],
    root: {
      code: '210000',
      name: '辽宁省',
      level: 'province',
      children: [
        { code: '210100', name: '沈阳市', level: 'city', children: [county('210123', '康平县', true), county('210124', '法库县', true)] },
        { code: '210200', name: '大连市', level: 'city' },
        { code: '210300', name: '鞍山市', level: 'city' },
        { code: '210400', name: '抚顺市', level: 'city' },
        { code: '210500', name: '本溪市', level: 'city' },
        { code: '210600', name: '丹东市', level: 'city' },
        { code: '210700', name: '锦州市', level: 'city' },
        { code: '210800', name: '营口市', level: 'city' },
        { code: '210900', name: '阜新市', level: 'city' },
        { code: '211000', name: '辽阳市', level: 'city' },
        { code: '211100', name: '盘锦市', level: 'city' },
        { code: '211200', name: '铁岭市', level: 'city' },
        { code: '211300', name: '朝阳市', level: 'city', children: [county('211322', '建平县', true)] },
        { code: '211400', name: '葫芦岛市', level: 'city' },
      ],
    },
  },
  {
    profile: 'weihai-2019',
    slug: 'wh',
    demoCounties: ['371002', '371082'],
    root: {
      code: '371000',
      name: '威海市',
      level: 'city',
      children: [county('371002', '环翠区'), county('371003', '文登区'), county('371082', '荣成市'), county('371083', '乳山市')],
    },
  },
];
