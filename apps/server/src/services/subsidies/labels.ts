import { CATEGORY_LABELS, type TCategoryId } from '@portal/rules';

export function categoryLabelOf(id: TCategoryId): string {
  return CATEGORY_LABELS[id] ?? id;
}
