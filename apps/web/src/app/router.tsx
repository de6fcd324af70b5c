import { createBrowserRouter } from 'react-router';
import { RouteError } from '../components/route-error';
import { NotFoundPage } from '../components/not-found-page';
import { AuditPage } from '../features/audit/audit-page';
import { ClaimDetailPage } from '../features/claims/claim-detail-page';
import { ClaimListPage } from '../features/claims/claim-list-page';
import { ClaimNewPage } from '../features/claims/claim-new-page';
import { HospitalsPage } from '../features/admin/hospitals-page';
import { OrgUnitsPage } from '../features/admin/org-units-page';
import { ParamsPage } from '../features/admin/params-page';
import { UsersPage } from '../features/admin/users-page';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { LoginPage } from '../features/auth/login-page';
import { HomePage } from '../features/home/home-page';
import { ComingSoonPage } from '../features/home/coming-soon-page';
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
      { path: 'persons/:id', element: <PersonDetailPage />, errorElement: <RouteError /> },
      { path: 'claims', element: <ClaimListPage />, errorElement: <RouteError /> },
      { path: 'claims/new', element: <ClaimNewPage />, errorElement: <RouteError /> },
      { path: 'claims/:id', element: <ClaimDetailPage />, errorElement: <RouteError /> },
      { path: 'admin/users', element: <UsersPage />, errorElement: <RouteError /> },
      { path: 'admin/org-units', element: <OrgUnitsPage />, errorElement: <RouteError /> },
      { path: 'admin/params', element: <ParamsPage />, errorElement: <RouteError /> },
      { path: 'admin/hospitals', element: <HospitalsPage />, errorElement: <RouteError /> },
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
