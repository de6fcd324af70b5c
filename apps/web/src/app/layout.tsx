import { AppShell, Badge, Burger, Center, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { ORG_LEVEL_LABELS, PROFILES, ROLE_LABELS, type TOrgLevel, type TProfileId } from '@portal/rules';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useTRPC } from '../lib/trpc';
import { GROUP_LABELS, modulesFor } from './modules';
import { useMe } from './use-me';

// The calendar's language and the notification stack belong to the shell, whose pages alone use
// them; the sign-in page loads neither (decision 0010).
dayjs.locale('zh-cn');

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const location = useLocation();
  // A page opened for the first time arrives as its own chunk (app/routes.tsx): the current page
  // stays on screen meanwhile, with a small loader beside the title.
  const pageLoading = useNavigation().state === 'loading';
  const navigate = useNavigate();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void navigate('/login', { replace: true });
      },
    }),
  );
  useEffect(close, [location.pathname, close]);

  if (me.isPending) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const user = me.data;
  // An initial password (set by an administrator) opens nothing but its own change.
  if (user.mustChangePassword && location.pathname !== '/account/password') return <Navigate to="/account/password" replace />;
  const visible = modulesFor(user.role);
  const profile = user.profile ? PROFILES[user.profile as TProfileId] : null;

  return (
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      <Notifications position="top-center" />
      <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header className="no-print">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="展开导航" />
              <Text component={Link} to="/" fw={700} size="lg" c="blue.8" style={{ textDecoration: 'none' }}>
                医保扶贫经办平台
              </Text>
              {profile && (
                <Badge variant="light" visibleFrom="sm">
                  政策口径：{profile.label}
                </Badge>
              )}
              {pageLoading && <Loader size="xs" aria-label="页面加载中" />}
            </Group>
            <Menu position="bottom-end" width={220}>
              <Menu.Target>
                <UnstyledButton aria-label="当前用户">
                  <Stack gap={0} align="flex-end">
                    <Text size="sm" fw={600} data-testid="current-user">
                      {user.displayName}（{ROLE_LABELS[user.role]}）
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="current-org">
                      {user.orgUnitName} · {ORG_LEVEL_LABELS[user.orgLevel as TOrgLevel]}
                    </Text>
                  </Stack>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>账号：{user.username}</Menu.Label>
                <Menu.Item component={Link} to="/account/password">
                  修改密码
                </Menu.Item>
                <Menu.Item color="red" onClick={() => logout.mutate()}>
                  退出登录
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" className="no-print">
          <ScrollArea>
            <nav aria-label="主导航">
              <NavLink component={Link} to="/" label="工作台" active={location.pathname === '/'} />
              {(Object.keys(GROUP_LABELS) as (keyof typeof GROUP_LABELS)[]).map((group) => {
                const items = visible.filter((m) => m.group === group);
                if (!items.length) return null;
                return (
                  <div key={group}>
                    <Text size="xs" c="dimmed" fw={600} mt="md" mb={4} px="sm">
                      {GROUP_LABELS[group]}
                    </Text>
                    {items.map((m) => (
                      <NavLink
                        key={m.path}
                        component={Link}
                        to={m.path}
                        label={m.label}
                        active={location.pathname.startsWith(m.path)}
                        rightSection={
                          m.status === 'planned' ? (
                            <Badge size="xs" variant="outline" color="gray">
                              建设中
                            </Badge>
                          ) : null
                        }
                      />
                    ))}
                  </div>
                );
              })}
            </nav>
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </DatesProvider>
  );
}
