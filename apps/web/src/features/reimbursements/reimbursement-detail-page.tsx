import { Anchor, Badge, Breadcrumbs, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';
import { ActionsPanel } from './case-actions';
import { AwaitingDocuments, MaterialsPanel } from './case-materials';
import { ClockPanel, EventsPanel, VisitPanel } from './case-panels';
import { PayeePanel } from './case-payee';
import { ClockBadge } from './clock-badge';

/** One reimbursement case: its clock, the visit and settlement, what the user can do next, materials and history. */
export function ReimbursementDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.reimbursements.get.queryOptions({ id }));
  const c = query.data;
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>{c?.caseNo ?? '案件'}</Text>
      </Breadcrumbs>
      <QueryState query={query}>
        {() =>
          c && (
            <>
              <Group justify="space-between">
                <Group>
                  <Title order={3}>{c.caseNo}</Title>
                  <Badge size="lg" variant="light" data-testid="case-status">
                    {c.statusLabel}
                  </Badge>
                  <ClockBadge clock={c.clock} status={c.status} />
                  {c.hold && (
                    <Badge size="lg" color="grape" data-testid="hold-badge">
                      {c.hold.label}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {c.kindLabel} · {c.agencyName}
                </Text>
              </Group>
              {c.status === 'awaiting_documents' && <AwaitingDocuments c={c} />}
              <Grid gap="md">
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <Stack>
                    <ClockPanel c={c} />
                    <VisitPanel c={c} />
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <Stack>
                    <ActionsPanel c={c} />
                    <PayeePanel c={c} />
                    <MaterialsPanel c={c} />
                    <EventsPanel c={c} />
                  </Stack>
                </Grid.Col>
              </Grid>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
