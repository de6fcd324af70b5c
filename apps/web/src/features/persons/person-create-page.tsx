import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { PersonForm } from './person-form';
import { useUnitOptions } from './use-unit-options';

export function PersonCreatePage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnitOptions();
  const create = useMutation(
    trpc.persons.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.persons.list.queryKey() }) }),
  );
  const me = useQuery(trpc.auth.me.queryOptions());
  return (
    <Stack maw={860}>
      <Breadcrumbs>
        <Anchor component={Link} to="/persons">
          人员登记
        </Anchor>
        <Text>新增人员</Text>
      </Breadcrumbs>
      <Title order={3}>新增人员</Title>
      <Paper withBorder p="md">
        {me.isPending || !units.length ? null : (
          <PersonForm
            mode="create"
            initial={{ orgUnitId: units.find((u) => u.value === me.data?.orgUnitId)?.value ?? '' }}
            orgUnitOptions={units}
            onCancel={() => navigate('/persons')}
            onSubmit={async (values) => {
              const { id } = await create.mutateAsync(values);
              notifications.show({ color: 'green', message: '人员已登记，请继续登记身份类别' });
              navigate(`/persons/${id}`);
            }}
          />
        )}
      </Paper>
    </Stack>
  );
}
