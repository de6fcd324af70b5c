import type { TProfileId } from '../../profiles.js';
import type { TProfileRules } from '../types.js';
import { HUNAN_RULES } from './hunan.js';
import { LIAONING_RULES } from './liaoning.js';
import { QIANNAN_RULES } from './qiannan.js';
import { WEIHAI_RULES } from './weihai.js';
import { XIANNING_RULES } from './xianning.js';

/** The policy hooks of each profile. */
export const PROFILE_RULES: Record<TProfileId, TProfileRules> = {
  'qiannan-2019': QIANNAN_RULES,
  'hunan-2017': HUNAN_RULES,
  'xianning-2022': XIANNING_RULES,
  'liaoning-2019': LIAONING_RULES,
  'weihai-2019': WEIHAI_RULES,
};
