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
import { PremiumsPage } from '../features/admin/premiums-page';
import { EnrollmentPage } from '../features/enrollment/enrollment-page';
import { LedgerPage } from '../features/ledger/ledger-page';
import { ListComparePage } from '../features/lists/list-compare-page';
import { PersonCreatePage } from '../features/persons/person-create-page';
import { PersonDetailPage } from '../features/persons/person-detail-page';
import { PersonListPage } from '../features/persons/person-list-page';
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
      { path: 'persons/new', element: <PersonCreatePage />, errorElement: <RouteError /> },
      { path: 'persons/:id', element: <PersonDetailPage />, errorElement: <RouteError /> },
      { path: 'lists', element: <ListComparePage />, errorElement: <RouteError /> },
      { path: 'enrollment', element: <EnrollmentPage />, errorElement: <RouteError /> },
      { path: 'ledger', element: <LedgerPage />, errorElement: <RouteError /> },
      { path: 'admin/premiums', element: <PremiumsPage />, errorElement: <RouteError /> },
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
