import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROW_FIELD_LABELS, rowLabel, type TResponsibilityRow, type TResponsibilityTemplate } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { cnDate, cnDateTime, exportUrls, StatusCell } from './shared';
import { SubmissionForm } from './submission-form';

function ReadOnlyTable({ template, rows }: { template: TResponsibilityTemplate; rows: TResponsibilityRow[] }) {
  if (!rows.length) return <Text c="dimmed">尚未填写</Text>;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} aria-label="责任分工表">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">责任分工</Table.Th>
          <Table.Th>姓名</Table.Th>
          <Table.Th>单位及部门</Table.Th>
          <Table.Th>职务</Table.Th>
          <Table.Th>联系电话</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, n) => (
          <Table.Tr key={n}>
            <Table.Td>{rowLabel(template, row)}</Table.Td>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td>{row.unitAndDepartment}</Table.Td>
            <Table.Td>
              {row.post}
              {row.isDivisionHead && template.items.find((i) => i.key === row.itemKey)?.isDirect && (
                <Badge size="xs" ml={6} variant="light">
                  处（科）室负责人
                </Badge>
              )}
            </Table.Td>
            <Table.Td ff="monospace">{row.phone}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function VersionDiff({ submissionId, versions }: { submissionId: string; versions: { version: number }[] }) {
  const trpc = useTRPC();
  const last = versions.at(-1)?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, last - 1)));
  const [to, setTo] = useState(String(last));
  const diff = useQuery(
    trpc.responsibility.diff.queryOptions({ submissionId, from: Number(from), to: Number(to) }, { enabled: versions.length > 1 }),
  );
  if (versions.length < 2)
    return (
      <Text size="sm" c="dimmed">
        只有一个版本，重新报送后可在此对比。
      </Text>
    );
  const options = versions.map((v) => ({ value: String(v.version), label: `第 ${v.version} 版` }));
  return (
    <Stack gap="xs">
      <Group>
        <Select
          label="从"
          data={options}
          value={from}
          onChange={(v) => v && setFrom(v)}
          w={120}
          allowDeselect={false}
          aria-label="对比起始版本"
        />
        <Select
          label="到"
          data={options}
          value={to}
          onChange={(v) => v && setTo(v)}
          w={120}
          allowDeselect={false}
          aria-label="对比目标版本"
        />
      </Group>
      <QueryState query={diff}>
        {() =>
          diff.data!.changes.length === 0 && !diff.data!.filledDate ? (
            <Text size="sm" c="dimmed">
              两个版本内容相同
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing={4} fz="sm" aria-label="版本差异">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>责任分工</Table.Th>
                  <Table.Th>变化</Table.Th>
                  <Table.Th>原内容</Table.Th>
                  <Table.Th>新内容</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {diff.data!.filledDate && (
                  <Table.Tr>
                    <Table.Td>填报时间</Table.Td>
                    <Table.Td>修改</Table.Td>
                    <Table.Td>{cnDate(diff.data!.filledDate.before)}</Table.Td>
                    <Table.Td>{cnDate(diff.data!.filledDate.after)}</Table.Td>
                  </Table.Tr>
                )}
                {diff.data!.changes.flatMap((c, n) =>
                  c.kind === 'changed'
                    ? c.fields.map((f) => (
                        <Table.Tr key={`${n}-${f.field}`}>
                          <Table.Td>{c.label}</Table.Td>
                          <Table.Td>修改{ROW_FIELD_LABELS[f.field]}</Table.Td>
                          <Table.Td c="red" td="line-through">
                            {f.before || '（空）'}
                          </Table.Td>
                          <Table.Td c="green.8">{f.after || '（空）'}</Table.Td>
                        </Table.Tr>
                      ))
                    : [
                        <Table.Tr key={n}>
                          <Table.Td>{c.label}</Table.Td>
                          <Table.Td>{c.kind === 'added' ? '新增责任人' : '删除责任人'}</Table.Td>
                          <Table.Td c="red" td="line-through">
                            {c.kind === 'removed' ? `${c.row.name} ${c.row.post} ${c.row.phone}` : ''}
                          </Table.Td>
                          <Table.Td c="green.8">{c.kind === 'added' ? `${c.row.name} ${c.row.post} ${c.row.phone}` : ''}</Table.Td>
                        </Table.Tr>,
                      ],
                )}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** One unit's table: the clerk fills it in; supervisors read, return, compare versions, export. */
export function SubmissionPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sub = useQuery(trpc.responsibility.getSubmission.queryOptions({ id }));
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
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
                      {s.round.title} · 截止 {cnDate(s.round.dueDate)}
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
                    <Button
                      color="orange"
                      onClick={() => {
                        setReturning(true);
                        setComment('');
                        setCommentError(null);
                      }}
                    >
                      退回修改
                    </Button>
                  )}
                </Group>
              </Group>
              {s.round.instructions && <Alert variant="light">填报说明：{s.round.instructions}</Alert>}
              {s.stage === 'returned' && s.returnComment && (
                <Alert color="orange" title="上级已退回，请按意见修改后重新报送" role="alert">
                  退回意见：{s.returnComment}（{cnDateTime(s.returnedAt)}）
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
                    <Text size="sm">填报时间：{cnDate(s.filledDate)}</Text>
                  </Group>
                  <ReadOnlyTable template={s.template} rows={s.rows} />
                </Paper>
              )}
              <Title order={4}>报送记录</Title>
              <Paper withBorder p="md">
                {s.versions.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    尚未报送
                  </Text>
                ) : (
                  <Timeline bulletSize={16} lineWidth={2} active={s.versions.length}>
                    {s.versions.map((v) => (
                      <Timeline.Item key={v.version} title={`第 ${v.version} 版 · ${cnDateTime(v.submittedAt)}`}>
                        <Text size="sm" c="dimmed">
                          报送人 {v.submittedByName} · 盖章确认人 {v.sealConfirmedBy} · 填报时间 {cnDate(v.filledDate)}
                        </Text>
                        {v.returnComment && (
                          <Text size="sm" c="orange">
                            {v.returnedByName} 于 {cnDateTime(v.returnedAt)} 退回：{v.returnComment}
                          </Text>
                        )}
                      </Timeline.Item>
                    ))}
                  </Timeline>
                )}
              </Paper>
              <Title order={4}>版本对比</Title>
              <Paper withBorder p="md">
                <VersionDiff key={s.versions.length} submissionId={s.id} versions={s.versions} />
              </Paper>
              <Modal opened={returning} onClose={() => setReturning(false)} title={`退回 ${s.unitName} 的责任分工表`}>
                <Stack>
                  <Textarea
                    label="退回意见"
                    withAsterisk
                    autosize
                    minRows={3}
                    value={comment}
                    onChange={(e) => setComment(e.currentTarget.value)}
                    error={commentError}
                  />
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setReturning(false)}>
                      取消
                    </Button>
                    <Button
                      color="orange"
                      loading={doReturn.isPending}
                      onClick={async () => {
                        if (comment.trim().length < 2) return setCommentError('请填写退回意见（至少 2 个字）');
                        try {
                          await doReturn.mutateAsync({ submissionId: s.id, comment });
                          notifications.show({ color: 'orange', message: `已退回 ${s.unitName}` });
                          setReturning(false);
                        } catch (err) {
                          applyServerError(err);
                        }
                      }}
                    >
                      确认退回
                    </Button>
                  </Group>
                </Stack>
              </Modal>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
