import { createBrowserRouter } from 'react-router';
import { RouteError } from '../components/route-error';
import { NotFoundPage } from '../components/not-found-page';
import { AdvancesPage } from '../features/advances';
import { OrgUnitsPage, UsersPage } from '../features/admin';
import { AuditPage } from '../features/audit';
import { ChangePasswordPage, LoginPage } from '../features/auth';
import { CalendarPage } from '../features/calendar';
import { ClaimDetailPage } from '../features/claims/claim-detail-page';
import { ClaimListPage } from '../features/claims/claim-list-page';
import { ClaimNewPage } from '../features/claims/claim-new-page';
import { EnrollmentPage } from '../features/enrollment';
import { ComingSoonPage, HomePage } from '../features/home';
import { HospitalsPage } from '../features/hospitals';
import { LedgerPage } from '../features/ledger';
import { ListComparePage } from '../features/lists';
import { ParamsPage } from '../features/params';
import { PersonCreatePage, PersonDetailPage, PersonListPage } from '../features/persons';
import { OffsiteFormPage } from '../features/referrals/offsite-form-page';
import { ReferralAdminPage } from '../features/referrals/referral-admin-page';
import { ReferralDetailPage } from '../features/referrals/referral-detail-page';
import { ReferralFormPage } from '../features/referrals/referral-form-page';
import { ReferralsPage } from '../features/referrals/referrals-page';
import { ReimbursementBoardPage } from '../features/reimbursements/board-page';
import { ReimbursementNoticePage } from '../features/reimbursements/notice-page';
import { ReimbursementDetailPage } from '../features/reimbursements/reimbursement-detail-page';
import { ReimbursementListPage } from '../features/reimbursements/reimbursement-list-page';
import { ReimbursementNewPage } from '../features/reimbursements/reimbursement-new-page';
import { OpenRoundPage } from '../features/responsibility/open-round-page';
import { PrintPage } from '../features/responsibility/print-page';
import { RollupPage } from '../features/responsibility/rollup-page';
import { RoundPage } from '../features/responsibility/round-page';
import { RoundsPage } from '../features/responsibility/rounds-page';
import { SearchPage } from '../features/responsibility/search-page';
import { SubmissionPage } from '../features/responsibility/submission-page';
import { TemplatesPage } from '../features/responsibility/templates-page';
import { PremiumsPage } from '../features/subsidies';
import { AppLayout } from './layout';
import { MODULES } from './modules';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // The printed table stands outside the shell so that the page is just the A4 sheet.
  { path: '/responsibility/submissions/:id/print', element: <PrintPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteError /> },
      { path: 'persons', element: <PersonListPage />, errorElement: <RouteError /> },
      { path: 'persons/new', element: <PersonCreatePage />, errorElement: <RouteError /> },
      { path: 'persons/:id', element: <PersonDetailPage />, errorElement: <RouteError /> },
      { path: 'referrals', element: <ReferralsPage />, errorElement: <RouteError /> },
      { path: 'referrals/new', element: <ReferralFormPage />, errorElement: <RouteError /> },
      { path: 'referrals/offsite/new', element: <OffsiteFormPage />, errorElement: <RouteError /> },
      { path: 'referrals/:id', element: <ReferralDetailPage />, errorElement: <RouteError /> },
      { path: 'admin/referral-destinations', element: <ReferralAdminPage />, errorElement: <RouteError /> },
      { path: 'lists', element: <ListComparePage />, errorElement: <RouteError /> },
      { path: 'enrollment', element: <EnrollmentPage />, errorElement: <RouteError /> },
      { path: 'ledger', element: <LedgerPage />, errorElement: <RouteError /> },
      { path: 'admin/premiums', element: <PremiumsPage />, errorElement: <RouteError /> },
      { path: 'claims', element: <ClaimListPage />, errorElement: <RouteError /> },
      { path: 'claims/new', element: <ClaimNewPage />, errorElement: <RouteError /> },
      { path: 'claims/:id', element: <ClaimDetailPage />, errorElement: <RouteError /> },
      { path: 'reimbursements', element: <ReimbursementListPage />, errorElement: <RouteError /> },
      { path: 'reimbursements/new', element: <ReimbursementNewPage />, errorElement: <RouteError /> },
      { path: 'reimbursements/board', element: <ReimbursementBoardPage />, errorElement: <RouteError /> },
      { path: 'reimbursements/advances', element: <AdvancesPage />, errorElement: <RouteError /> },
      { path: 'reimbursements/:id', element: <ReimbursementDetailPage />, errorElement: <RouteError /> },
      { path: 'reimbursements/:id/notice', element: <ReimbursementNoticePage />, errorElement: <RouteError /> },
      { path: 'admin/calendar', element: <CalendarPage />, errorElement: <RouteError /> },
      { path: 'admin/users', element: <UsersPage />, errorElement: <RouteError /> },
      { path: 'admin/org-units', element: <OrgUnitsPage />, errorElement: <RouteError /> },
      { path: 'admin/params', element: <ParamsPage />, errorElement: <RouteError /> },
      { path: 'admin/hospitals', element: <HospitalsPage />, errorElement: <RouteError /> },
      { path: 'audit', element: <AuditPage />, errorElement: <RouteError /> },
      { path: 'responsibility', element: <RoundsPage />, errorElement: <RouteError /> },
      { path: 'responsibility/rounds/new', element: <OpenRoundPage />, errorElement: <RouteError /> },
      { path: 'responsibility/rounds/:id', element: <RoundPage />, errorElement: <RouteError /> },
      { path: 'responsibility/rounds/:id/rollup', element: <RollupPage />, errorElement: <RouteError /> },
      { path: 'responsibility/submissions/:id', element: <SubmissionPage />, errorElement: <RouteError /> },
      { path: 'responsibility/search', element: <SearchPage />, errorElement: <RouteError /> },
      { path: 'responsibility/templates', element: <TemplatesPage />, errorElement: <RouteError /> },
      { path: 'account/password', element: <ChangePasswordPage />, errorElement: <RouteError /> },
      ...MODULES.filter((m) => m.status === 'planned').map((m) => ({
        path: m.path.slice(1),
        element: <ComingSoonPage module={m} />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
