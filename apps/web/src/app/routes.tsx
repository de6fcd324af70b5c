import { Center, Loader } from '@mantine/core';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from '../components/not-found-page';
import { RouteError } from '../components/route-error';
import { MODULES } from './modules';

/** Shown while the first chunks arrive on opening the portal; a later navigation keeps the page on screen (the shell shows a small loader). */
function PageLoading() {
  return (
    <Center h="100vh">
      <Loader aria-label="页面加载中" />
    </Center>
  );
}

/**
 * A page loaded on its route's first visit (decision 0010): every page is its own chunk, and so is
 * the shell around them, so the sign-in page and a clerk's first page download only the code they
 * use. `load` must be a literal `import('…')` for the bundler to see and split it; this file is the
 * only one where ESLint allows a dynamic import. `path` null: the index route. Routes outside the
 * shell show the loader themselves when they are the first page opened.
 */
function page<M>(path: string | null, load: () => Promise<M>, name: keyof M & string, top = false): RouteObject {
  const lazy = async () => ({ Component: (await load())[name] as ComponentType });
  const common = { errorElement: <RouteError />, lazy, ...(top ? { hydrateFallbackElement: <PageLoading /> } : {}) };
  return path === null ? { index: true, ...common } : { path, ...common };
}

export const router = createBrowserRouter([
  page('/login', () => import('../features/auth/login-page'), 'LoginPage', true),
  // The printed table stands outside the shell so that the page is just the A4 sheet.
  page('/responsibility/submissions/:id/print', () => import('../features/responsibility/print-page'), 'PrintPage', true),
  {
    // The shell is a chunk too: the sign-in page does not use it.
    path: '/',
    lazy: async () => ({ Component: (await import('./layout')).AppLayout }),
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      page(null, () => import('../features/home/home-page'), 'HomePage'),
      page('persons', () => import('../features/persons/person-list-page'), 'PersonListPage'),
      page('persons/new', () => import('../features/persons/person-create-page'), 'PersonCreatePage'),
      page('persons/:id', () => import('../features/persons/person-detail-page'), 'PersonDetailPage'),
      page('referrals', () => import('../features/referrals/referrals-page'), 'ReferralsPage'),
      page('referrals/new', () => import('../features/referrals/referral-form-page'), 'ReferralFormPage'),
      page('referrals/offsite/new', () => import('../features/referrals/offsite-form-page'), 'OffsiteFormPage'),
      page('referrals/:id', () => import('../features/referrals/referral-detail-page'), 'ReferralDetailPage'),
      page('admin/referral-destinations', () => import('../features/referrals/referral-admin-page'), 'ReferralAdminPage'),
      page('lists', () => import('../features/lists/list-compare-page'), 'ListComparePage'),
      page('enrollment', () => import('../features/enrollment/enrollment-page'), 'EnrollmentPage'),
      page('ledger', () => import('../features/ledger/ledger-page'), 'LedgerPage'),
      page('dashboards', () => import('../features/dashboards/dashboard-page'), 'DashboardPage'),
      page('admin/premiums', () => import('../features/subsidies/premiums-page'), 'PremiumsPage'),
      page('claims', () => import('../features/claims/claim-list-page'), 'ClaimListPage'),
      page('claims/new', () => import('../features/claims/claim-new-page'), 'ClaimNewPage'),
      page('claims/:id', () => import('../features/claims/claim-detail-page'), 'ClaimDetailPage'),
      page('reimbursements', () => import('../features/reimbursements/reimbursement-list-page'), 'ReimbursementListPage'),
      page('reimbursements/new', () => import('../features/reimbursements/reimbursement-new-page'), 'ReimbursementNewPage'),
      page('reimbursements/board', () => import('../features/reimbursements/board-page'), 'ReimbursementBoardPage'),
      page('reimbursements/advances', () => import('../features/advances/advances-page'), 'AdvancesPage'),
      page('reimbursements/:id', () => import('../features/reimbursements/reimbursement-detail-page'), 'ReimbursementDetailPage'),
      page('reimbursements/:id/notice', () => import('../features/reimbursements/notice-page'), 'ReimbursementNoticePage'),
      page('admin/calendar', () => import('../features/calendar/calendar-page'), 'CalendarPage'),
      page('admin/users', () => import('../features/admin/users-page'), 'UsersPage'),
      page('admin/org-units', () => import('../features/admin/org-units-page'), 'OrgUnitsPage'),
      page('admin/params', () => import('../features/params/params-page'), 'ParamsPage'),
      page('admin/hospitals', () => import('../features/hospitals/hospitals-page'), 'HospitalsPage'),
      page('audit', () => import('../features/audit/audit-page'), 'AuditPage'),
      page('jobs', () => import('../features/jobs/jobs-page'), 'JobsPage'),
      page('responsibility', () => import('../features/responsibility/rounds-page'), 'RoundsPage'),
      page('responsibility/rounds/new', () => import('../features/responsibility/open-round-page'), 'OpenRoundPage'),
      page('responsibility/rounds/:id', () => import('../features/responsibility/round-page'), 'RoundPage'),
      page('responsibility/rounds/:id/rollup', () => import('../features/responsibility/rollup-page'), 'RollupPage'),
      page('responsibility/submissions/:id', () => import('../features/responsibility/submission-page'), 'SubmissionPage'),
      page('responsibility/search', () => import('../features/responsibility/search-page'), 'SearchPage'),
      page('responsibility/templates', () => import('../features/responsibility/templates-page'), 'TemplatesPage'),
      page('account/password', () => import('../features/auth/change-password-page'), 'ChangePasswordPage'),
      ...MODULES.filter((m) => m.status === 'planned').map((m): RouteObject => ({
        path: m.path.slice(1),
        lazy: async () => {
          const { ComingSoonPage } = await import('../features/home/coming-soon-page');
          return { Component: () => <ComingSoonPage module={m} /> };
        },
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
