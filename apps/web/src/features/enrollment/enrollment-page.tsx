import { Stack, Tabs, Title } from '@mantine/core';
import { useUrlFilters } from '../../lib/use-url-filters';
import { SubsidyRuns } from './subsidy-runs';
import { Worklist } from './worklist';

/** 参保资助: premium-subsidy runs and the not-enrolled work list (the tab is kept in the URL). */
export function EnrollmentPage() {
  const [f, setFilters] = useUrlFilters({ tab: 'subsidy' });
  return (
    <Stack>
      <Title order={3}>参保资助</Title>
      <Tabs value={f.tab} onChange={(tab) => setFilters({ tab: tab ?? 'subsidy' })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="subsidy">资助计算</Tabs.Tab>
          <Tabs.Tab value="worklist">未参保工作台账</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="subsidy" pt="md">
          <SubsidyRuns />
        </Tabs.Panel>
        <Tabs.Panel value="worklist" pt="md">
          <Worklist />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
