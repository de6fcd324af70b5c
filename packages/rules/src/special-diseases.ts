import { z } from 'zod';
import type { TProfileId } from './profiles.js';

/**
 * Diseases of the rural-poor special treatment programmes (大病专项救治): Qiannan's 21 (`000 §二(四)4`,
 * the national list, which Liaoning also cites in `003 §二(五)`) and Hunan's 4 classes / 9 diseases
 * (`001 §三`). Ids are stable: they are stored with claims.
 */
export interface TSpecialDisease {
  id: string;
  /** Chinese name as the notice writes it. */
  name: string;
  /** Profiles whose programme lists the disease. */
  profiles: readonly TProfileId[];
  /** Hunan's class (类) of the disease, where Hunan lists it. */
  hunanClass?: THunanDiseaseClass;
}

/** Hunan's four disease classes (`001 §三`). */
export const HUNAN_DISEASE_CLASSES = {
  digestive_cancer: '消化道肿瘤',
  end_stage_renal: '终末期肾病',
  childhood_leukemia: '儿童白血病',
  childhood_chd: '儿童先天性心脏病',
} as const;
export type THunanDiseaseClass = keyof typeof HUNAN_DISEASE_CLASSES;

const QN: TProfileId = 'qiannan-2019';
const LN: TProfileId = 'liaoning-2019';
const HN: TProfileId = 'hunan-2017';

/** All special diseases, Qiannan's order first, then the Hunan-only subtypes. */
export const SPECIAL_DISEASES: readonly TSpecialDisease[] = [
  { id: 'childhood_chd', name: '儿童先天性心脏病', profiles: [QN, LN] },
  { id: 'childhood_leukemia', name: '儿童白血病', profiles: [QN, LN] },
  { id: 'cataract', name: '白内障', profiles: [QN, LN] },
  { id: 'end_stage_renal', name: '终末期肾病', profiles: [QN, LN, HN], hunanClass: 'end_stage_renal' },
  { id: 'esophageal_cancer', name: '食管癌', profiles: [QN, LN, HN], hunanClass: 'digestive_cancer' },
  { id: 'gastric_cancer', name: '胃癌', profiles: [QN, LN, HN], hunanClass: 'digestive_cancer' },
  { id: 'colon_cancer', name: '结肠癌', profiles: [QN, LN, HN], hunanClass: 'digestive_cancer' },
  { id: 'rectal_cancer', name: '直肠癌', profiles: [QN, LN, HN], hunanClass: 'digestive_cancer' },
  { id: 'lung_cancer', name: '肺癌', profiles: [QN, LN] },
  { id: 'liver_cancer', name: '肝癌', profiles: [QN, LN] },
  { id: 'breast_cancer', name: '乳腺癌', profiles: [QN, LN] },
  { id: 'cervical_cancer', name: '宫颈癌', profiles: [QN, LN] },
  { id: 'acute_myocardial_infarction', name: '急性心肌梗死', profiles: [QN, LN] },
  { id: 'pneumoconiosis', name: '尘肺', profiles: [QN, LN] },
  { id: 'neuroblastoma', name: '神经母细胞瘤', profiles: [QN, LN] },
  { id: 'childhood_lymphoma', name: '儿童淋巴瘤', profiles: [QN, LN] },
  { id: 'osteosarcoma', name: '骨肉瘤', profiles: [QN, LN] },
  { id: 'hemophilia', name: '血友病', profiles: [QN, LN] },
  { id: 'thalassemia', name: '地中海贫血', profiles: [QN, LN] },
  { id: 'cleft_lip_palate', name: '唇腭裂', profiles: [QN, LN] },
  { id: 'hypospadias', name: '尿道下裂', profiles: [QN, LN] },
  // Hunan names subtypes where Qiannan names the whole disease.
  { id: 'childhood_all', name: '儿童急性淋巴细胞白血病', profiles: [HN], hunanClass: 'childhood_leukemia' },
  { id: 'childhood_apl', name: '儿童急性早幼粒细胞白血病', profiles: [HN], hunanClass: 'childhood_leukemia' },
  { id: 'childhood_asd', name: '儿童先天性心脏病（房间隔缺损）', profiles: [HN], hunanClass: 'childhood_chd' },
  { id: 'childhood_vsd', name: '儿童先天性心脏病（室间隔缺损）', profiles: [HN], hunanClass: 'childhood_chd' },
];

/** Stable ids of all special diseases. */
export const SPECIAL_DISEASE_IDS = SPECIAL_DISEASES.map((d) => d.id);

const BY_ID = new Map(SPECIAL_DISEASES.map((d) => [d.id, d]));

/** A special disease id (any profile); whether it belongs to the visit's profile is checked in settlement. */
export const ZSpecialDiseaseId = z
  .string({ error: '专项救治病种应为病种编码' })
  .refine((id) => BY_ID.has(id), { message: '未知的专项救治病种编码' });

/** Finds a special disease by id. */
export function getSpecialDisease(id: string): TSpecialDisease | undefined {
  return BY_ID.get(id);
}

/** The special diseases a profile's programme lists (empty for profiles without one). */
export function listSpecialDiseases(profile: TProfileId): TSpecialDisease[] {
  return SPECIAL_DISEASES.filter((d) => d.profiles.includes(profile));
}

/** True when the disease is on the profile's special treatment list. */
export function isSpecialDiseaseOfProfile(profile: TProfileId, id: string): boolean {
  return BY_ID.get(id)?.profiles.includes(profile) ?? false;
}
