/** Deterministic pseudo-random source for reproducible demo data (mulberry32). */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof createRandom>;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN_MALE = '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志文春生德成富贵海山福金'.split('');
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英华慧巧美娅玉萍红玲桂兰凤琴云莲梅雪琳晶燕婷倩丹'.split('');

export function makeName(random: Random, sex: 'male' | 'female'): string {
  const pool = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = random.chance(0.7) ? random.pick(pool) + random.pick(pool) : random.pick(pool);
  return random.pick(SURNAMES) + given;
}

const TOWN_SUFFIX = ['镇', '乡', '街道'];
const TOWN_WORDS = '新华太平和平长安永兴清水石桥龙泉白云青山大坪金竹高峰观音双河中和'.match(/.{2}/g) ?? [];
const VILLAGE_WORDS = '上寨下寨坪上河边新村中心光明团结红星联合大湾小湾民主先锋'.match(/.{2}/g) ?? [];

export function makeAddress(random: Random, countyName: string) {
  const town = random.pick(TOWN_WORDS) + random.pick(TOWN_SUFFIX);
  const village = `${random.pick(VILLAGE_WORDS)}村`;
  return { town, village, address: `${countyName}${town}${village}${random.int(1, 12)}组${random.int(1, 99)}号` };
}
