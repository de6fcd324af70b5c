import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Pagination,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatYuan } from '@portal/rules';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { categoryLabel } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

/** 参保资助: the not-enrolled work list and premium-subsidy runs. */
export function EnrollmentPage() {
  return (
    <Stack>
      <Title order={3}>参保资助</Title>
      <Tabs defaultValue="subsidy" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="subsidy">资助计算</Tabs.Tab>
          <Tabs.Tab value="worklist">未参保工作台账</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="subsidy" pt="md">
          <SubsidyRuns />
        </Tabs.Panel>
        <Tabs.Panel value="worklist" pt="md">
          <Worklist />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Worklist() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeResolved, setIncludeResolved] = useState(false);
  const list = useQuery(trpc.enrollment.worklist.queryOptions({ includeResolved }));
  const me = useQuery(trpc.auth.me.queryOptions());
  const canEdit = me.data?.role === 'clerk' || me.data?.role === 'reviewer';
  const [resolving, setResolving] = useState<{ id: string; name: string } | null>(null);
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolve = useMutation(
    trpc.enrollment.resolve.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.enrollment.worklist.queryKey() }),
    }),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          未参保人员登记造册、明确解决时限、按时对账销号（000 §二(一)）。按解决时限排序，逾期标红。
        </Text>
        <Switch label="显示已销号" checked={includeResolved} onChange={(e) => setIncludeResolved(e.currentTarget.checked)} />
      </Group>
      <QueryState query={list}>
        {() =>
          !list.data?.length ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                没有待解决的未参保人员
              </Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>姓名</Table.Th>
                    <Table.Th>身份证号</Table.Th>
                    <Table.Th>区划</Table.Th>
                    <Table.Th>年度</Table.Th>
                    <Table.Th>未参保原因</Table.Th>
                    <Table.Th>解决时限</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.map((i) => (
                    <Table.Tr key={i.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/persons/${i.personId}`}>
                          {i.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ff="monospace">{i.idNumberMasked}</Table.Td>
                      <Table.Td>{i.orgUnitName}</Table.Td>
                      <Table.Td>{i.year}</Table.Td>
                      <Table.Td>{i.reasonLabel}</Table.Td>
                      <Table.Td>
                        {i.resolvedAt ? (
                          <Badge color="gray" variant="light">
                            已销号：{i.resolution}
                          </Badge>
                        ) : (
                          <Text size="sm" c={i.isOverdue ? 'red' : undefined} fw={i.isOverdue ? 600 : undefined}>
                            {i.resolutionDeadline ?? '—'}
                            {i.isOverdue ? '（已逾期）' : ''}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {canEdit && !i.resolvedAt && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => {
                              setResolving({ id: i.id, name: i.name });
                              setResolution('');
                              setError(null);
                            }}
                          >
                            对账销号
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryState>
      <Modal opened={!!resolving} onClose={() => setResolving(null)} title={`对账销号：${resolving?.name ?? ''}`}>
        <Stack>
          <TextInput
            label="销号说明"
            withAsterisk
            placeholder="如：已在就读学校参保，核对学校参保名单无误"
            value={resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setResolving(null)}>
              取消
            </Button>
            <Button
              loading={resolve.isPending}
              onClick={async () => {
                try {
                  await resolve.mutateAsync({ id: resolving!.id, resolution });
                  notifications.show({ color: 'green', message: '已销号' });
                  setResolving(null);
                } catch (err) {
                  if (
                    !applyServerError(err, ((_f: string, e: { message?: string }) => setError(e.message ?? null)) as never, ['resolution'])
                  )
                    setError(null);
                }
              }}
            >
              确认销号
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function SubsidyRuns() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const info = useQuery(trpc.system.info.queryOptions());
  const runs = useQuery(trpc.subsidies.runs.queryOptions());
  const me = useQuery(trpc.auth.me.queryOptions());
  const [orgUnitId, setOrgUnitId] = useState<string | null>(null);
  const [year, setYear] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const run = useMutation(
    trpc.subsidies.run.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.subsidies.runs.queryKey() }) }),
  );
  const options = (units.data ?? [])
    .filter((u) => u.level === 'county' || u.level === 'city')
    .map((u) => ({ value: u.id, label: `${u.name}（${u.code}）${u.level === 'city' ? ' · 全市各县' : ''}` }));
  const defaultYear = info.data ? Number(info.data.today.slice(0, 4)) : '';
  const canRun = me.data && me.data.role !== 'admin';
  return (
    <Stack>
      {canRun && (
        <Paper withBorder p="md">
          <Group align="flex-start">
            <Select
              label="县（市、区）"
              withAsterisk
              data={options}
              value={orgUnitId ?? (options.length === 1 ? options[0]!.value : null)}
              onChange={setOrgUnitId}
              searchable
              w={320}
              error={errors.orgUnitId}
            />
            <NumberInput
              label="参保年度"
              withAsterisk
              value={year === '' ? defaultYear : year}
              onChange={setYear}
              w={140}
              min={2017}
              max={2100}
              error={errors.year}
            />
            <Button
              mt={25}
              loading={run.isPending}
              onClick={async () => {
                const unit = orgUnitId ?? (options.length === 1 ? options[0]!.value : null);
                const y = Number(year === '' ? defaultYear : year);
                if (!unit) return setErrors({ orgUnitId: '请选择县（市、区）' });
                setErrors({});
                try {
                  const r = await run.mutateAsync({ orgUnitId: unit, year: y });
                  notifications.show({
                    color: 'green',
                    title: '资助计算完成',
                    message: `${r.personCount} 人，资助合计 ${formatYuan(r.totalAmount)} 元`,
                  });
                  setOpenId(r.id);
                } catch (err) {
                  applyServerError(err, ((f: string, e: { message?: string }) => setErrors({ [f]: e.message ?? '' })) as never, [
                    'orgUnitId',
                    'year',
                  ]);
                }
              }}
            >
              计算资助
            </Button>
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            按 1 月 1 日起生效的个人缴费标准和资助参数，对每名扶贫对象按“就高不重复”计算资助额（不超过个人缴费），并按财政层级分担。
          </Text>
        </Paper>
      )}
      <QueryState query={runs}>
        {() =>
          !runs.data?.length ? (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                还没有资助计算记录
              </Text>
            </Paper>
          ) : (
            <Paper withBorder>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>区划</Table.Th>
                    <Table.Th>年度</Table.Th>
                    <Table.Th>人数</Table.Th>
                    <Table.Th>获资助人数</Table.Th>
                    <Table.Th>资助合计（元）</Table.Th>
                    <Table.Th>计算人 / 时间</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {runs.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>{r.orgUnitName}</Table.Td>
                      <Table.Td>{r.year}</Table.Td>
                      <Table.Td>{r.personCount}</Table.Td>
                      <Table.Td>{r.subsidisedCount}</Table.Td>
                      <Table.Td>{formatYuan(r.totalAmount)}</Table.Td>
                      <Table.Td>
                        {r.createdByName} · {new Date(r.createdAt).toLocaleString('zh-CN')}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Button size="compact-xs" variant="subtle" onClick={() => setOpenId(r.id)}>
                            查看
                          </Button>
                          <Button size="compact-xs" variant="subtle" component="a" href={`/api/exports/subsidy-runs/${r.id}.xlsx`}>
                            导出
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </QueryState>
      <Modal opened={!!openId} onClose={() => setOpenId(null)} title="参保资助计算结果" size="80rem">
        {openId && <RunDetail id={openId} />}
      </Modal>
    </Stack>
  );
}

function RunDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const run = useQuery({ ...trpc.subsidies.getRun.queryOptions({ id, page, pageSize: 10 }), placeholderData: keepPreviousData });
  return (
    <QueryState query={run}>
      {() => {
        const r = run.data!;
        const hasShares = r.summary.some((s) => s.province + s.prefecture + s.county > 0);
        const hasFunding = r.summary.some((s) => s.assistanceFund + s.fiscal > 0);
        return (
          <Stack>
            <Group justify="space-between">
              <Text size="sm">
                {r.orgUnitName} · {r.year} 年度 · {r.personCount} 人 · 资助合计 <b>{formatYuan(r.totalAmount)}</b> 元
              </Text>
              <Button component="a" href={`/api/exports/subsidy-runs/${r.id}.xlsx`} variant="light" size="xs">
                导出 Excel
              </Button>
            </Group>
            <Title order={5}>按县和类别汇总</Title>
            <Table withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>县（市、区）</Table.Th>
                  <Table.Th>适用类别</Table.Th>
                  <Table.Th>人数</Table.Th>
                  <Table.Th>资助金额（元）</Table.Th>
                  <Table.Th>个人缴费（元）</Table.Th>
                  {hasShares && (
                    <>
                      <Table.Th>省级</Table.Th>
                      <Table.Th>州级</Table.Th>
                      <Table.Th>县级</Table.Th>
                    </>
                  )}
                  {hasFunding && (
                    <>
                      <Table.Th>医疗救助资金</Table.Th>
                      <Table.Th>财政补贴</Table.Th>
                    </>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.summary.map((s) => (
                  <Table.Tr key={`${s.countyName}-${s.category}`}>
                    <Table.Td>{s.countyName}</Table.Td>
                    <Table.Td>{categoryLabel(s.category)}</Table.Td>
                    <Table.Td>{s.persons}</Table.Td>
                    <Table.Td>{formatYuan(s.amount)}</Table.Td>
                    <Table.Td>{formatYuan(s.personPays)}</Table.Td>
                    {hasShares && (
                      <>
                        <Table.Td>{formatYuan(s.province)}</Table.Td>
                        <Table.Td>{formatYuan(s.prefecture)}</Table.Td>
                        <Table.Td>{formatYuan(s.county)}</Table.Td>
                      </>
                    )}
                    {hasFunding && (
                      <>
                        <Table.Td>{formatYuan(s.assistanceFund)}</Table.Td>
                        <Table.Td>{formatYuan(s.fiscal)}</Table.Td>
                      </>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={5}>明细</Title>
            <Table striped verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>身份证号</Table.Th>
                  <Table.Th>适用类别</Table.Th>
                  <Table.Th>资助（元）</Table.Th>
                  <Table.Th>计算说明</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td ff="monospace">{i.idNumberMasked}</Table.Td>
                    <Table.Td>{categoryLabel(i.appliedCategory)}</Table.Td>
                    <Table.Td>{formatYuan(i.amount)}</Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {i.explain}（{i.clause}）
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Pagination total={Math.max(1, Math.ceil(r.total / r.pageSize))} value={page} onChange={setPage} size="sm" />
          </Stack>
        );
      }}
    </QueryState>
  );
}
