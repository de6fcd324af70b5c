import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { ZLoginInput, type TLoginInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { isApiError, useTRPC } from '../../lib/trpc';

export function LoginPage() {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(params.get('expired') ? '登录已过期，请重新登录' : null);
  const form = useForm<TLoginInput>({ resolver: zodResolver(ZLoginInput), defaultValues: { username: '', password: '' } });
  const login = useMutation(trpc.auth.login.mutationOptions());
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (me.data) return <Navigate to={target} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await login.mutateAsync(values);
      await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      void navigate(target, { replace: true });
    } catch (err) {
      setError(isApiError(err) ? err.message : '无法连接服务器，请稍后重试');
    }
  });

  return (
    <Center mih="100vh" bg="gray.1" p="md">
      <Box w={400}>
        <Stack gap={4} mb="lg" align="center">
          <Title order={2}>医保扶贫经办平台</Title>
          <Text c="dimmed" size="sm">
            医疗保障扶贫 · 一站式结算 · 经办管理
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <form onSubmit={onSubmit} noValidate>
            <fieldset disabled={form.formState.isSubmitting} style={{ border: 0, padding: 0, margin: 0 }}>
              <Stack>
                {error && (
                  <Alert color="red" role="alert">
                    {error}
                  </Alert>
                )}
                <TextInput
                  label="用户名"
                  autoComplete="username"
                  autoFocus
                  {...form.register('username')}
                  error={form.formState.errors.username?.message}
                />
                <PasswordInput
                  label="密码"
                  autoComplete="current-password"
                  {...form.register('password')}
                  error={form.formState.errors.password?.message}
                />
                <Button type="submit" loading={form.formState.isSubmitting} fullWidth>
                  登录
                </Button>
              </Stack>
            </fieldset>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          连续输错密码 5 次账户将锁定 15 分钟。忘记密码请联系本单位系统管理员。
        </Text>
      </Box>
    </Center>
  );
}
