import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { parseIdNumber } from '@portal/rules';
import type { RouterOutputs } from '@portal/server/router';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { categoryLabel } from '../../components/labels';
import { formatDateRange } from '../../lib/dates';
import { readServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

export type Prepared = RouterOutputs['referrals']['prepare'];

/**
 * Identity check at the window: the clerk types the number from the ID card; the server answers
 * with the registered person so the clerk can compare name and county with the card. A lookup,
 * not a form: the registration form below it takes the checked number.
 */
export function PersonCheck({
  onChecked,
  label = '参保人身份证号',
}: {
  onChecked: (idNumber: string | null, prepared: Prepared | null) => void;
  label?: string;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const prepared = useQuery({
    ...trpc.referrals.prepare.queryOptions({ idNumber: asked ?? '' }),
    enabled: asked !== null,
    staleTime: 0,
  });
  const serverError = prepared.error ? readServerError(prepared.error).message : null;
  const check = () => {
    const parsed = parseIdNumber(text);
    if (!parsed.ok) {
      setLocalError(parsed.error);
      onChecked(null, null);
      return;
    }
    setLocalError(null);
    setAsked(parsed.value.idNumber);
  };
  const data = asked && prepared.data ? prepared.data : null;
  useEffect(() => {
    onChecked(data ? asked : null, data);
    // onChecked is a fresh closure each render; only a change of the checked person matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, asked]);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput
            label={label}
            placeholder="18 位身份证号码"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              if (asked) setAsked(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                check();
              }
            }}
            error={localError ?? serverError}
            w={300}
            withAsterisk
          />
          <Button variant="light" onClick={check} loading={prepared.isFetching}>
            核验身份
          </Button>
        </Group>
        {data && (
          <Stack gap={6} data-testid="person-checked">
            <Group gap="lg">
              <Text fw={600}>{data.person.name}</Text>
              <Text ff="monospace">{data.person.idNumberMasked}</Text>
              <Text c="dimmed">{data.person.countyName}</Text>
            </Group>
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                今日有效身份：
              </Text>
              {data.categoriesToday.length ? (
                data.categoriesToday.map((c) => (
                  <Badge key={c} variant="outline">
                    {categoryLabel(c)}
                  </Badge>
                ))
              ) : (
                <Text size="sm" c="red">
                  无（不是医保扶贫对象，不能办理转诊备案）
                </Text>
              )}
            </Group>
            {(data.liveReferrals.length > 0 || data.liveOffsite.length > 0) && (
              <Alert color="yellow" p="xs">
                该人员已有有效备案：
                {[
                  ...data.liveReferrals.map((r) => `转诊 ${r.referralNo ?? '（待备案）'} ${formatDateRange(r.issueDate, r.validUntil)}`),
                  ...data.liveOffsite.map((o) => `异地 ${o.registrationNo} ${formatDateRange(o.startDate, o.endDate)}`),
                ].join('；')}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
