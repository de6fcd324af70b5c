import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { isApiError } from '../lib/trpc';

/** Loading spinner or error message for a query; renders children once data is there. */
export function QueryState({ query, children }: { query: { isPending: boolean; error: unknown }; children: () => ReactNode }) {
  if (query.error) {
    return (
      <Alert color="red" title="无法加载" role="alert">
        {isApiError(query.error) ? query.error.message : '网络错误，请稍后重试'}
      </Alert>
    );
  }
  if (query.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  return <>{children()}</>;
}
