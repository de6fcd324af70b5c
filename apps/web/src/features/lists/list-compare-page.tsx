import { Alert, Badge, Button, FileInput, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { addCalendarDays, SOURCE_DEPARTMENTS, SOURCE_DEPARTMENT_LABELS, ZListUploadMeta } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateField, SelectField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { SOURCE_LABELS } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../lib/dates';
import { applyServerError, readServerError } from '../../lib/form-errors';
import { uploadFile, useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm } from '../../lib/use-zod-form';

type Batch = RouterOutputs['lists']['batches'][number];
type Applied = RouterOutputs['lists']['applyBatch'];

const MAX_BYTES = 20 * 1024 * 1024;
const STATUS = {
  previewed: ['待应用', 'blue'],
  applied: ['已应用', 'green'],
  discarded: ['已作废', 'gray'],
  reverted: ['已撤销', 'orange'],
} as const;
const FIELD_LABELS: Record<string, string> = { name: '姓名', hukouType: '户籍类型', phone: '联系电话', address: '住址' };
const HUKOU: Record<string, string> = { urban: '城镇', rural: '农村' };

const ZUploadForm = ZListUploadMeta.pick({ sourceDepartment: true, listDate: true }).extend({
  file: z.instanceof(File, { message: '请选择名单文件（.xlsx 或 .csv）' }).superRefine((f, ctx) => {
    if (f.size === 0) ctx.addIssue({ code: 'custom', message: '文件为空，请选择填好的名单文件' });
    else if (f.size > MAX_BYTES)
      ctx.addIssue({ code: 'custom', message: `文件大小 ${(f.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 上限，请分批上传` });
  }),
});

/** 信息比对: upload a department's list, see what would change, apply it in one go. */
export function ListComparePage() {
  const trpc = useTRPC();
  const batches = useQuery(trpc.lists.batches.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  const columns: ColumnDef<Batch, never>[] = [
    { id: 'file', header: '文件', accessorKey: 'fileName' },
    { id: 'source', header: '来源部门', cell: ({ row }) => SOURCE_LABELS[row.original.sourceDepartment] },
    { id: 'listDate', header: '名单日期', cell: ({ row }) => formatDate(row.original.listDate) },
    { id: 'rows', header: '行数', accessorKey: 'rowCount', meta: { numeric: true } },
    {
      id: 'counts',
      header: '新增 / 退出 / 变更 / 有误',
      cell: ({ row: { original: b } }) => `${b.newCount} / ${b.leftCount} / ${b.changedCount} / ${b.invalidCount}`,
    },
    { id: 'uploaded', header: '上传', cell: ({ row: { original: b } }) => `${b.createdByName} · ${formatDateTime(b.createdAt)}` },
    {
      id: 'status',
      header: '状态',
      cell: ({ row: { original: b } }) => (
        <>
          <Badge color={STATUS[b.status][1]} variant="light">
            {STATUS[b.status][0]}
          </Badge>
          {b.appliedByName && (
            <Text size="xs" c="dimmed">
              {b.appliedByName} · {formatDateTime(b.appliedAt)}
            </Text>
          )}
          {b.revertedByName && (
            <Text size="xs" c="dimmed">
              撤销：{b.revertedByName} · {formatDateTime(b.revertedAt)}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'open',
      header: '',
      cell: ({ row: { original: b } }) => (
        <Button size="compact-xs" variant="subtle" onClick={() => setOpenId(b.id)}>
          {b.status === 'previewed' ? '查看并应用' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Stack>
      <Title order={3}>信息比对</Title>
      <Text size="sm" c="dimmed">
        上传民政、扶贫（乡村振兴）等部门提供的名单，系统与登记信息逐人比对，确认后一次性更新：新增人员及类别、退出名单的类别终止、变更信息更新；有误的行不会写入。
      </Text>
      <Paper withBorder p="md">
        <UploadForm onUploaded={setOpenId} />
      </Paper>
      <Title order={4}>比对批次</Title>
      <DataTable columns={columns} rows={batches.data} getRowId={(b) => b.id} query={batches} empty="还没有上传过名单" />
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title="比对结果" size="80rem">
        {openId && <BatchPreview id={openId} onClose={() => setOpenId(null)} />}
      </Modal>
    </Stack>
  );
}

/** The upload goes through POST /api/lists/upload (a file body), so its errors are placed here rather than by tRPC. */
function UploadForm({ onUploaded }: { onUploaded: (id: string | null) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { today } = useServerToday();
  const form = useZodForm(ZUploadForm, { defaultValues: { listDate: '' } });
  const file = useController({ control: form.control, name: 'file' });
  return (
    <FormShell
      form={form}
      submitLabel="上传并比对"
      onSubmit={async (values) => {
        const qs = new URLSearchParams({
          sourceDepartment: values.sourceDepartment,
          listDate: values.listDate,
          fileName: values.file.name,
        });
        const answer = await uploadFile<{ id?: string }>(`/api/lists/upload?${qs}`, values.file, '/lists');
        if (!answer.ok) {
          const field = answer.field === 'listDate' || answer.field === 'sourceDepartment' ? answer.field : 'file';
          form.setError(field, { message: answer.message });
          return;
        }
        await queryClient.invalidateQueries({ queryKey: trpc.lists.batches.queryKey() });
        onUploaded(answer.body.id ?? null);
        form.resetField('file');
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SelectField
          control={form.control}
          name="sourceDepartment"
          label="名单来源部门"
          withAsterisk
          data={SOURCE_DEPARTMENTS.map((d) => ({ value: d, label: SOURCE_DEPARTMENT_LABELS[d] }))}
        />
        <DateField control={form.control} name="listDate" label="名单日期" withAsterisk maxDate={today} />
        <FileInput
          label="名单文件"
          withAsterisk
          placeholder="选择 .xlsx 或 .csv 文件"
          accept=".xlsx,.csv"
          value={file.field.value ?? null}
          onChange={(f) => file.field.onChange(f ?? undefined)}
          error={file.fieldState.error?.message}
          clearable
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        第一行为列名：姓名、身份证号、人员类别（必填），认定日期、户籍类型、联系电话、住址、区划代码（选填）。不超过 20 MB。
      </Text>
    </FormShell>
  );
}

function BatchPreview({ id, onClose }: { id: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const batch = useQuery(trpc.lists.get.queryOptions({ id }));
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.lists.batches.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.lists.get.queryKey({ id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.persons.list.queryKey() }),
    ]);
  const apply = useMutation(trpc.lists.applyBatch.mutationOptions({ onSuccess: invalidate }));
  const revert = useMutation(trpc.lists.revertBatch.mutationOptions({ onSuccess: invalidate }));
  const discard = useMutation(trpc.lists.discard.mutationOptions({ onSuccess: invalidate }));
  // The confirmation step shown in place of the buttons, a refusal kept in place, and claims to review.
  const [confirming, setConfirming] = useState<'apply' | 'revert' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [flagged, setFlagged] = useState<Applied['flaggedClaims']>([]);
  return (
    <QueryState query={batch}>
      {() => {
        const b = batch.data!;
        const more = (shown: number, total: number) =>
          total > shown ? (
            <Text size="xs" c="dimmed" p="xs">
              仅显示前 {shown} 条，共 {total} 条
            </Text>
          ) : null;
        return (
          <Stack>
            <Text size="sm">
              {b.fileName} · {SOURCE_LABELS[b.sourceDepartment]} · 名单日期 {formatDate(b.listDate)} · 共 {b.rowCount} 行，其中{' '}
              {b.unchangedCount} 人信息一致
            </Text>
            {b.invalidCount > 0 && b.status === 'previewed' && (
              <Alert color="yellow" title={`${b.invalidCount} 行有误`}>
                有误的行不会写入，请核对后在下次名单中更正；其余变化可以先应用。
              </Alert>
            )}
            <Tabs defaultValue="new">
              <Tabs.List>
                <Tabs.Tab value="new">新增（{b.newCount}）</Tabs.Tab>
                <Tabs.Tab value="left">退出名单（{b.leftCount}）</Tabs.Tab>
                <Tabs.Tab value="changed">信息变更（{b.changedCount}）</Tabs.Tab>
                <Tabs.Tab value="invalid" color="red">
                  有误（{b.invalidCount}）
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="new" pt="xs">
                <SimpleTable
                  head={['行号', '姓名', '身份证号', '类别', '说明']}
                  rows={b.newRows.map((r) => [r.line, r.name, r.idNumberMasked, r.categories.join('、'), r.note])}
                  empty="没有新增"
                />
                {more(b.newRows.length, b.newCount)}
              </Tabs.Panel>
              <Tabs.Panel value="left" pt="xs">
                <SimpleTable
                  head={['姓名', '身份证号', '终止的类别']}
                  rows={b.leftRows.map((r) => [r.name, r.idNumberMasked, `${r.category}（终止于名单日期前一日）`])}
                  empty="没有退出名单的人员"
                />
                {more(b.leftRows.length, b.leftCount)}
              </Tabs.Panel>
              <Tabs.Panel value="changed" pt="xs">
                <SimpleTable
                  head={['行号', '姓名', '身份证号', '变更']}
                  rows={b.changedRows.map((r) => [
                    r.line,
                    r.name,
                    r.idNumberMasked,
                    r.changes
                      .map(
                        (c) => `${FIELD_LABELS[c.field] ?? c.field}：${HUKOU[c.from ?? ''] ?? c.from ?? '（空）'} → ${HUKOU[c.to] ?? c.to}`,
                      )
                      .join('；'),
                  ])}
                  empty="没有信息变更"
                />
                {more(b.changedRows.length, b.changedCount)}
              </Tabs.Panel>
              <Tabs.Panel value="invalid" pt="xs">
                <SimpleTable
                  head={['行号', '姓名', '身份证号', '原因']}
                  rows={b.invalidRows.map((r) => [r.line, r.name || '（空）', r.idNumberMasked || '（空）', r.reason])}
                  empty="没有有误的行"
                />
                {more(b.invalidRows.length, b.invalidCount)}
              </Tabs.Panel>
            </Tabs>
            {flagged.length > 0 && (
              <Alert color="orange" title={`${flagged.length} 张已结算的结算单需要复核`} data-testid="flagged-claims">
                <Text size="sm">这些结算单是按本批终止的类别结算的，就诊晚于终止日期。结算单未作改动，如需更正请冲正后重新结算。</Text>
                <SimpleTable
                  head={['结算单号', '姓名', '结算类别', '入院日期', '说明']}
                  rows={flagged.map((c) => [c.claimNo, c.personName, c.category, formatDate(c.admissionDate), c.note])}
                  empty=""
                />
              </Alert>
            )}
            {refusal && (
              <Alert
                color="red"
                title={confirming === 'revert' || b.status === 'applied' ? '未能撤销' : '未能应用'}
                withCloseButton
                onClose={() => setRefusal(null)}
              >
                {refusal}
              </Alert>
            )}
            {confirming === 'apply' && (
              <Alert color="blue" title="请确认应用以下变化" data-testid="confirm-apply">
                <Text size="sm">
                  将新增 {b.newCount} 项（新登记人员或新增类别）；终止 {b.leftCount} 人的类别（终止于名单日期前一日{' '}
                  {formatDate(addCalendarDays(b.listDate, -1))}
                  ）；更新 {b.changedCount} 人的登记信息。{b.invalidCount > 0 ? `有误的 ${b.invalidCount} 行不写入。` : ''}
                </Text>
                <Text size="sm" c="dimmed">
                  应用后如发现有误，可在没有后续业务依赖本批时撤销，恢复应用前的登记信息。
                </Text>
              </Alert>
            )}
            {confirming === 'revert' && (
              <Alert color="orange" title="请确认撤销本批应用" data-testid="confirm-revert">
                <Text size="sm">
                  将删除本批新增的 {b.newCount} 项（新登记人员连同其类别、新增类别）；恢复本批终止的 {b.leftCount} 个类别；把{' '}
                  {b.changedCount} 人的登记信息恢复为应用前的内容。已有结算、报销、参保等记录依赖本批时不能撤销。
                </Text>
              </Alert>
            )}
            <Group justify="flex-end">
              <Button
                variant="default"
                onClick={() => {
                  if (confirming) {
                    setConfirming(null);
                    setRefusal(null);
                  } else onClose();
                }}
              >
                {confirming ? '返回' : '关闭'}
              </Button>
              {b.status === 'previewed' && !confirming && (
                <>
                  <Button
                    variant="subtle"
                    color="red"
                    loading={discard.isPending}
                    onClick={() => discard.mutateAsync({ id }).then(onClose, (err) => applyServerError(err))}
                  >
                    作废
                  </Button>
                  <Button disabled={b.newCount + b.leftCount + b.changedCount === 0} onClick={() => setConfirming('apply')}>
                    确认应用
                  </Button>
                </>
              )}
              {b.status === 'previewed' && confirming === 'apply' && (
                <Button
                  loading={apply.isPending}
                  onClick={async () => {
                    setRefusal(null);
                    try {
                      const r = await apply.mutateAsync({ id });
                      setConfirming(null);
                      notifications.show({
                        color: 'green',
                        title: '比对结果已应用',
                        message: `新增 ${r.newCount}，退出 ${r.leftCount}，变更 ${r.changedCount}`,
                      });
                      if (r.flaggedClaims.length) setFlagged(r.flaggedClaims);
                      else onClose();
                    } catch (err) {
                      setRefusal(readServerError(err).message);
                    }
                  }}
                >
                  应用 {b.newCount + b.leftCount + b.changedCount} 项变化
                </Button>
              )}
              {b.status === 'applied' && !confirming && (
                <Button color="orange" variant="light" onClick={() => setConfirming('revert')}>
                  撤销应用
                </Button>
              )}
              {b.status === 'applied' && confirming === 'revert' && (
                <Button
                  color="orange"
                  loading={revert.isPending}
                  onClick={async () => {
                    setRefusal(null);
                    try {
                      await revert.mutateAsync({ id });
                      setConfirming(null);
                      notifications.show({ color: 'green', title: '已撤销本批应用', message: '登记信息已恢复为应用前的内容' });
                      onClose();
                    } catch (err) {
                      setRefusal(readServerError(err).message);
                    }
                  }}
                >
                  确认撤销
                </Button>
              )}
            </Group>
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** A preview tab: the first rows of one kind of change. */
function SimpleTable({ head, rows, empty }: { head: string[]; rows: (string | number)[][]; empty: string }) {
  const columns: ColumnDef<{ key: string; cells: (string | number)[] }, never>[] = head.map((h, j) => ({
    id: String(j),
    header: h,
    cell: ({ row }) => row.original.cells[j],
  }));
  return (
    <ScrollArea.Autosize mah={360}>
      <DataTable
        columns={columns}
        rows={rows.map((cells, i) => ({ key: String(i), cells }))}
        getRowId={(r) => r.key}
        empty={empty}
        minWidth={600}
        tableProps={{ verticalSpacing: 4 }}
      />
    </ScrollArea.Autosize>
  );
}
