import { Anchor, Breadcrumbs, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, type TProfileId } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../app/use-me';
import { HUKOU_LABELS, SEX_LABELS } from '../../components/labels';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/dates';
import { useTRPC } from '../../lib/trpc';
import { useServerToday } from '../../lib/use-server-today';
import { PersonClaimsPanel } from '../claims';
import { HouseholdPanel } from '../households';
import { CategoryTimeline } from './category-timeline';
import { EnrollmentPanel } from './enrollment-panel';
import { PersonForm } from './person-form';
import { RevealValue } from './reveal-value';

function Field({ label, value }: { label: string; value: ReactNode }) {
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
  const queryClient = useQueryClient();
  const person = useQuery(trpc.persons.get.queryOptions({ id }));
  const me = useMe().data;
  const { today, year } = useServerToday();
  const [editing, setEditing] = useState(false);
  const update = useMutation(
    trpc.persons.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.persons.get.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.persons.list.queryKey() }),
        ]),
    }),
  );
  const canEdit = !!me && can(me.role, 'persons.write');
  const canReveal = !!me && can(me.role, 'persons.reveal');
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
              <Group justify="space-between">
                <Title order={3}>{p.name}</Title>
                {canEdit && (
                  <Button variant="default" onClick={() => setEditing(true)}>
                    修改信息
                  </Button>
                )}
              </Group>
              <Paper withBorder p="md">
                <SimpleGrid cols={{ base: 2, md: 4 }}>
                  <Field
                    label="身份证号"
                    value={<RevealValue personId={p.id} field="idNumber" masked={p.idNumberMasked} canReveal={canReveal} />}
                  />
                  <Field label="性别" value={SEX_LABELS[p.sex]} />
                  <Field label="出生日期" value={formatDate(p.birthDate)} />
                  <Field label="户籍类型" value={HUKOU_LABELS[p.hukouType]} />
                  <Field label="所属区划" value={p.orgUnitName} />
                  <Field label="乡镇 / 村代码" value={[p.townshipCode, p.villageCode].filter(Boolean).join(' / ') || null} />
                  <Field label="户籍地址" value={p.address} />
                  <Field
                    label="联系电话"
                    value={<RevealValue personId={p.id} field="phone" masked={p.phoneMasked} canReveal={canReveal} />}
                  />
                  <Field
                    label="医保卡号"
                    value={<RevealValue personId={p.id} field="insuranceCardNo" masked={p.insuranceCardNoMasked} canReveal={canReveal} />}
                  />
                  <Field label="开户银行" value={p.bankName} />
                  <Field
                    label="银行账号"
                    value={<RevealValue personId={p.id} field="bankAccount" masked={p.bankAccountMasked} canReveal={canReveal} />}
                  />
                </SimpleGrid>
              </Paper>
              {today && year && (
                <>
                  <CategoryTimeline
                    personId={p.id}
                    profile={p.profile as TProfileId | null}
                    facts={p.categoryHistory}
                    today={today}
                    canEdit={canEdit}
                  />
                  <EnrollmentPanel
                    personId={p.id}
                    profile={p.profile as TProfileId | null}
                    rows={p.enrollments}
                    year={year}
                    canEdit={canEdit}
                  />
                </>
              )}
              <HouseholdPanel personId={p.id} household={p.household} canEdit={!!me && can(me.role, 'households.write')} />
              <PersonClaimsPanel personId={p.id} />
              <Modal opened={editing} onClose={() => setEditing(false)} title="修改人员信息" size="xl">
                <PersonForm
                  mode="edit"
                  initial={{
                    idNumber: p.idNumberMasked,
                    name: p.name,
                    hukouType: p.hukouType,
                    address: p.address ?? '',
                    orgUnitId: p.orgUnitId,
                    townshipCode: p.townshipCode ?? '',
                    villageCode: p.villageCode ?? '',
                    phone: '',
                    bankName: p.bankName ?? '',
                    bankAccount: '',
                    insuranceCardNo: '',
                  }}
                  bankAccountMasked={p.bankAccountMasked}
                  phoneMasked={p.phoneMasked}
                  cardMasked={p.insuranceCardNoMasked}
                  onCancel={() => setEditing(false)}
                  onSubmit={async ({ idNumber: _id, ...data }) => {
                    await update.mutateAsync({ id: p.id, data });
                    notifications.show({ color: 'green', message: '人员信息已保存' });
                    setEditing(false);
                  }}
                />
              </Modal>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
