import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError } from '../lib/trpc';
import { NotFoundPage } from './not-found-page';

/** Error boundary shown in place of a route that failed to render or load. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const message = isApiError(error) ? error.message : '页面出现错误，请刷新后重试。如果问题持续出现，请联系系统管理员。';
  return (
    <Center mih="50vh" p="md">
      <Stack maw={520}>
        <Alert color="red" title="出错了" role="alert">
          <Text size="sm">{message}</Text>
        </Alert>
        <Button component={Link} to="/" variant="light">
          返回工作台
        </Button>
      </Stack>
    </Center>
  );
}
