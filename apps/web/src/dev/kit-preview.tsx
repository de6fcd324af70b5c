/**
 * Development only: every state of the web kit with made-up data and no server (open
 * /kit-preview.html on the vite dev server). The production build does not include it.
 */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import '../app/global.css';
import 'dayjs/locale/zh-cn';
import { Badge, Button, Container, Group, MantineProvider, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { PROFILE_IDS, ZPersonName } from '@portal/rules';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import dayjs from 'dayjs';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { z } from 'zod';
import { theme } from '../app/theme';
import { DataTable, type ColumnDef } from '../components/data-table';
import { DateInput, MonthInput } from '../components/date-input';
import { DateField, MoneyField, OrgUnitField, SelectField, TextField, YearField } from '../components/fields';
import { FormShell } from '../components/form-shell';
import type { OrgUnit } from '../components/org-unit-select';
import { ConfirmDialog } from '../components/confirm-dialog';
import { ReasonDialog } from '../components/reason-dialog';
import { formatDate, formatDateTime } from '../lib/dates';
import { formatAmount, formatYuan, zMoney } from '../lib/money';
import { makeTrpcClient, TRPCProvider, useTRPC } from '../lib/trpc';
import { useCursorPager, useUrlFilters } from '../lib/use-url-filters';
import { useZodForm } from '../lib/use-zod-form';

/** Sample org units of the preview belong to one jurisdiction (which one does not matter here). */
const SAMPLE_PROFILE = PROFILE_IDS[2];

dayjs.locale('zh-cn');

const UNITS: OrgUnit[] = [
  {
    id: 'u1',
    code: '421200',
    name: '咸宁市',
    level: 'city',
    parentId: null,
    path: '/421200/',
    profile: SAMPLE_PROFILE,
    depth: 1,
    isDemo: true,
  },
  {
    id: 'u2',
    code: '421222',
    name: '通城县',
    level: 'county',
    parentId: 'u1',
    path: '/421200/421222/',
    profile: SAMPLE_PROFILE,
    depth: 2,
    isDemo: true,
  },
  {
    id: 'u3',
    code: '421222100',
    name: '隽水镇',
    level: 'township',
    parentId: 'u2',
    path: '/421200/421222/421222100/',
    profile: SAMPLE_PROFILE,
    depth: 3,
    isDemo: true,
  },
  {
    id: 'u4',
    code: '421223',
    name: '崇阳县',
    level: 'county',
    parentId: 'u1',
    path: '/421200/421223/',
    profile: SAMPLE_PROFILE,
    depth: 2,
    isDemo: true,
  },
];

function Seed({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const [client] = useState(() => {
    const c = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
    c.setQueryData(trpc.system.info.queryKey(), { today: '2026-12-01', now: '2026-12-01T02:00:00.000Z' });
    c.setQueryData(trpc.admin.listOrgUnits.queryKey(), UNITS);
    return c;
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const ZDemo = z.object({
  name: ZPersonName,
  category: z.enum(['low_income', 'registered_poor'], { error: '请选择人员类别' }),
  startDate: z.iso.date({ error: '请填写认定日期' }),
  amount: zMoney('资助金额'),
  year: z.number({ error: '请选择年度' }),
  orgUnitId: z.string().min(1, '请选择所属区划'),
});

function DemoForm() {
  const form = useZodForm(ZDemo, { defaultValues: { name: '', startDate: '', amount: '', year: 2026, orgUnitId: '' } });
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        FormShell：字段错误与服务器错误
      </Title>
      <FormShell
        form={form}
        onCancel={() => form.reset()}
        onSubmit={async (values) => {
          if (values.name === '重复登记') {
            throw TRPCClientError.from({
              error: {
                message: '该身份证号已登记',
                code: -32009,
                data: { code: 'CONFLICT', field: 'idNumber', fieldErrors: null, meta: { existingId: 'x' } },
              },
            });
          }
          if (values.name === '金额有误') {
            throw TRPCClientError.from({
              error: {
                message: '输入有误：资助金额过大',
                code: -32600,
                data: { code: 'BAD_REQUEST', field: 'amount', fieldErrors: [{ path: 'amount', message: '资助金额过大' }], meta: null },
              },
            });
          }
          setSaved(
            `${values.name} · ${formatDate(values.startDate)} · ${formatYuan(values.amount)} 元（${values.amount} 分）· ${values.year}`,
          );
        }}
      >
        <SimpleGrid cols={2}>
          <TextField control={form.control} name="name" label="姓名" withAsterisk description="填“重复登记”或“金额有误”模拟服务器错误" />
          <SelectField
            control={form.control}
            name="category"
            label="人员类别"
            withAsterisk
            data={[
              { value: 'low_income', label: '低收入对象' },
              { value: 'registered_poor', label: '建档立卡贫困人口' },
            ]}
          />
          <DateField control={form.control} name="startDate" label="认定日期" withAsterisk maxDate="2026-12-01" />
          <MoneyField control={form.control} name="amount" label="资助金额" withAsterisk />
          <YearField control={form.control} name="year" label="年度" withAsterisk />
          <OrgUnitField control={form.control} name="orgUnitId" label="所属区划" withAsterisk withCode />
        </SimpleGrid>
      </FormShell>
      {saved && (
        <Text size="sm" mt="sm" data-testid="saved">
          已保存：{saved}
        </Text>
      )}
    </Paper>
  );
}

interface Row {
  id: string;
  name: string;
  birthDate: string;
  amount: number;
  at: string;
}
const ROWS: Row[] = Array.from({ length: 95 }, (_, i) => ({
  id: `r${i}`,
  name: ['张三', '李四', '王五', '赵六', '钱七'][i % 5]! + (i + 1),
  birthDate: `19${50 + (i % 49)}-0${1 + (i % 9)}-1${i % 9}`,
  amount: 123_456 * (i + 1),
  at: new Date(Date.UTC(2026, 10, 30, 16, i)).toISOString(),
}));
const COLUMNS: ColumnDef<Row, never>[] = [
  { id: 'name', header: '姓名', accessorKey: 'name', enableSorting: true, enableHiding: false },
  { id: 'birthDate', header: '出生日期', cell: ({ row }) => formatDate(row.original.birthDate), enableSorting: true },
  { id: 'amount', header: '金额（元）', cell: ({ row }) => formatYuan(row.original.amount), meta: { numeric: true }, enableSorting: true },
  { id: 'large', header: '合计', cell: ({ row }) => formatAmount(row.original.amount * 100), meta: { numeric: true } },
  { id: 'at', header: '登记时间', cell: ({ row }) => formatDateTime(row.original.at) },
];

function CursorDemo() {
  const pager = useCursorPager();
  const start = pager.cursor ? Number(pager.cursor) : 0;
  const rows = ROWS.slice(start, start + 10);
  return (
    <DataTable
      columns={COLUMNS}
      rows={rows}
      getRowId={(r) => r.id}
      empty="没有记录"
      unit="人"
      columnChooserKey="kit-preview"
      paging={{
        mode: 'cursor',
        pager,
        nextCursor: start + 10 < ROWS.length ? String(start + 10) : null,
        count: { value: 12_345, isEstimate: true },
      }}
    />
  );
}

function PagesDemo() {
  const [f, setF] = useUrlFilters({ page: 1, sort: '' });
  const sort = f.sort ? { id: f.sort.replace(/^-/, ''), desc: f.sort.startsWith('-') } : null;
  const sorted = sort
    ? [...ROWS].sort((a, b) => (String(a[sort.id as keyof Row]) < String(b[sort.id as keyof Row]) ? -1 : 1) * (sort.desc ? -1 : 1))
    : ROWS;
  return (
    <DataTable
      columns={COLUMNS}
      rows={sorted.slice((f.page - 1) * 10, f.page * 10)}
      getRowId={(r) => r.id}
      empty="没有记录"
      unit="人"
      sorting={{ value: sort, onChange: (s) => setF({ sort: s ? `${s.desc ? '-' : ''}${s.id}` : '' }) }}
      paging={{ mode: 'pages', page: f.page, pageSize: 10, total: ROWS.length, onPageChange: (page) => setF({ page }) }}
    />
  );
}

function Preview() {
  const [date, setDate] = useState<string | null>('2019-09-02');
  const [month, setMonth] = useState<string | null>('2019-09');
  const [reason, setReason] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={3}>组件预览</Title>
        <DemoForm />
        <Paper withBorder p="md">
          <Title order={5} mb="sm">
            日期与月份
          </Title>
          <Group align="flex-end">
            <DateInput label="出院日期" value={date} onChange={setDate} w={220} />
            <MonthInput label="受理月份" value={month} onChange={setMonth} w={200} />
            <Badge variant="light" data-testid="date-values">
              {date ?? '—'} / {month ?? '—'}
            </Badge>
            <Button variant="default" onClick={() => setReason(true)}>
              对账销号
            </Button>
            <Button color="green" onClick={() => setConfirming(true)}>
              支付
            </Button>
          </Group>
        </Paper>
        <Title order={5}>空表</Title>
        <DataTable columns={COLUMNS} rows={[]} getRowId={(r) => r.id} empty="没有符合条件的人员" />
        <Title order={5}>加载中</Title>
        <DataTable columns={COLUMNS} rows={undefined} query={{ isPending: true }} getRowId={(r) => r.id} empty="没有符合条件的人员" />
        <Title order={5}>游标翻页（约数）与显示列</Title>
        <CursorDemo />
        <Title order={5}>页码翻页与服务器排序</Title>
        <PagesDemo />
      </Stack>
      <ReasonDialog
        opened={reason}
        onClose={() => setReason(false)}
        title="对账销号：张三"
        label="销号说明"
        confirmLabel="确认销号"
        schema={z.string().trim().min(2, '请填写销号说明').max(200, '说明最多 200 字')}
        onSubmit={async () => setReason(false)}
      />
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="确认支付"
        amountLabel="支付金额"
        amount={1_600_000}
        facts={[
          { label: '收款人', value: '张三' },
          { label: '开户行', value: '农村信用社' },
          { label: '收款账号', value: '***************0019' },
          { label: '支付凭证号', value: 'ZF20190928001' },
        ]}
        acknowledge="已核对收款人、开户行和账号与银行存折（卡）复印件一致"
        confirmLabel="确认支付"
        onConfirm={async () => setConfirming(false)}
      />
    </Container>
  );
}

// A data router, as in the app: the kit's URL filters read the router's pending navigation.
const previewRouter = createBrowserRouter([{ path: '*', element: <Preview /> }]);

function App() {
  const [trpcClient] = useState(makeTrpcClient);
  const [queryClient] = useState(() => new QueryClient());
  return (
    <MantineProvider theme={theme}>
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <Seed>
              <RouterProvider router={previewRouter} />
            </Seed>
          </TRPCProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
