import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZChangePasswordInput, type TChangePasswordInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { useForm } from 'react-hook-form';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

export function ChangePasswordPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useMe();
  const isFirst = me.data?.mustChangePassword ?? false;
  const change = useMutation(trpc.auth.changePassword.mutationOptions());
  const form = useForm<TChangePasswordInput>({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      form.reset();
      notifications.show({ color: 'green', message: '密码已修改，其他设备上的登录已失效' });
      if (isFirst) {
        await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
        void navigate('/', { replace: true });
      }
    } catch (err) {
      applyServerError(err, form.setError, ['currentPassword', 'newPassword', 'confirmPassword']);
    }
  });
  const e = form.formState.errors;
  return (
    <Stack maw={440}>
      <Title order={3}>修改密码</Title>
      {isFirst && (
        <Alert color="orange" title="请先修改初始密码">
          您的密码由管理员设置。为保护账户安全，请设置只有您本人知道的新密码后再办理业务。
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack>
              <PasswordInput
                label="当前密码"
                autoComplete="current-password"
                {...form.register('currentPassword')}
                error={e.currentPassword?.message}
              />
              <PasswordInput
                label="新密码"
                description="至少 8 位，须同时包含字母和数字"
                autoComplete="new-password"
                {...form.register('newPassword')}
                error={e.newPassword?.message}
              />
              <PasswordInput
                label="确认新密码"
                autoComplete="new-password"
                {...form.register('confirmPassword')}
                error={e.confirmPassword?.message}
              />
              <Button type="submit" loading={form.formState.isSubmitting}>
                保存
              </Button>
            </Stack>
          </fieldset>
        </form>
      </Paper>
    </Stack>
  );
}
