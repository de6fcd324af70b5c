import { Alert, Badge, Button, FileInput, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { CALENDAR_FILE_LAYOUT, ZCalendarYear } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import { DataTable, type ColumnDef } from '../../components/data-table';
import { TextareaField, TextField, YearField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { uploadFile, useTRPC } from '../../lib/trpc';
import { useZodForm } from '../../lib/use-zod-form';

type Year = RouterOutputs['calendar']['list']['years'][number];

/** Dates typed one per line (or separated by commas, 、 or ;). */
const zDateLines = z.string().transform((text) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean),
);

/** The form keeps the dates as text; the server checks them with ZCalendarYear and its answers land on the lists. */
const ZCalendarForm = z.object({
  year: ZCalendarYear.shape.year,
  holidays: zDateLines,
  workingDays: zDateLines,
  source: z
    .string()
    .trim()
    .transform((s) => s || undefined),
});

/**
 * Holiday arrangements: the years shipped with the system and those entered here. The deadline
 * clocks refuse to count into a year that is missing, so next year's schedule must be entered
 * when the State Council publishes it.
 */
export function CalendarPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.calendar.list.queryOptions());
  const [editing, setEditing] = useState<Year | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const columns: ColumnDef<Year, never>[] = [
    { id: 'year', header: '年度', accessorKey: 'year' },
    {
      id: 'origin',
      header: '来源',
      cell: ({ row: { original: y } }) =>
        y.origin === 'builtin' ? (
          <Badge variant="light">系统内置</Badge>
        ) : (
          <Badge color="teal" variant="light">
            管理员录入{y.updatedByName ? `（${y.updatedByName}）` : ''}
          </Badge>
        ),
    },
    { id: 'holidays', header: '节假日（天）', cell: ({ row }) => row.original.holidays.length, meta: { numeric: true } },
    { id: 'workingDays', header: '调休上班日（天）', cell: ({ row }) => row.original.workingDays.length, meta: { numeric: true } },
    {
      id: 'source',
      header: '依据',
      cell: ({ row }) => (
        <Text size="sm" lineClamp={1}>
          {row.original.source}
        </Text>
      ),
    },
    {
      id: 'edit',
      header: '',
      cell: ({ row }) => (
        <Button size="xs" variant="subtle" onClick={() => setEditing(row.original)}>
          修改
        </Button>
      ),
    },
  ];
  const nextYear = list.data?.years.at(-1) ? list.data.years.at(-1)!.year + 1 : undefined;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>节假日安排（工作日日历）</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setImporting(true)}>
            从文件导入
          </Button>
          <Button onClick={() => setEditing('new')}>录入年度安排</Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        零星报销 25 个工作日、医院垫付资金 10 + 15
        个工作日等办理时限按此日历计算（法定节假日不计，调休上班日计入）。缺少某年安排时，涉及该年的时限先按周末推算并标“暂定”，录入或导入该年安排后所有未办结事项的时限随即按新日历重算。
      </Text>
      <DataTable columns={columns} rows={list.data?.years} getRowId={(y) => String(y.year)} query={list} empty="日历为空" />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="录入年度节假日安排" size="lg">
        {editing && list.data && (
          <CalendarForm initial={editing === 'new' ? null : editing} nextYear={nextYear} onDone={() => setEditing(null)} />
        )}
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title="从文件导入年度节假日安排" size="lg">
        {importing && <CalendarImportForm nextYear={nextYear} onDone={() => setImporting(false)} />}
      </Modal>
    </Stack>
  );
}

const MAX_IMPORT_BYTES = 1024 * 1024;
const ZImportForm = z.object({
  year: ZCalendarYear.shape.year,
  source: z
    .string()
    .trim()
    .max(200, '依据最多 200 字')
    .transform((s) => s || undefined),
  file: z.instanceof(File, { message: '请选择节假日安排文件（.xlsx 或 .csv）' }).superRefine((f, ctx) => {
    if (f.size === 0) ctx.addIssue({ code: 'custom', message: '文件为空，请选择填好的节假日安排文件' });
    else if (f.size > MAX_IMPORT_BYTES) ctx.addIssue({ code: 'custom', message: '文件超过 1 MB，请检查是否选错了文件' });
  }),
});

