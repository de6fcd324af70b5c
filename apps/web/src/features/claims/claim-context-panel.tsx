import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { LOCATION_LABELS } from '@portal/rules';
import { EmptyState } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/dates';
import { formatYuan } from '../../lib/money';
import type { useClaimPreview } from './use-claim-preview';

/** The person beside the claim form: categories on the visit date, the year's accumulators, the parameters. */
export function ClaimContextPanel({ preview }: { preview: ReturnType<typeof useClaimPreview> }) {
  const { ctx, context, personId, visitDate, required } = preview;
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        参保人信息
      </Text>
      {!personId ? (
        <EmptyState py="xs">请先选择参保人</EmptyState>
      ) : (
        <QueryState query={context}>
          {() =>
            ctx && (
              <Stack gap={6}>
                <Text size="sm">
                  {ctx.person.name}　{ctx.person.idNumberMasked}　{ctx.person.orgUnitName}（{ctx.profileLabel}口径）
                </Text>
                <Group gap={6}>
                  <Text size="sm">{visitDate ? `${formatDate(visitDate)} 有效身份：` : '今日有效身份：'}</Text>
                  {ctx.categories.length ? (
                    ctx.categories.map((c) => (
                      <Badge key={c.id} variant="light">
                        {c.label}
                      </Badge>
                    ))
                  ) : (
                    <Badge color="gray">无（按普通参保人员结算）</Badge>
                  )}
                </Group>
                {ctx.location && (
                  <Text size="sm">
                    就医地：{LOCATION_LABELS[ctx.location]}
                    {required ? '（需转诊备案）' : ''}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {ctx.year} 年累计：基本医保已付 {formatYuan(ctx.ytd.basic)} 元 / 封顶 {formatYuan(ctx.params.basic.annualCap)}{' '}
                  元；大病累计基数 {formatYuan(ctx.ytd.criticalBase)} 元，已付 {formatYuan(ctx.ytd.critical)} 元；医疗救助已付{' '}
                  {formatYuan(ctx.ytd.assistance)} 元
                  {ctx.params.assistance.annualCap > 0
                    ? ` / 封顶 ${formatYuan(ctx.params.assistance.annualCap)} 元`
                    : '（限额按身份类别依文件规定）'}
                  {ctx.paramVersion ? `（参数版本 ${ctx.paramVersion}，${formatDate(ctx.paramEffectiveFrom)} 起）` : '（默认参数）'}
                </Text>
              </Stack>
            )
          }
        </QueryState>
      )}
    </Paper>
  );
}
