import type { TProfileId } from '@portal/rules';

export interface HospitalSeed {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  regionCode: string;
  regionName: string;
  isNetworked?: boolean;
  isSpecialDiseaseDesignated?: boolean;
  referralTier?: 'city' | 'provincial';
}

const h = (
  code: string,
  name: string,
  level: 1 | 2 | 3,
  regionCode: string,
  regionName: string,
  extra: Partial<HospitalSeed> = {},
): HospitalSeed => ({
  code,
  name,
  level,
  regionCode,
  regionName,
  ...extra,
});

/**
 * Demo hospital lists per jurisdiction. Xianning's designated referral hospitals are the eight
 * city-level and seven provincial ones named in `002 §三(三)`; the rest are representative
 * hospitals of the seeded counties (codes are demo codes).
 */
export const HOSPITALS: Record<TProfileId, HospitalSeed[]> = {
  'qiannan-2019': [
    h('QN001', '黔南州人民医院', 3, '522701', '都匀市', { isSpecialDiseaseDesignated: true }),
    h('QN002', '黔南州中医医院', 3, '522701', '都匀市', { isSpecialDiseaseDesignated: true }),
    h('QN003', '都匀市人民医院', 2, '522701', '都匀市'),
    h('QN010', '三都水族自治县人民医院', 2, '522732', '三都水族自治县', { isSpecialDiseaseDesignated: true }),
    h('QN011', '三都水族自治县中医医院', 2, '522732', '三都水族自治县'),
    h('QN012', '三都水族自治县周覃镇卫生院', 1, '522732', '三都水族自治县'),
    h('QN020', '瓮安县人民医院', 2, '522725', '瓮安县', { isSpecialDiseaseDesignated: true }),
    h('QN021', '瓮安县雍阳街道社区卫生服务中心', 1, '522725', '瓮安县'),
    h('QN090', '贵州省人民医院', 3, '520102', '贵阳市南明区', { isSpecialDiseaseDesignated: true }),
    h('QN091', '贵州医科大学附属医院', 3, '520102', '贵阳市云岩区'),
    h('QN099', '中南大学湘雅医院', 3, '430102', '湖南省长沙市', { isNetworked: false }),
  ],
  'hunan-2017': [
    h('HN001', '中南大学湘雅医院', 3, '430102', '长沙市芙蓉区', { isSpecialDiseaseDesignated: true }),
    h('HN002', '湖南省人民医院', 3, '430102', '长沙市芙蓉区', { isSpecialDiseaseDesignated: true }),
    h('HN010', '长沙县人民医院', 2, '430121', '长沙县', { isSpecialDiseaseDesignated: true }),
    h('HN011', '长沙县中医医院', 2, '430121', '长沙县'),
    h('HN012', '长沙县星沙街道社区卫生服务中心', 1, '430121', '长沙县'),
    h('HN020', '湘西土家族苗族自治州人民医院', 3, '433101', '吉首市', { isSpecialDiseaseDesignated: true }),
    h('HN021', '吉首市人民医院', 2, '433101', '吉首市', { isSpecialDiseaseDesignated: true }),
    h('HN022', '吉首市乾州街道卫生院', 1, '433101', '吉首市'),
    h('HN030', '浏阳市人民医院', 2, '430181', '浏阳市'),
    h('HN099', '广州中山大学附属第一医院', 3, '440104', '广东省广州市', { isNetworked: false }),
  ],
  'xianning-2022': [
    h('XN001', '咸宁市中心医院', 3, '421202', '咸安区', { referralTier: 'city', isSpecialDiseaseDesignated: true }),
    h('XN002', '咸宁市中医医院', 3, '421202', '咸安区', { referralTier: 'city' }),
    h('XN003', '咸宁市妇幼保健院', 2, '421202', '咸安区', { referralTier: 'city' }),
    h('XN004', '湖北科技学院附属第二医院', 3, '421202', '咸安区', { referralTier: 'city' }),
    h('XN005', '咸宁市结核病防治院', 2, '421202', '咸安区', { referralTier: 'city' }),
    h('XN006', '咸宁爱尔眼科医院', 2, '421202', '咸安区', { referralTier: 'city' }),
    h('XN007', '咸宁徐辛勤医院', 2, '421202', '咸安区', { referralTier: 'city' }),
    h('XN008', '咸宁麻塘风湿病医院', 2, '421202', '咸安区', { referralTier: 'city' }),
    h('XN101', '湖北省人民医院', 3, '420106', '武汉市武昌区', { referralTier: 'provincial' }),
    h('XN102', '湖北省妇幼保健院', 3, '420111', '武汉市洪山区', { referralTier: 'provincial' }),
    h('XN103', '湖北省肿瘤医院', 3, '420111', '武汉市洪山区', { referralTier: 'provincial' }),
    h('XN104', '武汉大学中南医院', 3, '420106', '武汉市武昌区', { referralTier: 'provincial' }),
    h('XN105', '中国人民解放军中部战区总医院', 3, '420106', '武汉市武昌区', { referralTier: 'provincial' }),
    h('XN106', '武汉市金银潭医院', 3, '420112', '武汉市东西湖区', { referralTier: 'provincial' }),
    h('XN107', '武汉亚洲心脏病医院', 3, '420103', '武汉市江汉区', { referralTier: 'provincial' }),
    h('XN201', '通城县人民医院', 2, '421222', '通城县', { isSpecialDiseaseDesignated: true }),
    h('XN202', '通城县中医医院', 2, '421222', '通城县'),
    h('XN203', '通城县隽水镇卫生院', 1, '421222', '通城县'),
    h('XN211', '咸安区人民医院', 2, '421202', '咸安区'),
    h('XN212', '咸安区永安街道社区卫生服务中心', 1, '421202', '咸安区'),
    h('XN299', '中南大学湘雅医院', 3, '430102', '湖南省长沙市', { isNetworked: false }),
  ],
  'liaoning-2019': [
    h('LN001', '中国医科大学附属第一医院', 3, '210102', '沈阳市和平区', { isSpecialDiseaseDesignated: true }),
    h('LN002', '沈阳市第四人民医院', 3, '210105', '沈阳市皇姑区'),
    h('LN010', '康平县人民医院', 2, '210123', '康平县', { isSpecialDiseaseDesignated: true }),
    h('LN011', '康平县中医院', 2, '210123', '康平县'),
    h('LN012', '康平县郝官屯镇卫生院', 1, '210123', '康平县'),
    h('LN020', '朝阳市中心医院', 3, '211302', '朝阳市双塔区'),
    h('LN021', '建平县医院', 2, '211322', '建平县', { isSpecialDiseaseDesignated: true }),
    h('LN022', '建平县叶柏寿街道卫生院', 1, '211322', '建平县'),
    h('LN099', '北京协和医院', 3, '110101', '北京市东城区', { isNetworked: false }),
  ],
  'weihai-2019': [
    h('WH001', '威海市立医院', 3, '371002', '环翠区', { isSpecialDiseaseDesignated: true }),
    h('WH002', '威海市中心医院', 3, '371003', '文登区', { isSpecialDiseaseDesignated: true }),
    h('WH010', '威海市环翠区医院', 2, '371002', '环翠区'),
    h('WH011', '环翠区孙家疃街道社区卫生服务中心', 1, '371002', '环翠区'),
    h('WH020', '荣成市人民医院', 2, '371082', '荣成市', { isSpecialDiseaseDesignated: true }),
    h('WH021', '荣成市石岛人民医院', 2, '371082', '荣成市'),
    h('WH090', '山东大学齐鲁医院', 3, '370102', '济南市历下区'),
    h('WH099', '北京协和医院', 3, '110101', '北京市东城区', { isNetworked: false }),
  ],
};
