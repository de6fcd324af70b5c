import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { RouterInputs } from '@portal/server/router';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { applyServerError } from '../../lib/form-errors';
import { useTRPC } from '../../lib/trpc';

type Field = RouterInputs['persons']['reveal']['field'];

/**
 * A masked value with a "查看完整" button: showing the full ID number, phone, account or card is a
 * deliberate act, confirmed and recorded in the audit log (the server masks it everywhere else).
 */
export function RevealValue({
  personId,
  field,
  masked,
  canReveal,
}: {
  personId: string;
  field: Field;
  masked: string | null;
  canReveal: boolean;
}) {
  const trpc = useTRPC();
  const reveal = useMutation(trpc.persons.reveal.mutationOptions());
  const [asking, setAsking] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <>—</>;
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm" ff="monospace">
        {full ?? masked}
      </Text>
      {canReveal && full === null && (
        <Button variant="subtle" size="compact-xs" onClick={() => setAsking(true)}>
          查看完整
        </Button>
      )}
      <Modal opened={asking} onClose={() => setAsking(false)} title="查看完整信息" size="sm">
        <Stack>
          <Text size="sm">完整号码只在确有需要时查看（如核对材料、办理支付）。本次查看将记入操作日志，包括查看人和时间。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              取消
            </Button>
            <Button
              loading={reveal.isPending}
              onClick={async () => {
                try {
                  const r = await reveal.mutateAsync({ id: personId, field });
                  setFull(r.value);
                  setAsking(false);
                } catch (err) {
                  applyServerError(err);
                }
              }}
            >
              确认查看
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
