import type { TParamDefault } from '../params/index.js';

/**
 * The plausible limit of one hospital advance declaration (local parameter): the notice sets no
 * limit, so this is a sanity bound, not a cap. A declaration above it is accepted only with a
 * written reason (超限说明), shown to the reviewer who approves it (decision 0009).
 */
export const ADVANCE_DECLARATION_LIMIT: TParamDefault & { label: string } = {
  label: '单次垫付申报合理上限',
  value: 5_000_000_000,
  source: 'local',
  note: '文件未规定，本地默认值 5 000 万元，请经办机构确认',
};
