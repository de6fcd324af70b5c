import { Anchor, Badge, Breadcrumbs, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { categoryLabel, HUKOU_LABELS, SEX_LABELS, SOURCE_LABELS } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { PersonClaimsPanel } from '../claims/person-claims-panel';
import { useTRPC } from '../../lib/trpc';

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
    </div>
  );
}

export function PersonDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const person = useQuery(trpc.persons.get.queryOptions({ id }));
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/persons">
          人员登记
        </Anchor>
        <Text>{person.data?.name ?? '人员详情'}</Text>
      </Breadcrumbs>
      <QueryState query={person}>
        {() => {
          const p = person.data;
          if (!p) return null;
          return (
            <>
              <Title order={3}>{p.name}</Title>
              <Paper withBorder p="md">
                <SimpleGrid cols={{ base: 2, md: 4 }}>
                  <Field label="身份证号" value={<span style={{ fontFamily: 'monospace' }}>{p.idNumberMasked}</span>} />
                  <Field label="性别" value={SEX_LABELS[p.sex]} />
                  <Field label="出生日期" value={p.birthDate} />
                  <Field label="户籍类型" value={HUKOU_LABELS[p.hukouType]} />
                  <Field label="所属区划" value={p.orgUnitName} />
                  <Field label="住址" value={p.address} />
                  <Field label="联系电话" value={p.phoneMasked} />
                  <Field label="医保卡号" value={p.insuranceCardNo} />
                  <Field label="开户银行" value={p.bankName} />
                  <Field label="银行账号" value={p.bankAccountMasked} />
                </SimpleGrid>
              </Paper>
              <Title order={4}>身份类别</Title>
              <Paper withBorder p="md">
                {p.categoryHistory.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    暂无身份类别记录
                  </Text>
                ) : (
                  <Timeline bulletSize={14} lineWidth={2}>
                    {p.categoryHistory.map((c) => {
                      const active = c.startDate <= today && (!c.endDate || c.endDate >= today);
                      return (
                        <Timeline.Item
                          key={c.id}
                          color={active ? 'blue' : 'gray'}
                          title={
                            <>
                              {categoryLabel(c.category)}{' '}
                              <Badge size="xs" color={active ? 'green' : 'gray'} variant="light">
                                {active ? '有效' : '已终止'}
                              </Badge>
                            </>
                          }
                        >
                          <Text size="sm" c="dimmed">
                            {c.startDate} 至 {c.endDate ?? '今'} · {SOURCE_LABELS[c.sourceDepartment] ?? c.sourceDepartment}
                            {c.sourceDocument ? ` · ${c.sourceDocument}` : ''}
                          </Text>
                        </Timeline.Item>
                      );
                    })}
                  </Timeline>
                )}
              </Paper>
              <PersonClaimsPanel personId={p.id} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
