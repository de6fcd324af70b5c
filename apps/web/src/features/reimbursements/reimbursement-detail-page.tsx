import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Checkbox,
  FileInput,
  Grid,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatYuan, MATERIAL_ITEMS, MATERIAL_LABELS, MAX_UPLOAD_BYTES, VISIT_TYPE_LABELS, type TMaterialItem } from '@portal/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state';
import { isApiError, useTRPC } from '../../lib/trpc';
import { SettlementTable } from '../claims';
import { ClockBadge, newKey } from './clock-badge';

const ACTION_LABELS: Record<string, string> = {
  intake: '受理',
  receive_materials: '补交材料',
  register: '病案登记录入',
  investigate: '病案调查核实',
  first_review: '初审',
  second_review: '复核',
  pay: '支付',
  return: '退回',
  hold: '暂停计时',
  clear_hold: '恢复计时',
};

function showError(err: unknown) {
  notifications.show({ color: 'red', title: '操作未执行', message: isApiError(err) ? err.message : '网络错误，请稍后重试' });
}

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ReimbursementDetailPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.reimbursements.get.queryOptions({ id }));
  const c = query.data;
  // One key per case version: a double click sends the same key and the server does it once.
  const requestKey = useMemo(() => newKey(), [c?.version]); // eslint-disable-line react-hooks/exhaustive-deps
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.reimbursements.pathKey() });
  const onDone = async () => {
    await refresh();
  };
  const onFail = async (err: unknown) => {
    showError(err);
    if (isApiError(err) && (err.data as { code?: string } | undefined)?.code === 'CONFLICT') await refresh();
  };
  const opts = { onSuccess: onDone, onError: onFail };
  const register = useMutation(trpc.reimbursements.register.mutationOptions(opts));
  const investigate = useMutation(trpc.reimbursements.investigate.mutationOptions(opts));
  const firstReview = useMutation(trpc.reimbursements.firstReview.mutationOptions(opts));
  const secondReview = useMutation(trpc.reimbursements.secondReview.mutationOptions(opts));
  const pay = useMutation(trpc.reimbursements.pay.mutationOptions({ onSuccess: onDone }));
  const returnCase = useMutation(trpc.reimbursements.returnCase.mutationOptions({ onSuccess: onDone }));
  const hold = useMutation(trpc.reimbursements.hold.mutationOptions({ onSuccess: onDone }));
  const clearHold = useMutation(trpc.reimbursements.clearHold.mutationOptions({ onSuccess: onDone }));
  const receive = useMutation(trpc.reimbursements.receiveMaterials.mutationOptions(opts));
  const upload = useMutation(trpc.reimbursements.uploadAttachment.mutationOptions({ onSuccess: onDone }));

  const [note, setNote] = useState('');
  const [paymentRef, setPaymentRef] = useState('');
  const [payeeAccount, setPayeeAccount] = useState('');
  const [payErrors, setPayErrors] = useState<{ paymentRef?: string; payeeAccount?: string }>({});
  const [received, setReceived] = useState<TMaterialItem[]>([]);
  const [modal, setModal] = useState<null | 'return' | 'hold' | 'clear'>(null);
  const [reason, setReason] = useState('');
  const [holdKind, setHoldKind] = useState<'special' | 'doubtful'>('doubtful');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileMaterial, setFileMaterial] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const base = c ? { id: c.id, version: c.version, requestKey } : null;
  const stepBusy = register.isPending || investigate.isPending || firstReview.isPending || secondReview.isPending || pay.isPending;

  const doStep = async () => {
    if (!c || !base || !c.can.step) return;
    const input = { ...base, note };
    if (c.can.step.step === 'register') await register.mutateAsync(input).catch(() => {});
    if (c.can.step.step === 'investigate') await investigate.mutateAsync(input).catch(() => {});
    if (c.can.step.step === 'first_review') await firstReview.mutateAsync(input).catch(() => {});
    if (c.can.step.step === 'second_review') await secondReview.mutateAsync(input).catch(() => {});
    setNote('');
  };
  const doPay = async () => {
    if (!base) return;
    setPayErrors({});
    try {
      await pay.mutateAsync({ ...base, paymentRef, payeeAccount });
      setPaymentRef('');
      setPayeeAccount('');
    } catch (err) {
      const data = isApiError(err)
        ? (err.data as { field?: string | null; fieldErrors?: { path: string; message: string }[] | null })
        : null;
      const fe = data?.fieldErrors?.[0];
      const field = fe?.path ?? data?.field;
      if (field === 'paymentRef' || field === 'payeeAccount') setPayErrors({ [field]: fe?.message ?? (err as Error).message });
      else await onFail(err);
    }
  };
  const doModal = async () => {
    if (!base) return;
    setReasonError(null);
    try {
      if (modal === 'return') await returnCase.mutateAsync({ ...base, reason });
      if (modal === 'hold') await hold.mutateAsync({ ...base, kind: holdKind, reason });
      if (modal === 'clear') await clearHold.mutateAsync({ ...base, note: reason });
      setModal(null);
      setReason('');
    } catch (err) {
      const data = isApiError(err) ? (err.data as { fieldErrors?: { path: string; message: string }[] | null }) : null;
      const fe = data?.fieldErrors?.[0];
      if (fe) setReasonError(fe.message);
      else {
        setModal(null);
        await onFail(err);
      }
    }
  };
  const doUpload = async () => {
    if (!c) return;
    setFileError(null);
    if (!file) return setFileError('请选择文件');
    if (file.size > MAX_UPLOAD_BYTES) return setFileError('文件不能超过 10 MB');
    try {
      await upload.mutateAsync({
        caseId: c.id,
        material: (fileMaterial as TMaterialItem | null) ?? null,
        fileName: file.name,
        dataBase64: await toBase64(file),
      });
      setFile(null);
      notifications.show({ color: 'green', message: '已上传' });
    } catch (err) {
      setFileError(isApiError(err) ? err.message : '上传失败，请重试');
    }
  };

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/reimbursements">
          零星报销
        </Anchor>
        <Text>{c?.caseNo ?? '案件'}</Text>
      </Breadcrumbs>
      <QueryState query={query}>
        {() =>
          c && (
            <>
              <Group justify="space-between">
                <Group>
                  <Title order={3}>{c.caseNo}</Title>
                  <Badge size="lg" variant="light" data-testid="case-status">
                    {c.statusLabel}
                  </Badge>
                  <ClockBadge clock={c.clock} status={c.status} />
                  {c.hold && (
                    <Badge size="lg" color="grape" data-testid="hold-badge">
                      {c.hold.label}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {c.kindLabel} · {c.agencyName}
                </Text>
              </Group>

              {c.status === 'awaiting_documents' && (
                <Alert color="orange" title="材料不全，待补材料（计时未开始）">
                  <Text size="sm">尚缺：{c.missing.map((m) => m.label).join('、')}</Text>
                  <Group mt="sm">
                    <Button component={Link} to={`/reimbursements/${c.id}/notice`} variant="white" color="orange">
                      打印一次性告知书
                    </Button>
                  </Group>
                  {c.can.receiveMaterials && (
                    <Paper p="sm" mt="sm" withBorder>
                      <Text size="sm" fw={500} mb={6}>
                        登记补交的材料
                      </Text>
                      <Group>
                        {c.missing.map((m) => (
                          <Checkbox
                            key={m.id}
                            label={m.label}
                            checked={received.includes(m.id as TMaterialItem)}
                            onChange={(ev) => {
                              const checked = ev.currentTarget.checked;
                              setReceived((r) => (checked ? [...r, m.id as TMaterialItem] : r.filter((x) => x !== m.id)));
                            }}
                          />
                        ))}
                      </Group>
                      <Button
                        mt="sm"
                        size="xs"
                        disabled={!received.length}
                        loading={receive.isPending}
                        onClick={async () => {
                          await receive.mutateAsync({ id: c.id, version: c.version, requestKey, received, note: '' }).catch(() => {});
                          setReceived([]);
                        }}
                      >
                        登记补交材料
                      </Button>
                    </Paper>
                  )}
                </Alert>
              )}

              <Grid gap="md">
                <Grid.Col span={{ base: 12, lg: 7 }}>
                  <Stack>
                    <Paper withBorder p="md">
                      <Text fw={600} mb="xs">
                        办结时限（25 个工作日）
                      </Text>
                      {c.clock.error ? (
                        <Alert color="red">{c.clock.error}</Alert>
                      ) : (
                        <SimpleGrid cols={{ base: 2, sm: 4 }}>
                          <Field label="受理日期" value={c.receivedOn} />
                          <Field label="材料齐全日期（起算日）" value={c.materialsCompleteOn ?? '材料未齐'} />
                          <Field label="应办结日期" value={c.clock.due ?? '—'} testId="due-date" />
                          <Field
                            label="已用 / 剩余工作日"
                            value={c.clock.started ? `${c.clock.used} / ${c.clock.left}` : '—'}
                            testId="days-used-left"
                          />
                        </SimpleGrid>
                      )}
                      {c.suspensions.length > 0 && (
                        <Table mt="sm" withTableBorder verticalSpacing={4}>
                          <Table.Thead>
                            <Table.Tr>
                              <Table.Th>暂停计时</Table.Th>
                              <Table.Th>起</Table.Th>
                              <Table.Th>止</Table.Th>
                              <Table.Th>原因 / 处理结果</Table.Th>
                            </Table.Tr>
                          </Table.Thead>
                          <Table.Tbody>
                            {c.suspensions.map((s) => (
                              <Table.Tr key={s.id}>
                                <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.label}</Table.Td>
                                <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.from}</Table.Td>
                                <Table.Td style={{ whiteSpace: 'nowrap' }}>{s.to ?? '暂停中'}</Table.Td>
                                <Table.Td>
                                  {s.reason}
                                  {s.clearNote ? ` / ${s.clearNote}` : ''}
                                </Table.Td>
                              </Table.Tr>
                            ))}
                          </Table.Tbody>
                        </Table>
                      )}
                      {c.clock.suspendedWorkingDays > 0 && (
                        <Text size="xs" c="dimmed" mt={6}>
                          暂停期间（含起止日）的 {c.clock.suspendedWorkingDays} 个工作日不计入时限，应办结日期相应顺延。
                        </Text>
                      )}
                    </Paper>

                    <Paper withBorder p="md">
                      <Text fw={600} mb="xs">
                        参保人与就诊
                      </Text>
                      <SimpleGrid cols={{ base: 1, sm: 2 }}>
                        <Field label="参保人" value={`${c.person.name}　${c.person.idNumberMasked}`} />
                        <Field label="就诊医院" value={`${c.hospital.name}（${c.hospital.regionName}）`} />
                        <Field label="就诊类型" value={VISIT_TYPE_LABELS[c.visit.visitType as keyof typeof VISIT_TYPE_LABELS]} />
                        <Field label="住院日期" value={`${c.visit.admissionDate} 至 ${c.visit.dischargeDate}`} />
                        <Field label="诊断" value={c.visit.diagnosis} />
                        <Field
                          label="医疗总费用 / 政策范围内（元）"
                          value={`${formatYuan(c.visit.totalCost)} / ${formatYuan(c.visit.inScopeCost)}`}
                        />
                        {c.kind === 'offsite_networked' && (
                          <Field
                            label="医院已结算基本医保 / 大病保险（元）"
                            value={`${formatYuan(c.paidElsewhere.basic)} / ${formatYuan(c.paidElsewhere.critical)}`}
                          />
                        )}
                        <Field
                          label="登记的收款账户"
                          value={
                            c.person.registeredAccountMasked ? `${c.person.bankName ?? ''} ${c.person.registeredAccountMasked}` : '未登记'
                          }
                        />
                      </SimpleGrid>
                    </Paper>

                    {c.settlement && (
                      <Paper withBorder p="md">
                        <Group justify="space-between" mb="xs">
                          <Text fw={600}>初审结算{c.secondReviewByName ? '（已复核确认）' : ''}</Text>
                          <Text size="sm">
                            初审：{c.firstReviewByName ?? '—'}
                            {c.secondReviewByName ? `　复核：${c.secondReviewByName}` : ''}
                          </Text>
                        </Group>
                        <SettlementTable result={c.settlement.result} />
                        <Text mt="sm" fw={600} data-testid="payable">
                          应支付参保人：{formatYuan(c.settlement.payable)} 元{c.kind === 'offsite_networked' ? '（医疗救助部分）' : ''}
                        </Text>
                      </Paper>
                    )}

                    {c.payment && (
                      <Alert color="green" title="已支付" data-testid="payment">
                        {c.payment.paidOn} 支付 {formatYuan(c.payment.amount)} 元至账户 {c.payment.accountMasked}，凭证号{' '}
                        {c.payment.reference}。
                        {c.payment.claimId && (
                          <Anchor component={Link} to={`/claims/${c.payment.claimId}`} ml="xs">
                            查看结算单
                          </Anchor>
                        )}
                      </Alert>
                    )}
                  </Stack>
                </Grid.Col>

                <Grid.Col span={{ base: 12, lg: 5 }}>
                  <Stack>
                    <Paper withBorder p="md">
                      <Text fw={600} mb="xs">
                        办理
                      </Text>
                      {c.hold && (
                        <Alert color="grape" mb="sm" p="xs">
                          {c.hold.label}：{c.hold.reason}（暂停计时，解除后方可继续办理）
                        </Alert>
                      )}
                      {c.can.step && c.can.step.step !== 'pay' && (
                        <Stack gap="xs">
                          <Textarea
                            label={`${c.can.step.label}意见`}
                            placeholder="可填写办理意见"
                            value={note}
                            onChange={(e) => setNote(e.currentTarget.value)}
                            autosize
                            minRows={2}
                          />
                          <Button onClick={doStep} loading={stepBusy}>
                            完成{c.can.step.label}
                          </Button>
                          {c.can.step.step === 'first_review' && (
                            <Text size="xs" c="dimmed">
                              初审时按参保人当前年度累计计算各项支付，复核时核对确认。
                            </Text>
                          )}
                        </Stack>
                      )}
                      {c.can.step?.step === 'pay' && c.settlement && (
                        <Stack gap="xs">
                          <Text size="sm">
                            应支付 <b>{formatYuan(c.settlement.payable)}</b> 元。收款账户：{c.person.registeredAccountMasked ?? '未登记'}
                          </Text>
                          <TextInput
                            label="支付凭证号"
                            withAsterisk
                            value={paymentRef}
                            onChange={(e) => setPaymentRef(e.currentTarget.value)}
                            error={payErrors.paymentRef}
                          />
                          <TextInput
                            label="收款账号（与登记账户不同时填写）"
                            description="按银行存折（卡）复印件填写，保存后只显示后四位"
                            value={payeeAccount}
                            onChange={(e) => setPayeeAccount(e.currentTarget.value)}
                            error={payErrors.payeeAccount}
                          />
                          <Button color="green" onClick={doPay} loading={pay.isPending}>
                            确认支付
                          </Button>
                        </Stack>
                      )}
                      {!c.can.step && c.can.stepBlockedReason && !c.hold && (
                        <Text size="sm" c="dimmed">
                          {c.can.stepBlockedReason}
                        </Text>
                      )}
                      {c.status === 'paid' && (
                        <Text size="sm" c="dimmed">
                          案件已办结。
                        </Text>
                      )}
                      <Group mt="md" gap="xs">
                        {c.can.returnCase && (
                          <Button
                            variant="light"
                            color="orange"
                            size="xs"
                            onClick={() => {
                              setReason('');
                              setReasonError(null);
                              setModal('return');
                            }}
                          >
                            退回上一步
                          </Button>
                        )}
                        {c.can.hold && (
                          <Button
                            variant="light"
                            color="grape"
                            size="xs"
                            onClick={() => {
                              setReason('');
                              setReasonError(null);
                              setModal('hold');
                            }}
                          >
                            标记特殊/疑问病案
                          </Button>
                        )}
                        {c.can.clearHold && (
                          <Button
                            variant="light"
                            color="grape"
                            size="xs"
                            onClick={() => {
                              setReason('');
                              setReasonError(null);
                              setModal('clear');
                            }}
                          >
                            解除标记，恢复计时
                          </Button>
                        )}
                      </Group>
                    </Paper>

                    <Paper withBorder p="md">
                      <Text fw={600} mb="xs">
                        申报材料
                      </Text>
                      <Stack gap={4}>
                        {c.materials.map((m) => (
                          <Group key={m.id} gap="xs">
                            <Badge color={m.received ? 'green' : 'orange'} variant="light" w={64}>
                              {m.received ? '已收' : '缺'}
                            </Badge>
                            <Text size="sm">{m.label}</Text>
                          </Group>
                        ))}
                      </Stack>
                      <Text size="sm" fw={500} mt="md" mb={4}>
                        扫描件
                      </Text>
                      {c.attachments.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          暂无扫描件
                        </Text>
                      ) : (
                        <Stack gap={2}>
                          {c.attachments.map((a) => (
                            <Text key={a.id} size="sm">
                              <Anchor href={`/api/reimbursements/attachments/${a.id}`} target="_blank" rel="noopener">
                                {a.fileName}
                              </Anchor>{' '}
                              <Text span size="xs" c="dimmed">
                                {a.fileType.toUpperCase()} · {(a.size / 1024).toFixed(0)} KB{a.materialLabel ? ` · ${a.materialLabel}` : ''}{' '}
                                · {a.uploadedBy}
                              </Text>
                            </Text>
                          ))}
                        </Stack>
                      )}
                      {c.can.attach && (
                        <Stack gap={6} mt="sm">
                          <Group grow align="flex-start">
                            <FileInput
                              label="选择扫描件"
                              placeholder="PDF、JPG、PNG，≤ 10 MB"
                              accept="application/pdf,image/jpeg,image/png"
                              value={file}
                              onChange={setFile}
                              error={fileError}
                              clearable
                            />
                            <Select
                              label="对应材料"
                              placeholder="（可选）"
                              clearable
                              data={MATERIAL_ITEMS.map((m) => ({ value: m, label: MATERIAL_LABELS[m] }))}
                              value={fileMaterial}
                              onChange={setFileMaterial}
                            />
                          </Group>
                          <Button size="xs" variant="light" onClick={doUpload} loading={upload.isPending}>
                            上传
                          </Button>
                        </Stack>
                      )}
                    </Paper>

                    <Paper withBorder p="md">
                      <Text fw={600} mb="xs">
                        办理记录
                      </Text>
                      <Timeline bulletSize={14} lineWidth={2} active={c.events.length}>
                        {c.events.map((e) => (
                          <Timeline.Item key={e.id} title={`${ACTION_LABELS[e.action] ?? e.action} · ${e.actorName}`}>
                            <Text size="xs" c="dimmed">
                              {e.onDate}
                            </Text>
                            {e.note && <Text size="sm">{e.note}</Text>}
                          </Timeline.Item>
                        ))}
                      </Timeline>
                    </Paper>
                  </Stack>
                </Grid.Col>
              </Grid>

              <Modal
                opened={modal !== null}
                onClose={() => setModal(null)}
                title={modal === 'return' ? '退回上一步' : modal === 'hold' ? '标记特殊/疑问病案（暂停计时）' : '解除标记，恢复计时'}
              >
                <Stack>
                  {modal === 'hold' && (
                    <SegmentedControl
                      value={holdKind}
                      onChange={(v) => setHoldKind(v as 'special' | 'doubtful')}
                      data={[
                        { value: 'doubtful', label: '疑问病案' },
                        { value: 'special', label: '特殊病案' },
                      ]}
                    />
                  )}
                  <Textarea
                    label={modal === 'clear' ? '处理结果' : modal === 'return' ? '退回原因' : '原因'}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    error={reasonError}
                    autosize
                    minRows={3}
                    data-autofocus
                  />
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setModal(null)}>
                      取消
                    </Button>
                    <Button onClick={doModal} loading={returnCase.isPending || hold.isPending || clearHold.isPending}>
                      确定
                    </Button>
                  </Group>
                </Stack>
              </Modal>
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
