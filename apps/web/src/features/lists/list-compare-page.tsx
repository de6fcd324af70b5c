import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SOURCE_DEPARTMENTS, SOURCE_DEPARTMENT_LABELS } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { SOURCE_LABELS } from '../../components/labels';
import { applyServerError } from '../../lib/form-errors';
import { apiFetch, useTRPC } from '../../lib/trpc';

const MAX_BYTES = 20 * 1024 * 1024;
const STATUS = { previewed: ['待应用', 'blue'], applied: ['已应用', 'green'], discarded: ['已作废', 'gray'] } as const;
const FIELD_LABELS: Record<string, string> = { name: '姓名', hukouType: '户籍类型', phone: '联系电话', address: '住址' };
const HUKOU: Record<string, string> = { urban: '城镇', rural: '农村' };

/** 信息比对: upload a department's list, see what would change, apply it in one go. */
export function ListComparePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const info = useQuery(trpc.system.info.queryOptions());
  const batches = useQuery(trpc.lists.batches.queryOptions());
  const [department, setDepartment] = useState<string | null>(null);
  const [listDate, setListDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [uploading, setUploading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  async function upload() {
    const next: Record<string, string> = {};
    if (!department) next.sourceDepartment = '请选择名单来源部门';
    if (!listDate) next.listDate = '请填写名单日期';
    if (!file) next.file = '请选择名单文件（.xlsx 或 .csv）';
    else if (file.size === 0) next.file = '文件为空，请选择填好的名单文件';
    else if (file.size > MAX_BYTES) next.file = `文件大小 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过 20 MB 上限，请分批上传`;
    setErrors(next);
    if (Object.keys(next).length || !file) return;
    setUploading(true);
    try {
      const qs = new URLSearchParams({ sourceDepartment: department!, listDate, fileName: file.name });
      const res = await apiFetch(`/api/lists/upload?${qs}`, {
        method: 'POST',
        body: file,
        headers: { 'content-type': 'application/octet-stream' },
      });
      const body = (await res.json().catch(() => ({ message: '服务器返回了无法识别的结果' }))) as {
        id?: string;
        message?: string;
        field?: string | null;
      };
      if (!res.ok) {
        if (res.status === 401) window.location.assign(`/login?expired=1&next=${encodeURIComponent('/lists')}`);
        setErrors({ [body.field === 'listDate' || body.field === 'sourceDepartment' ? body.field : 'file']: body.message ?? '上传失败' });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: trpc.lists.batches.queryKey() });
      setOpenId(body.id ?? null);
      setFile(null);
    } catch {
      setErrors({ file: '无法连接服务器，请检查网络后重试' });
    } finally {
      setUploading(false);
    }
  }

  return (
    <Stack>
      <Title order={3}>信息比对</Title>
      <Text size="sm" c="dimmed">
        上传民政、扶贫（乡村振兴）等部门提供的名单，系统与登记信息逐人比对，确认后一次性更新：新增人员及类别、退出名单的类别终止、变更信息更新；有误的行不会写入。
      </Text>
      <Paper withBorder p="md">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="名单来源部门"
              withAsterisk
              data={SOURCE_DEPARTMENTS.map((d) => ({ value: d, label: SOURCE_DEPARTMENT_LABELS[d] }))}
              value={department}
              onChange={setDepartment}
              error={errors.sourceDepartment}
            />
            <TextInput
              label="名单日期"
              type="date"
              withAsterisk
              max={info.data?.today}
              value={listDate}
              onChange={(e) => setListDate(e.currentTarget.value)}
              error={errors.listDate}
            />
            <FileInput
              label="名单文件"
              withAsterisk
              placeholder="选择 .xlsx 或 .csv 文件"
              accept=".xlsx,.csv"
              value={file}
              onChange={setFile}
              error={errors.file}
              clearable
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            第一行为列名：姓名、身份证号、人员类别（必填），认定日期、户籍类型、联系电话、住址、区划代码（选填）。不超过 20 MB。
          </Text>
          <Group justify="flex-end">
            <Button onClick={upload} loading={uploading}>
              上传并比对
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Title order={4}>比对批次</Title>
      <QueryState query={batches}>
        {() =>
          !batches.data?.length ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                还没有上传过名单
              </Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>文件</Table.Th>
                    <Table.Th>来源部门</Table.Th>
                    <Table.Th>名单日期</Table.Th>
                    <Table.Th>行数</Table.Th>
                    <Table.Th>新增 / 退出 / 变更 / 有误</Table.Th>
                    <Table.Th>上传</Table.Th>
                    <Table.Th>状态</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {batches.data.map((b) => (
                    <Table.Tr key={b.id}>
                      <Table.Td>{b.fileName}</Table.Td>
                      <Table.Td>{SOURCE_LABELS[b.sourceDepartment]}</Table.Td>
                      <Table.Td>{b.listDate}</Table.Td>
                      <Table.Td>{b.rowCount}</Table.Td>
                      <Table.Td>
                        {b.newCount} / {b.leftCount} / {b.changedCount} / {b.invalidCount}
                      </Table.Td>
                      <Table.Td>
                        {b.createdByName} · {new Date(b.createdAt).toLocaleString('zh-CN')}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS[b.status][1]} variant="light">
                          {STATUS[b.status][0]}
                        </Badge>
                        {b.appliedByName && (
                          <Text size="xs" c="dimmed">
                            {b.appliedByName} · {new Date(b.appliedAt!).toLocaleString('zh-CN')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setOpenId(b.id)}>
                          {b.status === 'previewed' ? '查看并应用' : '查看'}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryState>
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title="比对结果" size="80rem">
        {openId && <BatchPreview id={openId} onClose={() => setOpenId(null)} />}
      </Modal>
    </Stack>
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
  const discard = useMutation(trpc.lists.discard.mutationOptions({ onSuccess: invalidate }));
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
              {b.fileName} · {SOURCE_LABELS[b.sourceDepartment]} · 名单日期 {b.listDate} · 共 {b.rowCount} 行，其中 {b.unchangedCount}{' '}
              人信息一致
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
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                关闭
              </Button>
              {b.status === 'previewed' && (
                <>
                  <Button
                    variant="subtle"
                    color="red"
                    loading={discard.isPending}
                    onClick={() => discard.mutateAsync({ id }).then(onClose, (err) => applyServerError(err))}
                  >
                    作废
                  </Button>
                  <Button
                    loading={apply.isPending}
                    disabled={b.newCount + b.leftCount + b.changedCount === 0}
                    onClick={async () => {
                      try {
                        const r = await apply.mutateAsync({ id });
                        notifications.show({
                          color: 'green',
                          title: '比对结果已应用',
                          message: `新增 ${r.newCount}，退出 ${r.leftCount}，变更 ${r.changedCount}`,
                        });
                        onClose();
                      } catch (err) {
                        applyServerError(err);
                      }
                    }}
                  >
                    确认应用
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function SimpleTable({ head, rows, empty }: { head: string[]; rows: (string | number)[][]; empty: string }) {
  if (!rows.length)
    return (
      <Text c="dimmed" size="sm" p="md">
        {empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={600} mah={360}>
      <Table striped verticalSpacing={4} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h}>{h}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={i}>
              {r.map((c, j) => (
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
