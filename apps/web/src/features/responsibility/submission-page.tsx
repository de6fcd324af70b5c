import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZReturnInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { ReasonDialog } from '../../components/reason-dialog';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { ResponsibilityTable } from './responsibility-table';
import { exportUrls, StatusCell } from './shared';
import { SubmissionForm } from './submission-form';
import { VersionDiff } from './version-diff';

type Submission = RouterOutputs['responsibility']['getSubmission'];

/** Every submitted version: who sent it, who confirmed the seal, and who returned it with what comment. */
function SubmissionHistory({ s }: { s: Submission }) {
  if (s.versions.length === 0) return <EmptyState py="xs">尚未报送</EmptyState>;
  return (
    <Timeline bulletSize={16} lineWidth={2} active={s.versions.length}>
      {s.versions.map((v) => (
        <Timeline.Item key={v.version} title={`第 ${v.version} 版 · ${formatDateTime(v.submittedAt)}`}>
          <Text size="sm" c="dimmed">
            报送人 {v.submittedByName} · 盖章确认人 {v.sealConfirmedBy} · 填报时间 {formatDate(v.filledDate)}
          </Text>
          {v.returnComment && (
            <Text size="sm" c="orange">
              {v.returnedByName} 于 {formatDateTime(v.returnedAt)} 退回：{v.returnComment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** One unit's table: the clerk fills it in; supervisors read, return, compare versions, export. */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sub = useQuery(trpc.responsibility.getSubmission.queryOptions({ id }));
  const [returning, setReturning] = useState(false);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.responsibility.pathKey() });
  };
  const saveDraft = useMutation(trpc.responsibility.saveDraft.mutationOptions({ onSuccess: refresh }));
  const submit = useMutation(trpc.responsibility.submit.mutationOptions({ onSuccess: refresh }));
  const doReturn = useMutation(trpc.responsibility.returnSubmission.mutationOptions({ onSuccess: refresh }));

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/responsibility">
          责任分工表
        </Anchor>
        {sub.data?.canSupervise && (
          <Anchor component={Link} to={`/responsibility/rounds/${sub.data.round.id}`}>
            {sub.data.round.title}
          </Anchor>
        )}
        <Text>{sub.data?.unitName ?? '填报表'}</Text>
      </Breadcrumbs>
      <QueryState query={sub}>
        {() => {
          const s = sub.data!;
          return (
            <>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Title order={3}>
                    {s.template.title} · {s.unitName}
                  </Title>
                  <Group gap="sm" mt={4}>
                    <StatusCell s={s} />
                    <Text size="sm" c="dimmed">
                      {s.round.title} · 截止 {formatDate(s.round.dueDate)}
                      {s.currentVersion ? ` · 当前第 ${s.currentVersion} 版` : ''}
                    </Text>
                  </Group>
                </div>
                <Group gap="xs">
                  <Button variant="default" component={Link} to={`/responsibility/submissions/${s.id}/print`}>
                    打印
                  </Button>
                  <Button variant="default" component="a" href={exportUrls.tablePdf(s.id)} download>
                    导出 PDF
                  </Button>
                  <Button variant="default" component="a" href={exportUrls.tableXlsx(s.id)} download>
                    导出 Excel
                  </Button>
                  {s.canReturn && (
                    <Button color="orange" onClick={() => setReturning(true)}>
                      退回修改
                    </Button>
                  )}
                </Group>
              </Group>
              {s.round.instructions && <Alert variant="light">填报说明：{s.round.instructions}</Alert>}
              {s.stage === 'returned' && s.returnComment && (
                <Alert color="orange" title="上级已退回，请按意见修改后重新报送" role="alert">
                  退回意见：{s.returnComment}（{formatDateTime(s.returnedAt)}）
                </Alert>
              )}
              {s.phonesMasked && (
                <Text size="xs" c="dimmed">
                  联系电话仅对上级监管人员和填报单位本身完整显示。
                </Text>
              )}
              {s.canEdit ? (
                <SubmissionForm
                  key={`${s.id}-${s.currentVersion}-${s.stage}`}
                  template={s.template}
                  initialRows={s.rows}
                  initialFilledDate={s.filledDate}
                  today={s.today}
                  onSaveDraft={(v) => saveDraft.mutateAsync({ submissionId: s.id, ...v })}
                  onSubmit={(v) => submit.mutateAsync({ submissionId: s.id, ...v })}
                />
              ) : (
                <Paper withBorder p="md">
                  <Group justify="space-between" mb="xs">
                    <Text size="sm">填报单位（盖章）：{s.unitName}</Text>
                    <Text size="sm">填报时间：{formatDate(s.filledDate)}</Text>
                  </Group>
                  <ResponsibilityTable template={s.template} rows={s.rows} />
                </Paper>
              )}
              <Title order={4}>报送记录</Title>
              <Paper withBorder p="md">
                <SubmissionHistory s={s} />
              </Paper>
              <Title order={4}>版本对比</Title>
              <Paper withBorder p="md">
                <VersionDiff key={s.versions.length} submissionId={s.id} versions={s.versions} />
              </Paper>
              <ReasonDialog
                opened={returning}
                onClose={() => setReturning(false)}
                title={`退回 ${s.unitName} 的责任分工表`}
                label="退回意见"
                schema={ZReturnInput.shape.comment}
                serverField="comment"
                confirmLabel="确认退回"
                confirmColor="orange"
                onSubmit={async (comment) => {
                  await doReturn.mutateAsync({ submissionId: s.id, comment });
                  notifications.show({ color: 'orange', message: `已退回 ${s.unitName}` });
                  setReturning(false);
                }}
              />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
