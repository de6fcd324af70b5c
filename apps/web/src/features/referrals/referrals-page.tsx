import { Stack, Tabs, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { OffsiteList } from './offsite-list';
import { OverridesPanel } from './overrides-panel';
import { ReferralList } from './referral-list';
import { ReferralReports } from './referral-reports';

const TABS = ['referrals', 'offsite', 'overrides', 'reports'] as const;

/** 转诊转院备案: referrals, off-site registrations, reviewers' overrides and reports, one tab each (`?tab=`). */
export function ReferralsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'referrals';
  return (
    <Stack>
      <Title order={3}>转诊转院备案</Title>
      {/* A tab has its own filters: switching tabs starts from none. */}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'referrals' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="referrals">转诊转院备案</Tabs.Tab>
          <Tabs.Tab value="offsite">异地就医备案</Tabs.Tab>
          <Tabs.Tab value="overrides">视同转诊认定</Tabs.Tab>
          <Tabs.Tab value="reports">统计报表</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="referrals" pt="md">
          <ReferralList />
        </Tabs.Panel>
        <Tabs.Panel value="offsite" pt="md">
          <OffsiteList />
        </Tabs.Panel>
        <Tabs.Panel value="overrides" pt="md">
          <OverridesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <ReferralReports />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
