import { adminRouter } from './routers/admin.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { calendarRouter } from './routers/calendar.js';
import { claimsRouter } from './routers/claims.js';
import { hospitalsRouter } from './routers/hospitals.js';
import { paramsRouter } from './routers/params.js';
import { reimbursementsRouter } from './routers/reimbursements.js';
import { referralsRouter } from './routers/referrals.js';
import { enrollmentRouter, subsidiesRouter } from './routers/enrollment.js';
import { ledgerRouter } from './routers/ledger.js';
import { listsRouter } from './routers/lists.js';
import { householdsRouter, personsRouter } from './routers/persons.js';
import { responsibilityRouter } from './routers/responsibility.js';
import { systemRouter } from './routers/system.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  auth: authRouter,
  admin: adminRouter,
  persons: personsRouter,
  audit: auditRouter,
  system: systemRouter,
  responsibility: responsibilityRouter,
  hospitals: hospitalsRouter,
  params: paramsRouter,
  referrals: referralsRouter,
  households: householdsRouter,
  lists: listsRouter,
  enrollment: enrollmentRouter,
  subsidies: subsidiesRouter,
  ledger: ledgerRouter,
  claims: claimsRouter,
  reimbursements: reimbursementsRouter,
  calendar: calendarRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
