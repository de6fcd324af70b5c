import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { adminRouter } from './routers/admin.js';
import { advancesRouter } from './routers/advances.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { calendarRouter } from './routers/calendar.js';
import { claimsRouter } from './routers/claims.js';
import { dashboardsRouter } from './routers/dashboards.js';
import { enrollmentRouter } from './routers/enrollment.js';
import { hospitalsRouter } from './routers/hospitals.js';
import { householdsRouter } from './routers/households.js';
import { ledgerRouter } from './routers/ledger.js';
import { jobsRouter } from './routers/jobs.js';
import { listsRouter } from './routers/lists.js';
import { paramsRouter } from './routers/params.js';
import { personsRouter } from './routers/persons.js';
import { referralsRouter } from './routers/referrals.js';
import { reimbursementsRouter } from './routers/reimbursements.js';
import { responsibilityRouter } from './routers/responsibility.js';
import { subsidiesRouter } from './routers/subsidies.js';
import { systemRouter } from './routers/system.js';
import { workbenchRouter } from './routers/workbench.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
  audit: auditRouter,
  system: systemRouter,
  persons: personsRouter,
  households: householdsRouter,
  jobs: jobsRouter,
  lists: listsRouter,
  enrollment: enrollmentRouter,
  subsidies: subsidiesRouter,
  ledger: ledgerRouter,
  claims: claimsRouter,
  reimbursements: reimbursementsRouter,
  advances: advancesRouter,
  referrals: referralsRouter,
  responsibility: responsibilityRouter,
  hospitals: hospitalsRouter,
  params: paramsRouter,
  calendar: calendarRouter,
  dashboards: dashboardsRouter,
  workbench: workbenchRouter,
});

export type AppRouter = typeof appRouter;
/** What each procedure takes and returns, for the web (never re-declare a server type there). */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export const createCaller = createCallerFactory(appRouter);
