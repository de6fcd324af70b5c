import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Checkbox, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ZPersonCreateInput, ZPersonUpdateInput } from '@portal/rules';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { applyServerError } from '../../lib/form-errors';
import { isApiError } from '../../lib/trpc';

const ZEdit = ZPersonUpdateInput.shape.data;
type TForm = z.input<typeof ZPersonCreateInput> & z.input<typeof ZEdit>;
const FIELDS = [
  'idNumber',
  'name',
  'hukouType',
  'address',
  'orgUnitId',
  'townshipCode',
  'villageCode',
  'phone',
  'bankName',
  'bankAccount',
  'insuranceCardNo',
];

interface Props {
  mode: 'create' | 'edit';
  initial?: Partial<TForm>;
  bankAccountMasked?: string | null;
  phoneMasked?: string | null;
  orgUnitOptions: { value: string; label: string }[];
  onSubmit: (values: never) => Promise<unknown>;
  onCancel: () => void;
}

/** Create or edit a person. Sex and birth date follow from the ID number, which is fixed after creation. */
export function PersonForm({ mode, initial, bankAccountMasked, phoneMasked, orgUnitOptions, onSubmit, onCancel }: Props) {
  const [existingId, setExistingId] = useState<string | null>(null);
  const form = useForm<TForm>({
    resolver: zodResolver((mode === 'create' ? ZPersonCreateInput : ZEdit) as never) as unknown as Resolver<TForm>,
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
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setExistingId(null);
    try {
      await onSubmit(values as never);
    } catch (err) {
      if (isApiError(err)) {
        const meta = (err.data as { meta?: { existingId?: string } | null } | undefined)?.meta;
        if (meta?.existingId) setExistingId(meta.existingId);
      }
      applyServerError(err, form.setError, FIELDS);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {mode === 'create' ? (
              <TextInput
                label="身份证号"
                withAsterisk
                description="性别、出生日期由身份证号自动确定"
                {...form.register('idNumber')}
                error={e.idNumber?.message}
              />
            ) : (
              <TextInput label="身份证号" value={initial?.idNumber ?? ''} disabled description="身份证号登记后不可修改" readOnly />
            )}
            <TextInput label="姓名" withAsterisk {...form.register('name')} error={e.name?.message} />
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
            <Controller
              control={form.control}
              name="hukouType"
              render={({ field }) => (
                <Select
                  label="户籍类型"
                  withAsterisk
                  data={[
                    { value: 'rural', label: '农村' },
                    { value: 'urban', label: '城镇' },
                  ]}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                  allowDeselect={false}
                  error={e.hukouType?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="orgUnitId"
              render={({ field }) => (
                <Select
                  label="所属区划"
                  withAsterisk
                  searchable
                  data={orgUnitOptions}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={e.orgUnitId?.message}
                  nothingFoundMessage="没有匹配的区划"
                />
              )}
            />
            <TextInput label="乡镇（街道）代码" placeholder="9 位" {...form.register('townshipCode')} error={e.townshipCode?.message} />
            <TextInput label="村（社区）代码" placeholder="12 位" {...form.register('villageCode')} error={e.villageCode?.message} />
          </SimpleGrid>
          <TextInput label="户籍地址" {...form.register('address')} error={e.address?.message} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="联系电话"
              description={mode === 'edit' && phoneMasked ? `当前 ${phoneMasked}，留空则不变` : undefined}
              {...form.register('phone')}
              error={e.phone?.message}
            />
            <TextInput label="医保卡号" {...form.register('insuranceCardNo')} error={e.insuranceCardNo?.message} />
            <TextInput label="开户银行" {...form.register('bankName')} error={e.bankName?.message} />
            <TextInput
              label="报销银行账号"
              description={
                mode === 'edit' && bankAccountMasked ? `当前账号 ${bankAccountMasked}，留空则不变` : '仅用于报销款发放，显示时脱敏'
              }
              {...form.register('bankAccount')}
              error={e.bankAccount?.message}
            />
          </SimpleGrid>
          {mode === 'edit' && bankAccountMasked && <Checkbox label="清除已登记的银行账号" {...form.register('clearBankAccount')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              取消
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              保存
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
