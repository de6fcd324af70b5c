import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { can, PROFILES, ROLE_LABELS, type TProfileId } from '@portal/rules';
import { Link } from 'react-router';
import { modulesFor } from '../../app/modules';
import { useMe } from '../../app/use-me';
import { AdminWorkbench } from './workbench';

export function HomePage() {
  const me = useMe().data;
  if (!me) return null;
  const profile = me.profile ? PROFILES[me.profile as TProfileId] : null;
  const modules = modulesFor(me.role);
  return (
    <Stack>
      <div>
        <Title order={3}>工作台</Title>
        <Text c="dimmed" size="sm">
          {me.orgUnitName}（区划代码 {me.orgUnitCode}） · {ROLE_LABELS[me.role]}
          {profile ? ` · 执行 ${profile.document}` : ' · 全部辖区'}
        </Text>
      </div>
      {can(me.role, 'workbench.admin') && <AdminWorkbench />}
      {can(me.role, 'workbench.admin') && (
        <Title order={4} mb={-8}>
          功能模块
        </Title>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {modules.map((m) => (
          <Card key={m.path} withBorder component={Link} to={m.path} style={{ textDecoration: 'none' }}>
            <Group justify="space-between" mb={4}>
              <Text fw={600}>{m.label}</Text>
              {m.status === 'planned' && (
                <Badge size="sm" variant="outline" color="gray">
                  建设中
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {m.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
