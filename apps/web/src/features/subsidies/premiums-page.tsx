import { Button, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CATEGORY_LABELS,
  PROFILES,
  SUBSIDY_PARAM_LABELS,
  ZCreateParamVersionInput,
  ZPremiumInput,
  type ProfileCapabilities,
  type TProfileId,
  type TSubsidyParamsPatch,
} from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { DateField, MoneyField, OrgUnitField, TextField, YearField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useOrgUnits, type OrgUnit } from '../../components/org-unit-select';
import { chinaDateOf, formatDate } from '../../lib/dates';
import { formatYuan, zMoney } from '../../lib/money';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { useZodForm } from '../../lib/use-zod-form';

type Premium = RouterOutputs['subsidies']['premiums'][number];
type ParamVersion = RouterOutputs['params']['list'][number];

/** Units that set premiums and subsidy parameters: those with a profile, down to the county. */
const isPremiumUnit = (u: OrgUnit) => !!u.profile && u.level !== 'township';
const capabilitiesOf = (u: OrgUnit | undefined): ProfileCapabilities | null =>
  u?.profile ? PROFILES[u.profile as TProfileId].capabilities : null;

/** The rules' labels name the stored unit (分); the field takes yuan. */
const yuanLabel = (label: string) => label.replace('（分）', '（元）');

const LIAONING_KEYS = ['registered_poor', 'subsistence_allowance', 'low_income', 'other_hardship'] as const;

const PREMIUM_COLUMNS: ColumnDef<Premium, never>[] = [
  { id: 'orgUnit', header: '机构', accessorKey: 'orgUnitName' },
  { id: 'year', header: '年度', accessorKey: 'year' },
  { id: 'tier1', header: '个人缴费标准（一档，元）', cell: ({ row }) => formatYuan(row.original.tier1), meta: { numeric: true } },
  {
    id: 'tier2',
    header: '二档（元）',
    cell: ({ row }) => (row.original.tier2 === null ? '—' : formatYuan(row.original.tier2)),
    meta: { numeric: true },
  },
  { id: 'note', header: '依据', accessorKey: 'note' },
  { id: 'by', header: '设置人', cell: ({ row: { original: p } }) => `${p.updatedByName ?? '—'} · ${formatDate(chinaDateOf(p.updatedAt))}` },
];

const VERSION_COLUMNS: ColumnDef<ParamVersion, never>[] = [
  { id: 'orgUnit', header: '机构', accessorKey: 'orgUnitName' },
  { id: 'version', header: '版本', cell: ({ row }) => `第 ${row.original.version} 版` },
  { id: 'effectiveFrom', header: '生效日期', cell: ({ row }) => formatDate(row.original.effectiveFrom) },
  {
    id: 'subsidy',
    header: '资助参数（覆盖默认值）',
    cell: ({ row: { original: v } }) => (
      <Text ff="monospace" fz="xs">
        {Object.keys(v.subsidyOverride).length ? JSON.stringify(v.subsidyOverride) : '默认'}
      </Text>
    ),
  },
  { id: 'note', header: '说明', accessorKey: 'note' },
];

