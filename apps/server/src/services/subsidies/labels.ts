import { CATEGORY_LABELS, type TCategoryId } from '@portal/rules';

export function categoryLabelOf(id: string): string {
  return CATEGORY_LABELS[id as TCategoryId] ?? id;
}
