import { Alert, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZChangePasswordInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { PasswordField } from '../../components/text-fields';
import { FormShell } from '../../components/form-shell';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

export function ChangePasswordPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  // An initial password set by an administrator opens nothing but this page (the server agrees).
  const isFirst = me.data?.mustChangePassword ?? false;
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const form = useZodForm(ZChangePasswordInput, { defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' } });
  const c = form.control;
  return (
    <Stack maw={440}>
      <Title order={3}>修改密码</Title>
      {isFirst && (
        <Alert color="orange" title="请先修改初始密码">
          您的密码由管理员设置。为保护账户安全，请设置只有您本人知道的新密码后再办理业务。
        </Alert>
      )}
      <Paper withBorder p="lg">
        <FormShell
          form={form}
          fullWidthSubmit
          onSubmit={async (values) => {
            await change.mutateAsync(values);
            form.reset();
            notifications.show({ color: 'green', message: '密码已修改，其他设备上的登录已失效' });
            if (isFirst) {
              await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
              void navigate('/', { replace: true });
            }
          }}
        >
          <PasswordField control={c} name="currentPassword" label="当前密码" autoComplete="current-password" />
          <PasswordField
            control={c}
            name="newPassword"
            label="新密码"
            description="至少 8 位，须同时包含字母和数字"
            autoComplete="new-password"
          />
          <PasswordField control={c} name="confirmPassword" label="确认新密码" autoComplete="new-password" />
        </FormShell>
      </Paper>
    </Stack>
  );
}
