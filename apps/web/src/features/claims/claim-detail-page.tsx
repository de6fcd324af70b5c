import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZReverseClaimInput } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { ReasonDialog } from '../../components/reason-dialog';
import { useTRPC } from '../../lib/trpc';
import { SlipView } from './slip-view';

/** One settlement: the printable slip (一单清), its PDF, and reversal by a reviewer. */
export function ClaimDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const claim = useQuery(trpc.claims.get.queryOptions({ id }));
  const [reversing, setReversing] = useState(false);
  const reverse = useMutation(trpc.claims.reverse.mutationOptions());
  const c = claim.data;
  return (
    <Stack>
      <Group justify="space-between" className="no-print">
        <Breadcrumbs>
          <Anchor component={Link} to="/claims">
            一站式结算
          </Anchor>
          <Text>{c?.claimNo ?? '结算单'}</Text>
        </Breadcrumbs>
        {c && (
          <Group>
            {c.status === 'reversed' && <Badge color="gray">已冲销</Badge>}
            {c.kind === 'reversal' && <Badge color="red">冲销单</Badge>}
            <Button component={Link} to={`/persons/${c.person.id}`} variant="subtle">
              查看参保人
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              打印
            </Button>
            <Button component="a" variant="default" href={`/api/claims/${c.id}/slip.pdf`} target="_blank" rel="noopener">
              下载 PDF
            </Button>
            {c.can.reverse && (
              <Button color="red" variant="light" onClick={() => setReversing(true)}>
                冲销
              </Button>
            )}
          </Group>
        )}
      </Group>
      <QueryState query={claim}>
        {() =>
          c && (
            <>
              {c.can.reverseBlockedReason && (
                <Alert color="yellow" className="no-print" data-testid="reverse-blocked">
                  {c.can.reverseBlockedReason}
                </Alert>
              )}
              {c.reversedByClaimId && (
                <Alert color="gray" className="no-print">
                  本结算单已冲销。
                  <Anchor component={Link} to={`/claims/${c.reversedByClaimId}`}>
                    查看冲销单
                  </Anchor>
                </Alert>
              )}
              {c.reversesClaimId && (
                <Alert color="red" className="no-print">
                  本单冲销了{' '}
                  <Anchor component={Link} to={`/claims/${c.reversesClaimId}`}>
                    原结算单
                  </Anchor>
                  。
                </Alert>
              )}
              <SlipView slip={c.slip} />
            </>
          )
        }
      </QueryState>
      <ReasonDialog
        opened={reversing}
        onClose={() => setReversing(false)}
        title="冲销结算单"
        description="冲销后原结算单保留并标记为已冲销，参保人本年度累计数恢复到该笔结算之前。冲销后如需更正，请重新录入结算。"
        label="冲销原因"
        schema={ZReverseClaimInput.shape.reason}
        confirmLabel="确认冲销"
        onSubmit={async (reason) => {
          const r = await reverse.mutateAsync({ id, reason });
          await queryClient.invalidateQueries({ queryKey: trpc.claims.pathKey() });
          notifications.show({ color: 'green', message: `已冲销，冲销单号 ${r.claimNo}` });
          setReversing(false);
          void navigate(`/claims/${r.id}`);
        }}
      />
    </Stack>
  );
}
