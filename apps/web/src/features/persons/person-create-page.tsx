import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../app/use-me';
import { useOrgUnits } from '../../components/org-unit-select';
import { useTRPC } from '../../lib/trpc';
import { PersonForm } from './person-form';

export function PersonCreatePage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const me = useMe();
  const create = useMutation(
    trpc.persons.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.persons.list.queryKey() }) }),
  );
  // A clerk of a county or township registers there by default.
  const ownUnit = units.data?.find((u) => u.id === me.data?.orgUnitId && (u.level === 'county' || u.level === 'township'));
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
        {me.isPending || units.isPending ? null : (
          <PersonForm
            mode="create"
            initial={{ orgUnitId: ownUnit?.id ?? '' }}
            onCancel={() => navigate('/persons')}
            onSubmit={async ({ clearBankAccount: _clear, ...values }) => {
              const { id } = await create.mutateAsync(values);
              notifications.show({ color: 'green', message: '人员已登记，请继续登记身份类别' });
              void navigate(`/persons/${id}`);
            }}
          />
        )}
      </Paper>
    </Stack>
  );
}
