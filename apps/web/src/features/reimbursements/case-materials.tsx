import { Alert, Anchor, Badge, Box, Button, Checkbox, FileInput, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { MATERIAL_ITEMS, MATERIAL_LABELS, MAX_UPLOAD_BYTES, ZMaterialItem, ZReceiveMaterialsInput } from '@portal/rules';
import { useMutation } from '@tanstack/react-query';
import { useController } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { SelectField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useTRPC } from '../../lib/trpc';
import { useZodForm, type ZodForm } from '../../lib/use-zod-form';
import { useCaseAction, type Case } from './use-case-action';

const ZReceiveForm = ZReceiveMaterialsInput.pick({ received: true });

const ZUploadForm = z.object({
  file: z
    .instanceof(File)
    .nullable()
    .transform((file, ctx) => {
      if (!file) ctx.issues.push({ code: 'custom', input: file, message: '请选择文件' });
      else if (file.size > MAX_UPLOAD_BYTES) ctx.issues.push({ code: 'custom', input: file, message: '文件不能超过 10 MB' });
      else return file;
      return z.NEVER;
    }),
  material: ZMaterialItem.nullable(),
});

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function ReceivedField({ form, missing }: { form: ZodForm<typeof ZReceiveForm>; missing: Case['missing'] }) {
  const { field, fieldState } = useController({ control: form.control, name: 'received' });
  return (
    <Checkbox.Group
      label="登记补交的材料"
      value={field.value}
      onChange={(v) => field.onChange(MATERIAL_ITEMS.filter((m) => v.includes(m)))}
      error={fieldState.error?.message}
    >
      <Group mt={6}>
        {missing.map((m) => (
          <Checkbox key={m.id} value={m.id} label={m.label} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function ReceiveForm({ c }: { c: Case }) {
  const trpc = useTRPC();
  const { base, run } = useCaseAction(c);
  const receive = useMutation(trpc.reimbursements.receiveMaterials.mutationOptions());
  const form = useZodForm(ZReceiveForm, { defaultValues: { received: [] } });
  return (
    <Paper p="sm" mt="sm" withBorder>
      <FormShell
        form={form}
        submitLabel="登记补交材料"
        onSubmit={(values) => run(() => receive.mutateAsync({ ...base, received: values.received, note: '' }))}
      >
        <ReceivedField form={form} missing={c.missing} />
      </FormShell>
    </Paper>
  );
}

/** 待补材料: what is missing, the one-time notice to print, and the materials received later. */
export function AwaitingDocuments({ c }: { c: Case }) {
  return (
    <Alert color="orange" title="材料不全，待补材料（计时未开始）">
      <Text size="sm">尚缺：{c.missing.map((m) => m.label).join('、')}</Text>
      <Group mt="sm">
        <Button component={Link} to={`/reimbursements/${c.id}/notice`} variant="white" color="orange">
          打印一次性告知书
        </Button>
      </Group>
      {c.can.receiveMaterials && <ReceiveForm key={c.version} c={c} />}
    </Alert>
  );
}

function FileField({ form }: { form: ZodForm<typeof ZUploadForm> }) {
  const { field, fieldState } = useController({ control: form.control, name: 'file' });
  return (
    <FileInput
      ref={field.ref}
      label="选择扫描件"
      placeholder="PDF、JPG、PNG，≤ 10 MB"
      accept="application/pdf,image/jpeg,image/png"
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
      clearable
    />
  );
}

function UploadForm({ c }: { c: Case }) {
  const trpc = useTRPC();
  const { run } = useCaseAction(c);
  const upload = useMutation(trpc.reimbursements.uploadAttachment.mutationOptions());
  const form = useZodForm(ZUploadForm, { defaultValues: { file: null, material: null } });
  return (
    <FormShell
      form={form}
      submitLabel="上传"
      onSubmit={async ({ file, material }) => {
        await run(async () => upload.mutateAsync({ caseId: c.id, material, fileName: file.name, dataBase64: await toBase64(file) }));
        form.reset({ file: null, material: null });
        notifications.show({ color: 'green', message: '已上传' });
      }}
    >
      <FileField form={form} />
      <SelectField
        control={form.control}
        name="material"
        label="对应材料"
        placeholder="（可选）"
        clearable
        data={MATERIAL_ITEMS.map((m) => ({ value: m, label: MATERIAL_LABELS[m] }))}
      />
    </FormShell>
  );
}

/** The six materials, the scanned files, and the upload of another one. */
export function MaterialsPanel({ c }: { c: Case }) {
  return (
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
                {a.fileType.toUpperCase()} · {Math.round(a.size / 1024)} KB{a.materialLabel ? ` · ${a.materialLabel}` : ''} · {a.uploadedBy}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
      {c.can.attach && (
        <Box mt="sm">
          <UploadForm c={c} />
        </Box>
      )}
    </Paper>
  );
}