/**
 * The import goes through POST /api/calendar/import (a file body); the server checks every row
 * and stores the year only when all rows are good, so its answer lists every bad row at once.
 */
function CalendarImportForm({ nextYear, onDone }: { nextYear: number | undefined; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rowErrors, setRowErrors] = useState<string | null>(null);
  const form = useZodForm(ZImportForm, { defaultValues: { year: nextYear, source: '' } });
  const file = useController({ control: form.control, name: 'file' });
  return (
    <FormShell
      form={form}
      submitLabel="导入"
      onCancel={onDone}
      onSubmit={async (values) => {
        setRowErrors(null);
        const qs = new URLSearchParams({
          year: String(values.year),
          fileName: values.file.name,
          ...(values.source ? { source: values.source } : {}),
        });
        const answer = await uploadFile(`/api/calendar/import?${qs}`, values.file, '/admin/calendar');
        if (!answer.ok) {
          const field = answer.field === 'year' || answer.field === 'source' ? answer.field : 'file';
          const [first = '导入失败', ...rest] = answer.message.split('\n');
          if (rest.length) setRowErrors(answer.message);
          form.setError(field, { message: first.replace(/[：:]$/, '') });
          return;
        }
        await queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() });
        onDone();
      }}
    >
      <YearField control={form.control} name="year" label="年度" withAsterisk min={2000} ahead={10} />
      <FileInput
        label="节假日安排文件"
        withAsterisk
        placeholder="选择 .xlsx 或 .csv 文件"
        accept=".xlsx,.csv"
        value={file.field.value ?? null}
        onChange={(f) => {
          setRowErrors(null);
          file.field.onChange(f ?? undefined);
        }}
        error={file.fieldState.error?.message}
        clearable
      />
      <TextField control={form.control} name="source" label="依据" placeholder="如：国办发明电〔2026〕X号（不填则记为文件名）" />
      <Text size="sm" c="dimmed" data-testid="calendar-file-layout">
        {CALENDAR_FILE_LAYOUT}示例：
        <br />
        日期,类型,说明
        <br />
        2027-01-01,放假,元旦
        <br />
        2027-02-20,上班,春节调休
      </Text>
      {rowErrors && (
        <Alert color="red" title="文件未导入" data-testid="calendar-import-errors" style={{ whiteSpace: 'pre-line' }}>
          {rowErrors}
        </Alert>
      )}
    </FormShell>
  );
}

function CalendarForm({ initial, nextYear, onDone }: { initial: Year | null; nextYear: number | undefined; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.calendar.save.mutationOptions());
  const form = useZodForm(ZCalendarForm, {
    defaultValues: {
      year: initial?.year ?? nextYear,
      holidays: (initial?.holidays ?? []).join('\n'),
      workingDays: (initial?.workingDays ?? []).join('\n'),
      source: initial?.source ?? '',
    },
  });
  const c = form.control;
  return (
    <FormShell
      form={form}
      onCancel={onDone}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() });
      }}
    >
      <YearField control={c} name="year" label="年度" withAsterisk min={2000} ahead={10} />
      <TextareaField
        control={c}
        name="holidays"
        label="放假日期"
        description="每行一个日期（YYYY-MM-DD），按国务院办公厅通知填写法定节假日放假的各天"
        autosize
        minRows={6}
      />
      <TextareaField control={c} name="workingDays" label="调休上班日期" description="需要上班的周六、周日" autosize minRows={3} />
      <TextField control={c} name="source" label="依据" placeholder="如：国办发明电〔2026〕X号" />
    </FormShell>
  );
}
