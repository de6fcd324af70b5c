import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { ROLE_IDS, ROLE_LABELS, ZCreateUserInput, ZUpdateUserInput } from '@portal/rules';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { z } from 'zod';
import { applyServerError } from '../../lib/form-errors';

const ZCreateForm = ZCreateUserInput;
const ZEditForm = ZUpdateUserInput.shape.data.extend({ username: z.string() });
export type TCreateForm = z.input<typeof ZCreateForm>;
export type TEditForm = z.input<typeof ZEditForm>;

interface Props {
  mode: 'create' | 'edit';
  initial?: Partial<TEditForm>;
  orgUnitOptions: { value: string; label: string }[];
  onSubmit: (values: never) => Promise<unknown>;
  onCancel: () => void;
}

/** One form for creating and editing a user; the password field appears on create only. */
export function UserForm({ mode, initial, orgUnitOptions, onSubmit, onCancel }: Props) {
  const form = useForm<TCreateForm & TEditForm>({
    resolver: zodResolver((mode === 'create' ? ZCreateForm : ZEditForm) as never) as unknown as Resolver<TCreateForm & TEditForm>,
    defaultValues: { username: '', displayName: '', role: 'clerk', orgUnitId: '', phone: '', password: '', isActive: true, ...initial },
  });
  const e = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values as never);
    } catch (err) {
      applyServerError(err, form.setError, ['username', 'displayName', 'role', 'orgUnitId', 'phone', 'password']);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <TextInput label="用户名" withAsterisk disabled={mode === 'edit'} {...form.register('username')} error={e.username?.message} />
          <TextInput label="姓名" withAsterisk {...form.register('displayName')} error={e.displayName?.message} />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label="角色"
                withAsterisk
                data={ROLE_IDS.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                error={e.role?.message}
                allowDeselect={false}
              />
            )}
          />
          <Controller
            control={form.control}
            name="orgUnitId"
            render={({ field }) => (
              <Select
                label="所属机构"
                withAsterisk
                searchable
                data={orgUnitOptions}
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                error={e.orgUnitId?.message}
                nothingFoundMessage="没有匹配的机构"
              />
            )}
          />
          <TextInput label="联系电话" {...form.register('phone')} error={e.phone?.message} />
          {mode === 'create' ? (
            <PasswordInput
              label="初始密码"
              description="至少 8 位，须同时包含字母和数字"
              withAsterisk
              {...form.register('password')}
              error={e.password?.message}
            />
          ) : (
            <Controller
              control={form.control}
              name="isActive"
              render={({ field }) => (
                <Switch label="账户启用" checked={field.value} onChange={(ev) => field.onChange(ev.currentTarget.checked)} />
              )}
            />
          )}
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
