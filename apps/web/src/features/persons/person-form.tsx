import { Anchor, SimpleGrid, Text, TextInput } from '@mantine/core';
import { ZIdNumber, ZPersonCreateInput } from '@portal/rules';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { CheckboxField, OrgUnitField, SelectField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useZodForm } from '../../lib/use-zod-form';

/**
 * One schema for both modes: the ID number is checked on create only (it is fixed afterwards and
 * shown masked), and clearing the bank account only means something on edit.
 */
function personFormSchema(mode: 'create' | 'edit') {
  return ZPersonCreateInput.extend({ idNumber: z.string(), clearBankAccount: z.boolean().default(false) }).superRefine((v, ctx) => {
    if (mode !== 'create') return;
    const id = ZIdNumber.safeParse(v.idNumber);
    if (!id.success) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: id.error.issues[0]?.message ?? '身份证号有误' });
  });
}
type TPersonForm = z.input<ReturnType<typeof personFormSchema>>;
export type TPersonFormValues = z.output<ReturnType<typeof personFormSchema>>;

const UNIT_LEVELS: readonly string[] = ['county', 'township'];

interface Props {
  mode: 'create' | 'edit';
  initial?: Partial<TPersonForm>;
  bankAccountMasked?: string | null;
  phoneMasked?: string | null;
  cardMasked?: string | null;
  onSubmit: (values: TPersonFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or edit a person. Sex and birth date follow from the ID number, which is fixed after creation. */
export function PersonForm({ mode, initial, bankAccountMasked, phoneMasked, cardMasked, onSubmit, onCancel }: Props) {
  const [existingId, setExistingId] = useState<string | null>(null);
  const schema = useMemo(() => personFormSchema(mode), [mode]);
  const form = useZodForm(schema, {
    defaultValues: {
      idNumber: '',
      name: '',
      hukouType: 'rural',
      address: '',
      orgUnitId: '',
      townshipCode: '',
      villageCode: '',
      phone: '',
      bankName: '',
      bankAccount: '',
      insuranceCardNo: '',
      clearBankAccount: false,
      ...initial,
    },
  });
  const c = form.control;
  return (
    <FormShell
      form={form}
      onCancel={onCancel}
      onSubmit={(values) => {
        setExistingId(null);
        return onSubmit(values);
      }}
      onServerError={(error) => setExistingId(error.meta?.existingId ?? null)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {mode === 'create' ? (
          <TextField control={c} name="idNumber" label="身份证号" withAsterisk description="性别、出生日期由身份证号自动确定" />
        ) : (
          <TextInput label="身份证号" value={initial?.idNumber ?? ''} disabled description="身份证号登记后不可修改" readOnly />
        )}
        <TextField control={c} name="name" label="姓名" withAsterisk />
      </SimpleGrid>
      {existingId && (
        <Text size="sm" c="red">
          该身份证号已登记：
          <Anchor component={Link} to={`/persons/${existingId}`}>
            打开已有记录
          </Anchor>
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={c}
          name="hukouType"
          label="户籍类型"
          withAsterisk
          allowDeselect={false}
          data={[
            { value: 'rural', label: '农村' },
            { value: 'urban', label: '城镇' },
          ]}
        />
        <OrgUnitField control={c} name="orgUnitId" label="所属区划" withAsterisk withCode include={(u) => UNIT_LEVELS.includes(u.level)} />
        <TextField control={c} name="townshipCode" label="乡镇（街道）代码" placeholder="9 位" />
        <TextField control={c} name="villageCode" label="村（社区）代码" placeholder="12 位" />
      </SimpleGrid>
      <TextField control={c} name="address" label="户籍地址" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField
          control={c}
          name="phone"
          label="联系电话"
          description={mode === 'edit' && phoneMasked ? `当前 ${phoneMasked}，留空则不变` : undefined}
        />
        <TextField
          control={c}
          name="insuranceCardNo"
          label="医保卡号"
          description={mode === 'edit' && cardMasked ? `当前 ${cardMasked}，留空则不变` : undefined}
        />
        <TextField control={c} name="bankName" label="开户银行" />
        <TextField
          control={c}
          name="bankAccount"
          label="报销银行账号"
          description={mode === 'edit' && bankAccountMasked ? `当前账号 ${bankAccountMasked}，留空则不变` : '仅用于报销款发放，显示时脱敏'}
        />
      </SimpleGrid>
      {mode === 'edit' && bankAccountMasked && <CheckboxField control={c} name="clearBankAccount" label="清除已登记的银行账号" />}
    </FormShell>
  );
}
