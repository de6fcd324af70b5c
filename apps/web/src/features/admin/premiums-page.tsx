import { Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatYuan, PROFILES, SUBSIDY_PARAM_LABELS, type TProfileId } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

const yuanToFen = (v: number | string) => (v === '' ? null : Math.round(Number(v) * 100));

/** Premiums per jurisdiction and year (Weihai two tiers) and the subsidy parameters, for administrators. */
export function PremiumsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const premiums = useQuery(trpc.subsidies.premiums.queryOptions());
  const units = useQuery(trpc.admin.listOrgUnits.queryOptions());
  const params = useQuery(trpc.params.list.queryOptions());
  const [editing, setEditing] = useState(false);
  const [editingParams, setEditingParams] = useState(false);
  const unitOptions = (units.data ?? [])
    .filter((u) => u.profile && u.level !== 'township')
    .map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth - 1))}${u.name}（${u.code}）` }));
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>参保缴费标准与资助参数</Title>
        <Group>
          <Button variant="default" onClick={() => setEditingParams(true)}>
            调整资助参数
          </Button>
          <Button onClick={() => setEditing(true)}>设置缴费标准</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        资助计算使用所在地（或上级）设定的当年个人缴费标准；威海另设二档标准，资助按一档计算。资助参数随政策参数版本保存，自生效日期起适用。
      </Text>
      <QueryState query={premiums}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>机构</Table.Th>
                  <Table.Th>年度</Table.Th>
                  <Table.Th>个人缴费标准（一档，元）</Table.Th>
                  <Table.Th>二档（元）</Table.Th>
                  <Table.Th>依据</Table.Th>
                  <Table.Th>设置人</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {premiums.data?.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={6}>
                      <Text c="dimmed" ta="center" py="md">
                        尚未设置缴费标准
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {premiums.data?.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.orgUnitName}</Table.Td>
                    <Table.Td>{p.year}</Table.Td>
                    <Table.Td>{formatYuan(p.tier1)}</Table.Td>
                    <Table.Td>{p.tier2 === null ? '—' : formatYuan(p.tier2)}</Table.Td>
                    <Table.Td>{p.note}</Table.Td>
                    <Table.Td>
                      {p.updatedByName ?? '—'} · {new Date(p.updatedAt).toLocaleDateString('zh-CN')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
      <Title order={4}>资助参数版本</Title>
      <QueryState query={params}>
        {() => (
          <Paper withBorder>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>机构</Table.Th>
                  <Table.Th>版本</Table.Th>
                  <Table.Th>生效日期</Table.Th>
                  <Table.Th>资助参数（覆盖默认值）</Table.Th>
                  <Table.Th>说明</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {params.data?.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{v.orgUnitName}</Table.Td>
                    <Table.Td>{v.version}</Table.Td>
                    <Table.Td>{v.effectiveFrom}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {Object.keys(v.subsidyOverride).length ? JSON.stringify(v.subsidyOverride) : '默认'}
                    </Table.Td>
                    <Table.Td>{v.note}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </QueryState>
      <Modal opened={editing} onClose={() => setEditing(false)} title="设置个人缴费标准">
        <PremiumForm
          unitOptions={unitOptions}
          profileOf={(id) => units.data?.find((u) => u.id === id)?.profile ?? null}
          onDone={() => {
            setEditing(false);
            void queryClient.invalidateQueries({ queryKey: trpc.subsidies.premiums.queryKey() });
          }}
        />
      </Modal>
      <Modal opened={editingParams} onClose={() => setEditingParams(false)} title="调整参保资助参数" size="lg">
        <SubsidyParamsForm
          unitOptions={unitOptions}
          profileOf={(id) => units.data?.find((u) => u.id === id)?.profile ?? null}
          latestSettleOf={(id) => params.data?.filter((v) => v.orgUnitId === id).sort((a, b) => b.version - a.version)[0]?.override ?? {}}
          onDone={() => {
            setEditingParams(false);
            void queryClient.invalidateQueries({ queryKey: trpc.params.list.queryKey() });
          }}
        />
      </Modal>
    </Stack>
  );
}

function PremiumForm({
  unitOptions,
  profileOf,
  onDone,
}: {
  unitOptions: { value: string; label: string }[];
  profileOf: (id: string) => string | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const set = useMutation(trpc.subsidies.setPremium.mutationOptions());
  const [chosenUnitId, setOrgUnitId] = useState<string | null>(null);
  const orgUnitId = chosenUnitId ?? unitOptions[0]?.value ?? null;
  const [year, setYear] = useState<number | string>(new Date().getFullYear());
  const [tier1, setTier1] = useState<number | string>('');
  const [tier2, setTier2] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isWeihai = orgUnitId ? profileOf(orgUnitId) === 'weihai-2019' : false;
  return (
    <Stack>
      <Select label="机构" withAsterisk data={unitOptions} value={orgUnitId} onChange={setOrgUnitId} error={errors.orgUnitId} searchable />
      <SimpleGrid cols={isWeihai ? 3 : 2}>
        <NumberInput label="年度" withAsterisk value={year} onChange={setYear} error={errors.year} />
        <NumberInput
          label={isWeihai ? '一档标准（元）' : '个人缴费标准（元）'}
          withAsterisk
          decimalScale={2}
          min={0}
          value={tier1}
          onChange={setTier1}
          error={errors.tier1}
        />
        {isWeihai && <NumberInput label="二档标准（元）" decimalScale={2} min={0} value={tier2} onChange={setTier2} error={errors.tier2} />}
      </SimpleGrid>
      <TextInput label="依据文件或说明" withAsterisk value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          取消
        </Button>
        <Button
          loading={set.isPending}
          onClick={async () => {
            setErrors({});
            try {
              await set.mutateAsync({
                orgUnitId: orgUnitId ?? '',
                year: Number(year),
                tier1: yuanToFen(tier1) ?? 0,
                tier2: isWeihai ? yuanToFen(tier2) : null,
                note,
              });
              notifications.show({ color: 'green', message: '缴费标准已保存' });
              onDone();
            } catch (err) {
              applyServerError(err, ((f: string, e: { message?: string }) => setErrors((p) => ({ ...p, [f]: e.message ?? '' }))) as never, [
                'orgUnitId',
                'year',
                'tier1',
                'tier2',
                'note',
              ]);
            }
          }}
        >
          保存
        </Button>
      </Group>
    </Stack>
  );
}

function SubsidyParamsForm({
  unitOptions,
  profileOf,
  latestSettleOf,
  onDone,
}: {
  unitOptions: { value: string; label: string }[];
  profileOf: (id: string) => string | null;
  latestSettleOf: (id: string) => unknown;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.params.create.mutationOptions());
  const [chosenUnitId, setOrgUnitId] = useState<string | null>(null);
  const orgUnitId = chosenUnitId ?? unitOptions[0]?.value ?? null;
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const profile = (orgUnitId ? profileOf(orgUnitId) : null) as TProfileId | null;
  const fields: { key: string; label: string; unit: 'yuan' | 'percent' }[] =
    profile === 'hunan-2017'
      ? [
          { key: 'subsistenceFixed', label: SUBSIDY_PARAM_LABELS.subsistenceFixed, unit: 'yuan' },
          { key: 'registeredPoorRate', label: SUBSIDY_PARAM_LABELS.registeredPoorRate, unit: 'percent' },
        ]
      : profile === 'xianning-2022'
        ? [{ key: 'stableExitBase2021', label: SUBSIDY_PARAM_LABELS.stableExitBase2021, unit: 'yuan' }]
        : profile === 'liaoning-2019'
          ? ['registered_poor', 'subsistence_allowance', 'low_income', 'other_hardship'].map((k) => ({
              key: `liaoning.${k}`,
              label: `辽宁资助额（元）：${{ registered_poor: '建档立卡贫困人口', subsistence_allowance: '低保对象', low_income: '低收入对象', other_hardship: '其他困难群体' }[k]}`,
              unit: 'yuan' as const,
            }))
          : [];
  return (
    <Stack>
      <Select
        label="机构"
        withAsterisk
        data={unitOptions}
        value={orgUnitId}
        onChange={(v) => {
          setOrgUnitId(v);
          setValues({});
        }}
        searchable
      />
      {profile && (
        <Text size="sm" c="dimmed">
          {PROFILES[profile].label}：{fields.length ? '留空的参数沿用默认值。' : '本口径的资助标准由文件直接规定，无可调整的地方参数。'}
        </Text>
      )}
      {fields.map((f) => (
        <NumberInput
          key={f.key}
          label={f.label}
          decimalScale={f.unit === 'yuan' ? 2 : 0}
          min={0}
          value={values[f.key] ?? ''}
          onChange={(v) => setValues((p) => ({ ...p, [f.key]: v }))}
          error={errors[`subsidy.${f.key}`]}
        />
      ))}
      <TextInput
        label="生效日期"
        type="date"
        withAsterisk
        value={effectiveFrom}
        onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
        error={errors.effectiveFrom}
      />
      <TextInput
        label="调整说明（依据文件或原因）"
        withAsterisk
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          取消
        </Button>
        <Button
          loading={create.isPending}
          disabled={!fields.length}
          onClick={async () => {
            const subsidy: Record<string, unknown> = {};
            for (const f of fields) {
              const v = values[f.key];
              if (v === undefined || v === '') continue;
              const n = f.unit === 'yuan' ? yuanToFen(v) : Number(v);
              if (f.key.startsWith('liaoning.')) subsidy.liaoning = { ...(subsidy.liaoning as object), [f.key.slice(9)]: n };
              else subsidy[f.key] = n;
            }
            setErrors({});
            try {
              // A version replaces the whole parameter set, so the current settlement overrides are carried over.
              await create.mutateAsync({
                orgUnitId: orgUnitId ?? '',
                effectiveFrom,
                note,
                settle: latestSettleOf(orgUnitId ?? '') as never,
                subsidy: subsidy as never,
              });
              notifications.show({ color: 'green', message: '已生成新的参数版本' });
              onDone();
            } catch (err) {
              applyServerError(err, ((f: string, e: { message?: string }) => setErrors((p) => ({ ...p, [f]: e.message ?? '' }))) as never);
            }
          }}
        >
          保存为新版本
        </Button>
      </Group>
    </Stack>
  );
}
