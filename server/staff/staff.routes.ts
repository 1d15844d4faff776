/** Routes of staff sign-in: password, enrolment code and TOTP enrolment or second factor, session, sign-out (cookie `__Host-jc_staff`). */
import { Hono } from 'hono';
import { enrolmentCodeInput, staffSecondFactorInput, staffSignInInput, totpConfirmInput } from '../../domain/staff.js';
import { clientIp } from '../accounts/accounts.routes.js';
import type { AppDeps, AppEnv } from '../context.js';
import { jsonBody } from '../http/validate.js';
import { clearStaffCookie, endStaffSession, presentedStaffTokenHash, setStaffCookie } from './staff-sessions.service.js';
import { problem } from '../http/problem.js';
import { requireStaff } from './staff.auth.js';
import { confirmEnrolment, resetSecondFactor, unlockEnrolment } from './staff-enrolment.service.js';
import { passwordStep, secondFactor } from './staff.service.js';

/** Builds the staff sign-in sub-app (mounted at /api). */
export function staffRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/staff/sessions', async (c) => {
      const input = await jsonBody(c, staffSignInInput);
      return c.json(await passwordStep(deps, input, clientIp(c, deps)), 200);
    })
    .post('/staff/enrolment', async (c) => {
      const input = await jsonBody(c, enrolmentCodeInput);
      return c.json(await unlockEnrolment(deps, input, clientIp(c, deps)), 200);
    })
    .post('/staff/totp/confirm', async (c) => {
      const input = await jsonBody(c, totpConfirmInput);
      const s = await confirmEnrolment(deps, input, clientIp(c, deps), presentedStaffTokenHash(c, deps));
      setStaffCookie(c, deps, s.token);
      return c.json({ staff: s.staff, expiresAt: s.expiresAt, recoveryCodes: s.recoveryCodes }, 200);
    })
    .post('/staff/sessions/second-factor', async (c) => {
      const input = await jsonBody(c, staffSecondFactorInput);
      const s = await secondFactor(deps, input, clientIp(c, deps), presentedStaffTokenHash(c, deps));
      setStaffCookie(c, deps, s.token);
      return c.json({ staff: s.staff, expiresAt: s.expiresAt }, 200);
    })
    .get('/staff/session', (c) => {
      // "Not signed in" is a normal answer for the staff pages' first request, not an error.
      const s = c.get('staff');
      if (!s) return c.body(null, 204);
      return c.json({ staff: { id: s.id, name: s.name, email: s.email, jobcenterId: s.jobcenterId, roles: [...s.roles] }, expiresAt: s.expiresAt }, 200);
    })
    .post('/staff/members/:id/reset-second-factor', async (c) => {
      const admin = requireStaff(c, ['jobcenter_admin', 'rd_admin']);
      const id = c.req.param('id');
      if (!/^[\w-]{1,80}$/.test(id)) throw problem('not-found');
      return c.json(await resetSecondFactor(deps, admin, id, c.get('requestId')), 200);
    })
    .delete('/staff/session', async (c) => {
      const s = c.get('staff');
      if (s) await endStaffSession(deps, s.tokenHash);
      clearStaffCookie(c, deps);
      return c.body(null, 204);
    });
}
