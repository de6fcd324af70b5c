import { ROLE_IDS, ROLE_LABELS, ZNewPassword, ZUpdateUserInput, ZUsername } from '@portal/rules';
import { useMemo } from 'react';
import { z } from 'zod';
import { OrgUnitField, PasswordField, SelectField, SwitchField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useZodForm } from '../../lib/use-zod-form';

/** One schema for both modes: the username and the first password are checked on create only (fixed, or absent, afterwards). */
function userFormSchema(mode: 'create' | 'edit') {
  return ZUpdateUserInput.shape.data.extend({ username: z.string(), password: z.string() }).superRefine((v, ctx) => {
    if (mode !== 'create') return;
    for (const [key, schema] of [
      ['username', ZUsername],
      ['password', ZNewPassword],
    ] as const) {
      const r = schema.safeParse(v[key]);
      if (!r.success) ctx.addIssue({ code: 'custom', path: [key], message: r.error.issues[0]?.message ?? '输入有误' });
    }
  });
}
type TUserForm = z.input<ReturnType<typeof userFormSchema>>;
export type TUserFormValues = z.output<ReturnType<typeof userFormSchema>>;

interface Props {
  mode: 'create' | 'edit';
  initial?: Partial<TUserForm>;
  onSubmit: (values: TUserFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/** One form for creating and editing a user; the password field appears on create only. */
export function UserForm({ mode, initial, onSubmit, onCancel }: Props) {
  const schema = useMemo(() => userFormSchema(mode), [mode]);
  const form = useZodForm(schema, {
    defaultValues: {
      username: '',
      displayName: '',
      role: 'clerk',
      orgUnitId: '',
      phone: '',
      password: '',
      isActive: true,
      canExportFull: false,
      ...initial,
    },
  });
  const c = form.control;
  return (
    <FormShell form={form} onSubmit={onSubmit} onCancel={onCancel}>
      <TextField control={c} name="username" label="用户名" withAsterisk disabled={mode === 'edit'} />
      <TextField control={c} name="displayName" label="姓名" withAsterisk />
      <SelectField
        control={c}
        name="role"
        label="角色"
        withAsterisk
        allowDeselect={false}
        data={ROLE_IDS.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
      />
      <OrgUnitField
        control={c}
        name="orgUnitId"
        label="所属机构"
        withAsterisk
        withCode
        include={() => true}
        nothingFoundMessage="没有匹配的机构"
      />
      <TextField control={c} name="phone" label="联系电话" />
      {mode === 'create' ? (
        <PasswordField control={c} name="password" label="初始密码" description="至少 8 位，须同时包含字母和数字" withAsterisk />
      ) : (
        <SwitchField control={c} name="isActive" label="账户启用" />
      )}
      <SwitchField
        control={c}
        name="canExportFull"
        label="允许导出完整身份证号和银行账号"
        description="仅用于与其他部门核对名单；每次完整导出都记入操作日志。未开启时导出文件中的号码均脱敏"
      />
    </FormShell>
  );
}
