import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryState } from '../../components/query-state';
import { isApiError, useTRPC } from '../../lib/trpc';

const lines = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Holiday arrangements: the years shipped with the system and those entered here. The deadline
 * clocks refuse to count into a year that is missing, so next year's schedule must be entered
 * when the State Council publishes it.
 */
export function CalendarPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.calendar.list.queryOptions());
  const save = useMutation(trpc.calendar.save.mutationOptions());
  const [editing, setEditing] = useState(false);
  const [year, setYear] = useState<number | string>('');
  const [holidays, setHolidays] = useState('');
  const [workingDays, setWorkingDays] = useState('');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const open = (y?: { year: number; holidays: string[]; workingDays: string[]; source: string }) => {
    setErrors({});
    setYear(y?.year ?? (list.data ? list.data.years.at(-1)!.year + 1 : ''));
    setHolidays((y?.holidays ?? []).join('\n'));
    setWorkingDays((y?.workingDays ?? []).join('\n'));
    setSource(y?.source ?? '');
    setEditing(true);
  };
  const submit = async () => {
    setErrors({});
    try {
      await save.mutateAsync({
        year: Number(year),
        holidays: lines(holidays),
        workingDays: lines(workingDays),
        source: source || undefined,
      });
      setEditing(false);
      await queryClient.invalidateQueries({ queryKey: trpc.calendar.pathKey() });
    } catch (err) {
      if (!isApiError(err)) return setErrors({ _: '网络错误，请稍后重试' });
      const data = err.data as { fieldErrors?: { path: string; message: string }[] | null } | undefined;
      const fe = data?.fieldErrors ?? [];
      if (!fe.length) return setErrors({ _: err.message });
      const pick = (k: string) =>
        fe
          .filter((f) => f.path.startsWith(k))
          .map((f) => f.message)
          .join('；');
      setErrors({ year: pick('year'), holidays: pick('holidays'), workingDays: pick('workingDays'), source: pick('source') });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>节假日安排（工作日日历）</Title>
        <Button onClick={() => open()}>录入年度安排</Button>
      </Group>
      <Text size="sm" c="dimmed">
        零星报销 25 个工作日、医院垫付资金 10 + 15
        个工作日等办理时限按此日历计算（法定节假日不计，调休上班日计入）。缺少某年安排时，涉及该年的时限无法计算并会提示。
      </Text>
      <QueryState query={list}>
        {() =>
          list.data && (
            <Paper withBorder>
              <Table striped verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>年度</Table.Th>
                    <Table.Th>来源</Table.Th>
                    <Table.Th className="num">节假日（天）</Table.Th>
                    <Table.Th className="num">调休上班日（天）</Table.Th>
                    <Table.Th>依据</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.years.map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Td>{y.year}</Table.Td>
                      <Table.Td>
                        {y.origin === 'builtin' ? (
                          <Badge variant="light">系统内置</Badge>
                        ) : (
                          <Badge color="teal" variant="light">
                            管理员录入{y.updatedByName ? `（${y.updatedByName}）` : ''}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td className="num">{y.holidays.length}</Table.Td>
                      <Table.Td className="num">{y.workingDays.length}</Table.Td>
                      <Table.Td>
                        <Text size="sm" lineClamp={1}>
                          {y.source}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" onClick={() => open(y)}>
                          修改
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
      <Modal opened={editing} onClose={() => setEditing(false)} title="录入年度节假日安排" size="lg">
        <Stack>
          <NumberInput label="年度" withAsterisk value={year} onChange={setYear} error={errors.year || undefined} allowDecimal={false} />
          <Textarea
            label="放假日期"
            description="每行一个日期（YYYY-MM-DD），按国务院办公厅通知填写法定节假日放假的各天"
            autosize
            minRows={6}
            value={holidays}
            onChange={(e) => setHolidays(e.currentTarget.value)}
            error={errors.holidays || undefined}
          />
          <Textarea
            label="调休上班日期"
            description="需要上班的周六、周日"
            autosize
            minRows={3}
            value={workingDays}
            onChange={(e) => setWorkingDays(e.currentTarget.value)}
            error={errors.workingDays || undefined}
          />
          <TextInput
            label="依据"
            placeholder="如：国办发明电〔2026〕X号"
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={errors.source || undefined}
          />
          {errors._ && <Alert color="red">{errors._}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              取消
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              保存
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
