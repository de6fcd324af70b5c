import { createBrowserRouter } from 'react-router';
import { RouteError } from '../components/route-error';
import { NotFoundPage } from '../components/not-found-page';
import { AuditPage } from '../features/audit/audit-page';
import { OrgUnitsPage } from '../features/admin/org-units-page';
import { UsersPage } from '../features/admin/users-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { LoginPage } from '../features/auth/login-page';
import { HomePage } from '../features/home/home-page';
import { ComingSoonPage } from '../features/home/coming-soon-page';
import { PersonDetailPage } from '../features/persons/person-detail-page';
import { PersonListPage } from '../features/persons/person-list-page';
import { OffsiteFormPage } from '../features/referrals/offsite-form-page';
import { ReferralAdminPage } from '../features/referrals/referral-admin-page';
import { ReferralDetailPage } from '../features/referrals/referral-detail-page';
import { ReferralFormPage } from '../features/referrals/referral-form-page';
import { ReferralsPage } from '../features/referrals/referrals-page';
import { AppLayout } from './layout';
import { MODULES } from './modules';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage />, errorElement: <RouteError /> },
      { path: 'persons', element: <PersonListPage />, errorElement: <RouteError /> },
      { path: 'persons/:id', element: <PersonDetailPage />, errorElement: <RouteError /> },
      { path: 'referrals', element: <ReferralsPage />, errorElement: <RouteError /> },
      { path: 'referrals/new', element: <ReferralFormPage />, errorElement: <RouteError /> },
      { path: 'referrals/offsite/new', element: <OffsiteFormPage />, errorElement: <RouteError /> },
      { path: 'referrals/:id', element: <ReferralDetailPage />, errorElement: <RouteError /> },
      { path: 'admin/referral-destinations', element: <ReferralAdminPage />, errorElement: <RouteError /> },
      { path: 'admin/users', element: <UsersPage />, errorElement: <RouteError /> },
      { path: 'admin/org-units', element: <OrgUnitsPage />, errorElement: <RouteError /> },
      { path: 'audit', element: <AuditPage />, errorElement: <RouteError /> },
      { path: 'account/password', element: <ChangePasswordPage />, errorElement: <RouteError /> },
      ...MODULES.filter((m) => m.status === 'planned').map((m) => ({
        path: m.path.slice(1),
        element: <ComingSoonPage module={m} />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
