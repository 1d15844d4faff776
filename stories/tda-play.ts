/** Play step shared by the jc-application stories and tests: type the demo answers into the TdA form. */
import type { JcApplication } from '../components/application/application.js';
import { TDA_ANSWERS } from './fixtures.js';
import { fill, inWidget, tick, widget, type PlayContext } from './play.js';

/** Types the demo answers into the TdA form (all required fields, the declaration ticked). */
export async function fillTda(
  c: PlayContext,
  overrides: Partial<Record<string, string>> = {},
): Promise<void> {
  const host = widget<JcApplication>(c.canvasElement, 'jc-application');
  await inWidget(host, 'form', 5000);
  const a = { ...TDA_ANSWERS, ...overrides } as Record<string, unknown>;
  for (const id of ['firstName', 'lastName', 'street', 'houseNumber', 'postalCode', 'city', 'phone'])
    await fill(host, id, String(a[id]));
  await fill(host, 'birthDate', TDA_ANSWERS.birthDate.day, 'day');
  await fill(host, 'birthDate', TDA_ANSWERS.birthDate.month, 'month');
  await fill(host, 'birthDate', TDA_ANSWERS.birthDate.year, 'year');
  await tick(host, 'declaration');
}
