import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { ZLoginInput } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { PasswordField, TextField } from '../../components/text-fields';
import { FormShell } from '../../components/form-shell';
import { useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

export function LoginPage() {
  const trpc = useTRPC();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const form = useZodForm(ZLoginInput, { defaultValues: { username: '', password: '' } });
  const login = useMutation(trpc.auth.login.mutationOptions());
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';

  if (me.data) return <Navigate to={target} replace />;

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
          <FormShell
            form={form}
            submitLabel="登录"
            errorTitle="无法登录"
            fullWidthSubmit
            notice={params.get('expired') ? '登录已过期，请重新登录' : null}
            onSubmit={async (values) => {
              await login.mutateAsync(values);
              await queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
              void navigate(target, { replace: true });
            }}
          >
            <TextField control={form.control} name="username" label="用户名" autoComplete="username" autoFocus />
            <PasswordField control={form.control} name="password" label="密码" autoComplete="current-password" />
          </FormShell>
        </Paper>
        <Text size="xs" c="dimmed" ta="center" mt="md">
          连续输错密码 5 次账户将锁定 15 分钟。忘记密码请联系本单位系统管理员。
        </Text>
      </Box>
    </Center>
  );
}
