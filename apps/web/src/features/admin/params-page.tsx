import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatYuan, parseYuan, PROFILES, type TParamRow, type TProfileId } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../../app/use-me';
import { QueryState } from '../../components/query-state';
import { isApiError, useTRPC } from '../../lib/trpc';

const SOURCE_LABELS = { seed: '文件规定', local: '地方参数', unused: '本口径不适用' } as const;

function showValue(row: Pick<TParamRow, 'unit' | 'value'>) {
  if (row.unit === 'fen') return `${formatYuan(row.value)} 元`;
  return row.unit === 'percent' ? `${row.value}%` : `${row.value} 个百分点`;
}

/** Sets a value at a dotted path of a nested object (a new branch where missing). */
function setPath(target: Record<string, unknown>, path: string, value: number) {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((k) => {
    node[k] = (node[k] as Record<string, unknown>) ?? {};
    node = node[k] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

export function ParamsPage() {
  const trpc = useTRPC();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.params.list.queryOptions());
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const [editing, setEditing] = useState<{ orgUnitId: string; rows: TParamRow[]; profile: TProfileId } | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.params.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.params.list.queryKey() }) }),
  );
  const [selected, setSelected] = useState<string | null>(null);

  const versionRows = versions.data;
  const latestByUnit = useMemo(() => {
    const map = new Map<string, NonNullable<typeof versionRows>[number]>();
    for (const v of versionRows ?? []) if (!map.has(v.orgUnitId)) map.set(v.orgUnitId, v);
    return map;
  }, [versionRows]);
  const shown = (versions.data ?? []).find((v) => v.id === selected) ?? [...latestByUnit.values()][0];

  const startEdit = (orgUnitId: string, profile: TProfileId, rows: TParamRow[]) => {
    setEditing({ orgUnitId, rows, profile });
    setDraft(
      Object.fromEntries(
        rows.filter((r) => r.source !== 'unused').map((r) => [r.path, r.unit === 'fen' ? (r.value / 100).toFixed(2) : String(r.value)]),
      ),
    );
    setEffectiveFrom('');
    setNote('');
    setErrors({});
  };

  const save = async () => {
    if (!editing) return;
    const next: Record<string, string> = {};
    const settle: Record<string, unknown> = {};
    for (const row of editing.rows) {
      const text = draft[row.path];
      if (text === undefined) continue;
      const value = row.unit === 'fen' ? parseYuan(text) : Number(text);
      if (value === null || Number.isNaN(value) || text.trim() === '')
        next[row.path] = row.unit === 'fen' ? '请输入金额（元，最多两位小数）' : '请输入数字';
      else setPath(settle, row.path, value);
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) next.effectiveFrom = '请填写生效日期';
    if (note.trim().length < 2) next.note = '请填写调整说明（依据文件或原因）';
    setErrors(next);
    if (Object.keys(next).length) return;
    try {
      const r = await create.mutateAsync({ orgUnitId: editing.orgUnitId, effectiveFrom, settle, subsidy: {}, note } as never);
      notifications.show({ color: 'green', message: `已保存参数版本 ${r.version}` });
      setEditing(null);
    } catch (err) {
      const data = isApiError(err)
        ? (err.data as { field?: string | null; fieldErrors?: { path: string; message: string }[] | null })
        : null;
      const path = data?.field?.replace(/^settle\./, '') ?? data?.fieldErrors?.[0]?.path.replace(/^settle\./, '');
      setErrors(path ? { [path]: isApiError(err) ? err.message : '参数有误' } : { form: isApiError(err) ? err.message : '保存失败' });
    }
  };

  return (
    <Stack>
      <Title order={3}>政策参数</Title>
      <Text size="sm" c="dimmed">
        政策文件未规定、由当地确定的参数（起付线、报销比例、封顶线等）。每次调整生成新版本并从生效日期起适用，已结算的业务记录其使用的版本，不受后续调整影响。
      </Text>
      <QueryState query={versions}>
        {() => (
          <>
            <Paper withBorder>
              <Table verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>机构</Table.Th>
                    <Table.Th>政策口径</Table.Th>
                    <Table.Th>版本</Table.Th>
                    <Table.Th>生效日期</Table.Th>
                    <Table.Th>说明</Table.Th>
                    <Table.Th>调整人</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(versions.data ?? []).map((v) => (
                    <Table.Tr key={v.id} bg={shown?.id === v.id ? 'var(--mantine-color-blue-0)' : undefined}>
                      <Table.Td>{v.orgUnitName}</Table.Td>
                      <Table.Td>{PROFILES[v.profile as TProfileId]?.label}</Table.Td>
                      <Table.Td>
                        第 {v.version} 版
                        {latestByUnit.get(v.orgUnitId)?.id === v.id && (
                          <Badge ml={6} size="xs">
                            最新
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{v.effectiveFrom}</Table.Td>
                      <Table.Td>{v.note}</Table.Td>
                      <Table.Td>{v.createdByName ?? '系统初始化'}</Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end">
                          <Button size="compact-xs" variant="subtle" onClick={() => setSelected(v.id)}>
                            查看
                          </Button>
                          {me?.role === 'admin' && latestByUnit.get(v.orgUnitId)?.id === v.id && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              onClick={() => startEdit(v.orgUnitId, v.profile as TProfileId, v.table)}
                            >
                              调整
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {me?.role === 'admin' && units.data && (
              <Group>
                <Select
                  placeholder="为下级机构单独设定参数…"
                  w={280}
                  searchable
                  data={units.data.filter((u) => u.profile && !latestByUnit.has(u.id)).map((u) => ({ value: u.id, label: u.name }))}
                  onChange={(id) => {
                    const unit = units.data?.find((u) => u.id === id);
                    const parent = [...latestByUnit.values()].find((v) =>
                      unit?.path.includes(`/${units.data?.find((x) => x.id === v.orgUnitId)?.code}/`),
                    );
                    if (unit && parent) startEdit(unit.id, unit.profile as TProfileId, parent.table);
                  }}
                  value={null}
                />
              </Group>
            )}
            {shown && (
              <Paper withBorder p="md">
                <Text fw={600} mb="xs">
                  {shown.orgUnitName} · 第 {shown.version} 版（{shown.effectiveFrom} 起）
                </Text>
                <ParamTable rows={shown.table} />
              </Paper>
            )}
          </>
        )}
      </QueryState>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="调整政策参数（生成新版本）" size="xl">
        {editing && (
          <Stack>
            {errors.form && <Alert color="red">{errors.form}</Alert>}
            <SimpleGrid cols={2}>
              <TextInput
                type="date"
                label="生效日期"
                withAsterisk
                value={effectiveFrom}
                onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
                error={errors.effectiveFrom}
              />
              <TextInput
                label="调整说明"
                withAsterisk
                placeholder="依据文件或调整原因"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
              />
            </SimpleGrid>
            <ScrollArea h={420}>
              <SimpleGrid cols={2} spacing="sm">
                {editing.rows
                  .filter((r) => r.source !== 'unused')
                  .map((r) => (
                    <TextInput
                      key={r.path}
                      label={`${r.label}（${r.unit === 'fen' ? '元' : r.unit === 'percent' ? '%' : '百分点'}）`}
                      description={`${SOURCE_LABELS[r.source]}${r.note ? `：${r.note}` : ''}`}
                      value={draft[r.path] ?? ''}
                      onChange={(e) => setDraft({ ...draft, [r.path]: e.currentTarget.value })}
                      error={errors[r.path]}
                    />
                  ))}
              </SimpleGrid>
            </ScrollArea>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                取消
              </Button>
              <Button loading={create.isPending} onClick={save}>
                保存新版本
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function ParamTable({ rows }: { rows: TParamRow[] }) {
  return (
    <Table verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>参数</Table.Th>
          <Table.Th className="num">现行值</Table.Th>
          <Table.Th className="num">默认值</Table.Th>
          <Table.Th>来源</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.path} c={r.source === 'unused' ? 'dimmed' : undefined}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td className="num">{showValue(r)}</Table.Td>
            <Table.Td className="num">{showValue({ unit: r.unit, value: r.defaultValue })}</Table.Td>
            <Table.Td>
              <Text size="xs">
                {SOURCE_LABELS[r.source]}
                {r.note ? `：${r.note}` : ''}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
