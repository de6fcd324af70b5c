import { Modal, Text } from '@mantine/core';
import { ZSubmitInput } from '@portal/rules';
import { CheckboxField, TextField } from '../../components/fields';
import { FormShell } from '../../components/form-shell';
import { useZodForm } from '../../lib/use-zod-form';

const ZSealForm = ZSubmitInput.pick({ sealConfirmed: true, sealConfirmedBy: true });
export type Seal = { sealConfirmed: true; sealConfirmedBy: string };

/** 盖章确认: the seal on the printed table and who confirmed it; then the table is submitted and locked. */
export function SealDialog({
  opened,
  onClose,
  onConfirm,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: (seal: Seal) => Promise<unknown>;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="盖章确认">
      {opened && <SealForm onClose={onClose} onConfirm={onConfirm} />}
    </Modal>
  );
}

function SealForm({ onClose, onConfirm }: { onClose: () => void; onConfirm: (seal: Seal) => Promise<unknown> }) {
  const form = useZodForm(ZSealForm, { defaultValues: { sealConfirmedBy: '' } });
  return (
    <FormShell form={form} submitLabel="确认报送" onCancel={onClose} onSubmit={onConfirm}>
      <Text size="sm">报送前请打印本表，由单位加盖公章。报送后表格锁定，如需修改须由上级退回。</Text>
      <CheckboxField control={form.control} name="sealConfirmed" label="已在纸质表上加盖本单位公章" />
      <TextField control={form.control} name="sealConfirmedBy" label="盖章确认人" withAsterisk data-autofocus />
    </FormShell>
  );
}
