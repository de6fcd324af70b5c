import { CATEGORY_LABELS, type TCategoryId } from '@portal/rules';

export const SEX_LABELS = { male: '男', female: '女' } as const;
export const HUKOU_LABELS = { urban: '城镇', rural: '农村' } as const;
export const SOURCE_LABELS: Record<string, string> = {
  civil_affairs: '民政部门',
  poverty_office: '扶贫（乡村振兴）部门',
  disabled_federation: '残联',
  veterans: '退役军人事务部门',
  medical_insurance: '医保部门',
};

export function categoryLabel(id: string): string {
  return CATEGORY_LABELS[id as TCategoryId] ?? id;
}
