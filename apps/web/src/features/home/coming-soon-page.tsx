import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ModuleEntry } from '../../app/modules';

/** The page of a module that is not built yet: says so plainly instead of showing fake data. */
export function ComingSoonPage({ module }: { module: ModuleEntry }) {
  return (
    <Stack maw={640}>
      <Title order={3}>{module.label}</Title>
      <Alert color="gray" title="本模块正在建设中">
        <Text size="sm">{module.description}。该功能尚未上线，上线后将在此处办理。</Text>
      </Alert>
    </Stack>
  );
}
