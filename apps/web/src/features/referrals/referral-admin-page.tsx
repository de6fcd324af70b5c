import { Badge, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { HOSPITAL_LEVEL_LABELS, ZReferralSettingsInput } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { OrgUnitField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import type { OrgUnit } from '../../components/org-unit-select';
import { QueryState } from '../../components/query-state';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';
import { useUrlFilters } from '../../lib/use-url-filters';
import { useZodForm } from '../../lib/use-zod-form';

type Admin = RouterOutputs['referrals']['adminList'];
type Hospital = Admin['hospitals'][number];

const TIERS = [
  { value: 'none', label: '否' },
  { value: 'city', label: '市级' },
  { value: 'provincial', label: '省级' },
];

function TierControl({ h }: { h: Hospital }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setTier = useMutation(trpc.referrals.setTier.mutationOptions());
  return (
    <SegmentedControl
      size="xs"
      disabled={!h.canEdit || setTier.isPending}
      aria-label={`${h.name}转诊定点级别`}
      value={h.referralTier ?? 'none'}
      onChange={async (v) => {
        try {
          await setTier.mutateAsync({ hospitalId: h.id, referralTier: v === 'city' || v === 'provincial' ? v : null });
          await queryClient.invalidateQueries({ queryKey: trpc.referrals.adminList.queryKey() });
          notifications.show({ color: 'green', message: `已更新 ${h.name} 的转诊定点级别` });
        } catch (err) {
          applyServerError(err);
        }
      }}
      data={TIERS}
    />
  );
}

const COLUMNS: ColumnDef<Hospital, never>[] = [
  { id: 'code', header: '编码', accessorKey: 'code', meta: { mono: true } },
  {
    id: 'name',
    header: '医院名称',
    cell: ({ row: { original: h } }) => (
      <>
        {h.name} {!h.isActive && <Badge color="gray">停用</Badge>}
      </>
    ),
  },
  { id: 'level', header: '等级', cell: ({ row }) => HOSPITAL_LEVEL_LABELS[row.original.level as 1 | 2 | 3] ?? row.original.level },
  { id: 'region', header: '所在地', accessorKey: 'regionName' },
  { id: 'owner', header: '所属名单', accessorKey: 'ownerName' },
  { id: 'tier', header: '转诊定点', cell: ({ row }) => <TierControl h={row.original} /> },
];

/** Days typed as text; the rules schema checks the range. */
const ZValidityForm = z.object({
  orgUnitId: ZReferralSettingsInput.shape.orgUnitId,
  validityDays: z.string().trim().min(1, '请填写有效期天数').transform(Number).pipe(ZReferralSettingsInput.shape.validityDays),
});

function ValiditySettings({ admin }: { admin: Admin }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.referrals.setValidity.mutationOptions());
  const form = useZodForm(ZValidityForm, { defaultValues: { orgUnitId: '', validityDays: String(admin.defaultValidityDays) } });
  const include = useMemo(() => {
    const ids = new Set(admin.orgUnits.map((u) => u.id));
    return (u: OrgUnit) => ids.has(u.id);
  }, [admin.orgUnits]);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={5}>转诊有效期（地方参数）</Title>
        <Text size="sm" c="dimmed">
          自转诊证明开具之日起算的天数；未设置时为 {admin.defaultValidityDays} 天，下级机构可单独设置。修改只影响之后登记的转诊。
          {admin.settings.length > 0 && ` 当前设置：${admin.settings.map((s) => `${s.orgUnitName} ${s.validityDays} 天`).join('；')}。`}
        </Text>
        <FormShell
          form={form}
          onSubmit={async (values) => {
            await save.mutateAsync(values);
            await queryClient.invalidateQueries({ queryKey: trpc.referrals.adminList.queryKey() });
            notifications.show({ color: 'green', message: '转诊有效期已保存' });
          }}
        >
          <Group align="flex-start">
            <OrgUnitField control={form.control} name="orgUnitId" label="机构" withAsterisk withCode include={include} w={300} />
            <TextField control={form.control} name="validityDays" label="有效期（天）" withAsterisk inputMode="numeric" w={140} />
          </Group>
        </FormShell>
      </Stack>
    </Paper>
  );
}

/** Admins keep the designated referral destinations of their lists and the referral validity. */
export function ReferralAdminPage() {
  const trpc = useTRPC();
  const data = useQuery(trpc.referrals.adminList.queryOptions());
  const [f, setFilters] = useUrlFilters({ q: '', show: 'all' });
  const rows = data.data?.hospitals.filter(
    (h) => (!f.q || h.name.includes(f.q) || h.code.includes(f.q)) && (f.show !== 'designated' || h.referralTier),
  );
  return (
    <Stack>
      <Title order={3}>转诊定点与有效期</Title>
      <QueryState query={data}>{() => data.data && <ValiditySettings admin={data.data} />}</QueryState>
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Group>
            <TextInput
              placeholder="按医院名称或编码查找"
              aria-label="按医院名称或编码查找"
              value={f.q}
              onChange={(e) => setFilters({ q: e.currentTarget.value }, { replace: true })}
              w={260}
            />
            <SegmentedControl
              value={f.show === 'designated' ? 'designated' : 'all'}
              onChange={(v) => setFilters({ show: v })}
              data={[
                { value: 'all', label: '全部医院' },
                { value: 'designated', label: '仅转诊定点' },
              ]}
            />
          </Group>
          <Text size="sm" c="dimmed">
            设为转诊定点的医院才能被选为“转往医院”
          </Text>
        </Group>
      </Paper>
      <DataTable
        columns={COLUMNS}
        rows={rows}
        getRowId={(h) => h.id}
        query={data}
        empty="没有符合条件的医院"
        unit="家医院"
        rowAttributes={(h) => ({ 'data-testid': `hospital-${h.code}` })}
      />
    </Stack>
  );
}