/** Premiums per jurisdiction and year (two tiers where the profile has them) and the subsidy parameters, for administrators. */
export function PremiumsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const premiums = useQuery(trpc.subsidies.premiums.queryOptions());
  const params = useQuery(trpc.params.list.queryOptions());
  const units = useOrgUnits();
  const { year } = useServerToday();
  const [editing, setEditing] = useState<'premium' | 'params' | null>(null);
  // The forms start from the first unit and the server's year, so they open once both are known.
  const ready = !!units.data && !!year;
  const firstUnit = (units.data ?? []).find(isPremiumUnit)?.id ?? '';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>参保缴费标准与资助参数</Title>
        <Group>
          <Button variant="default" onClick={() => setEditing('params')}>
            调整资助参数
          </Button>
          <Button onClick={() => setEditing('premium')}>设置缴费标准</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        资助计算使用所在地（或上级）设定的当年个人缴费标准；实行两档缴费的地区另设二档标准，资助按一档计算。资助参数随政策参数版本保存，自生效日期起适用。
      </Text>
      <DataTable columns={PREMIUM_COLUMNS} rows={premiums.data} getRowId={(p) => p.id} query={premiums} empty="尚未设置缴费标准" />
      <Title order={4}>资助参数版本</Title>
      <DataTable columns={VERSION_COLUMNS} rows={params.data} getRowId={(v) => v.id} query={params} empty="尚无参数版本" />
      <Modal opened={editing === 'premium'} onClose={() => setEditing(null)} title="设置个人缴费标准">
        {editing === 'premium' && ready && (
          <PremiumForm
            orgUnitId={firstUnit}
            year={year}
            onDone={() => {
              setEditing(null);
              void queryClient.invalidateQueries({ queryKey: trpc.subsidies.premiums.queryKey() });
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={editing === 'params'} onClose={() => setEditing(null)} title="调整参保资助参数" size="lg">
        {editing === 'params' && ready && (
          <SubsidyParamsForm
            orgUnitId={firstUnit}
            latestOf={(id) => params.data?.filter((v) => v.orgUnitId === id).sort((a, b) => b.version - a.version)[0]}
            onDone={() => {
              setEditing(null);
              void queryClient.invalidateQueries({ queryKey: trpc.params.list.queryKey() });
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Modal>
    </Stack>
  );
}

// The rule "二档 above 一档" stays with the server's ZPremiumInput; its answer lands on the 二档 field.
const ZPremiumForm = z.object({ ...ZPremiumInput.shape, tier1: zMoney('个人缴费标准'), tier2: zMoney('二档缴费标准', { optional: true }) });

function PremiumForm({ orgUnitId, year, onDone, onCancel }: { orgUnitId: string; year: number; onDone: () => void; onCancel: () => void }) {
  const trpc = useTRPC();
  const units = useOrgUnits();
  const set = useMutation(trpc.subsidies.setPremium.mutationOptions());
  const form = useZodForm(ZPremiumForm, { defaultValues: { orgUnitId, year, tier1: '', tier2: '', note: '' } });
  const chosen = useWatch({ control: form.control, name: 'orgUnitId' });
  const twoTiers = !!capabilitiesOf(units.data?.find((u) => u.id === chosen))?.hasTwoPremiumTiers;
  return (
    <FormShell
      form={form}
      onCancel={onCancel}
      onSubmit={async (values) => {
        await set.mutateAsync({ ...values, tier2: twoTiers ? values.tier2 : null });
        notifications.show({ color: 'green', message: '缴费标准已保存' });
        onDone();
      }}
    >
      <OrgUnitField control={form.control} name="orgUnitId" label="机构" withAsterisk withCode include={isPremiumUnit} />
      <SimpleGrid cols={twoTiers ? 3 : 2}>
        <YearField control={form.control} name="year" label="年度" withAsterisk />
        <MoneyField
          control={form.control}
          name="tier1"
          label={twoTiers ? '一档标准（元）' : '个人缴费标准（元）'}
          withAsterisk
          rightSection={null}
        />
        {twoTiers && <MoneyField control={form.control} name="tier2" label="二档标准（元）" rightSection={null} />}
      </SimpleGrid>
      <TextField control={form.control} name="note" label="依据文件或说明" withAsterisk />
    </FormShell>
  );
}

/** A percentage typed in a form: '' → null, otherwise a number. */
const zPercent = (label: string) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === '') return null;
      const n = Number(text);
      if (!/^\d+(\.\d+)?$/.test(text) || n > 100) {
        ctx.issues.push({ code: 'custom', input: text, message: `${label}应为 0–100 的百分数` });
        return z.NEVER;
      }
      return n;
    });

const ZSubsidyParamsForm = z.object({
  orgUnitId: ZCreateParamVersionInput.shape.orgUnitId,
  effectiveFrom: ZCreateParamVersionInput.shape.effectiveFrom,
  note: ZCreateParamVersionInput.shape.note,
  subsistenceFixed: zMoney('定额资助标准', { optional: true }),
  registeredPoorRate: zPercent('资助比例'),
  stableExitBase2021: zMoney('2021 年资助标准', { optional: true }),
  liaoning: z.object({
    registered_poor: zMoney('资助额', { optional: true }),
    subsistence_allowance: zMoney('资助额', { optional: true }),
    low_income: zMoney('资助额', { optional: true }),
    other_hardship: zMoney('资助额', { optional: true }),
  }),
});

const SERVER_FIELDS = {
  'subsidy.subsistenceFixed': 'subsistenceFixed',
  'subsidy.registeredPoorRate': 'registeredPoorRate',
  'subsidy.stableExitBase2021': 'stableExitBase2021',
  ...Object.fromEntries(LIAONING_KEYS.map((k) => [`subsidy.liaoning.${k}`, `liaoning.${k}`])),
} as const;

function SubsidyParamsForm({
  orgUnitId,
  latestOf,
  onDone,
  onCancel,
}: {
  orgUnitId: string;
  latestOf: (orgUnitId: string) => ParamVersion | undefined;
  onDone: () => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const units = useOrgUnits();
  const create = useMutation(trpc.params.create.mutationOptions());
  const form = useZodForm(ZSubsidyParamsForm, {
    defaultValues: {
      orgUnitId,
      effectiveFrom: '',
      note: '',
      subsistenceFixed: '',
      registeredPoorRate: '',
      stableExitBase2021: '',
      liaoning: { registered_poor: '', subsistence_allowance: '', low_income: '', other_hardship: '' },
    },
  });
  const c = form.control;
  const chosen = useWatch({ control: c, name: 'orgUnitId' });
  const unit = units.data?.find((u) => u.id === chosen);
  const asks = capabilitiesOf(unit)?.subsidyParams ?? [];
  return (
    <FormShell
      form={form}
      submitLabel="保存为新版本"
      submitDisabled={!asks.length}
      onCancel={onCancel}
      serverFields={SERVER_FIELDS}
      onSubmit={async (values) => {
        const subsidy: TSubsidyParamsPatch = {};
        if (asks.includes('subsistenceFixed') && values.subsistenceFixed !== null) subsidy.subsistenceFixed = values.subsistenceFixed;
        if (asks.includes('registeredPoorRate') && values.registeredPoorRate !== null)
          subsidy.registeredPoorRate = values.registeredPoorRate;
        if (asks.includes('stableExitBase2021') && values.stableExitBase2021 !== null)
          subsidy.stableExitBase2021 = values.stableExitBase2021;
        if (asks.includes('liaoning')) {
          const liaoning = Object.fromEntries(LIAONING_KEYS.flatMap((k) => (values.liaoning[k] === null ? [] : [[k, values.liaoning[k]]])));
          if (Object.keys(liaoning).length) subsidy.liaoning = liaoning;
        }
        // A version replaces the whole parameter set, so the current settlement overrides are carried over.
        await create.mutateAsync({
          orgUnitId: values.orgUnitId,
          effectiveFrom: values.effectiveFrom,
          note: values.note,
          settle: latestOf(values.orgUnitId)?.override ?? {},
          subsidy,
        });
        notifications.show({ color: 'green', message: '已生成新的参数版本' });
        onDone();
      }}
    >
      <OrgUnitField control={c} name="orgUnitId" label="机构" withAsterisk withCode include={isPremiumUnit} />
      {unit?.profile && (
        <Text size="sm" c="dimmed">
          {PROFILES[unit.profile as TProfileId].label}：
          {asks.length ? '留空的参数沿用默认值。' : '本口径的资助标准由文件直接规定，无可调整的地方参数。'}
        </Text>
      )}
      {asks.includes('subsistenceFixed') && (
        <MoneyField control={c} name="subsistenceFixed" label={yuanLabel(SUBSIDY_PARAM_LABELS.subsistenceFixed)} rightSection={null} />
      )}
      {asks.includes('registeredPoorRate') && (
        <TextField
          control={c}
          name="registeredPoorRate"
          label={SUBSIDY_PARAM_LABELS.registeredPoorRate}
          inputMode="decimal"
          rightSection="%"
        />
      )}
      {asks.includes('stableExitBase2021') && (
        <MoneyField control={c} name="stableExitBase2021" label={yuanLabel(SUBSIDY_PARAM_LABELS.stableExitBase2021)} rightSection={null} />
      )}
      {asks.includes('liaoning') &&
        LIAONING_KEYS.map((k) => <MoneyField key={k} control={c} name={`liaoning.${k}`} label={`辽宁资助额：${CATEGORY_LABELS[k]}`} />)}
      <DateField control={c} name="effectiveFrom" label="生效日期" withAsterisk />
      <TextField control={c} name="note" label="调整说明（依据文件或原因）" withAsterisk />
    </FormShell>
  );
}
