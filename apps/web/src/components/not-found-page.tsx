import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Center mih="60vh">
      <Stack align="center" gap="sm">
        <Title order={1} c="dimmed">
          404
        </Title>
        <Text size="lg">页面不存在</Text>
        <Text c="dimmed" size="sm">
          您访问的地址有误，或该页面已被移除。
        </Text>
        <Button component={Link} to="/" variant="light">
          返回工作台
        </Button>
      </Stack>
    </Center>
  );
}
