import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../lib/trpc';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  label: string;
  confirm: string;
  id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  mutation: UseMutationOptions<any, any, { id: string; reason: string }, any>;
  invalidate: QueryKey;
}

/** Asks for a written reason (reject, cancel) and shows the server's message on the field. */
export function ReasonModal({ opened, onClose, title, label, confirm, id, mutation, invalidate }: Props) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = useMutation(mutation);
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Textarea
          label={label}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button
            color="red"
            loading={run.isPending}
            onClick={async () => {
              setError(null);
              try {
                await run.mutateAsync({ id, reason });
                await queryClient.invalidateQueries({ queryKey: invalidate });
                notifications.show({ color: 'green', message: `${confirm.replace('确认', '')}完成` });
                setReason('');
                onClose();
              } catch (err) {
                if (isApiError(err)) setError(err.message.replace(/^输入有误：/, ''));
                else notifications.show({ color: 'red', message: '网络错误，请稍后重试' });
              }
            }}
          >
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
