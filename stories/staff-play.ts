/** Play helpers of the staff stories and tests: sign-in steps and inbox rows. */
import type { JcStaffSignIn } from '../components/staff-sign-in/staff-sign-in.js';
import { fill, inWidget, submit, waitFor, type PlayContext } from './play.js';
import { STAFF_DEMO } from './staff-fixtures.js';

/** The jc-staff-sign-in of a story. */
export const signInOf = (c: PlayContext) => c.canvasElement.querySelector<JcStaffSignIn>('jc-staff-sign-in')!;

/** Fills e-mail and password and submits. */
export async function passwordStep(
  host: Element,
  email: string = STAFF_DEMO.email,
  password: string = STAFF_DEMO.password,
): Promise<void> {
  await inWidget(host, 'form');
  await fill(host, 'email', email);
  await fill(host, 'password', password);
  await submit(host);
}

/** Fills the enrolment code (Freischaltcode) of a new account and submits. */
export async function enrolmentCodeStep(
  host: Element,
  code: string = STAFF_DEMO.enrolmentCode,
): Promise<void> {
  await fill(host, 'enrolmentCode', code);
  await submit(host);
}

/** A button of the widget whose text contains `text`, once rendered. */
export function buttonWith(
  host: Element,
  text: string,
  root: ParentNode = host.shadowRoot!,
): Promise<HTMLButtonElement> {
  return waitFor(() =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(text)),
  );
}

/** The table row of a work item, once rendered. */
export function row(host: Element, id: string): Promise<HTMLTableRowElement> {
  return inWidget<HTMLTableRowElement>(host, `tr[data-id="${id}"]`);
}

/** Rows of the inbox table (one per work item; message rows left out). */
export function rows(host: Element): HTMLTableRowElement[] {
  return [...(host.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]') ?? [])];
}
