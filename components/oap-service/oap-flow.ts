/**
 * OapFlowController: where the applicant is in one OAP eService (one topic per page, then "Prüfen Sie
 * Ihre Angaben"), its page errors and what to focus next. The pages are the engine's (oap-engine.ts);
 * errors are placed with the same helper jc-ade-flow uses.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldError } from '../../domain/common.js';
import type { Answers, PageInstance } from '../../domain/forms/engine-core.js';
import { validateRecord } from '../../domain/forms/engine-core.js';
import type { OapService, OapServiceId } from '../../domain/forms/oap-base.js';
import { oapPages } from '../../domain/forms/oap-engine-core.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { ApiError } from '../api/api-error.js';
import { placeErrors } from '../controllers/flow-steps.js';
import { engineMessage } from '../locales/field-messages.js';
import { activeLocale } from '../locales/localization.js';

/** The step key of the check-your-answers page. */
export const CHECK = 'check';

/** Flat OAP answers as the engine's Answers (the eService is one record, like the Hauptantrag's `main`). */
export const asAnswers = (a: Record<string, unknown>): Answers => ({ main: a, members: [], anlagen: {} });

/** The 412 body of the OAP routes as the autosave controller expects it (engine answers, a time). */
export function wrapConflict(e: unknown): unknown {
  if (!(e instanceof ApiError) || e.status !== 412 || !e.body.current) return e;
  const cur = e.body.current as { version: number; answers: Record<string, unknown> };
  const current = {
    version: cur.version,
    answers: asAnswers(cur.answers ?? {}),
    updatedAt: new Date().toISOString(),
  };
  return new ApiError(412, { ...e.body, current } as never);
}

/** The state a failed load leads to: signed out, level too low, no TdA yet, OAP off, or a load error. */
export function loadPhaseOf(e: unknown): 'signed-out' | 'level' | 'no-tda' | 'unavailable' | 'load-error' {
  if (!(e instanceof ApiError)) return 'load-error';
  if (e.status === 401) return 'signed-out';
  if (e.requiredLevel) return 'level';
  if (e.is('oap-no-tda')) return 'no-tda';
  return e.is('module-unavailable') ? 'unavailable' : 'load-error';
}

/** Holds answers, position and errors of one eService. */
export class OapFlowController implements ReactiveController {
  /** The flat answer record. */
  answers: Record<string, unknown> = {};
  /** Today (YYYY-MM-DD, Berlin): date questions are checked against it. */
  date = '';
  /** `page:<id>` or `check`. */
  stepKey = '';
  /** Error message by field id on the current page, and the summary items. */
  errors: Record<string, string> = {};
  summary: ErrorSummaryItem[] = [];
  /** What to focus after the next render. */
  focus?: 'heading' | 'summary';
  /** Called on every navigation (the host saves then). */
  onNavigate?: () => void;
  private returnTo = false;

  /** The eService's id. */
  readonly service: OapServiceId;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly definition: OapService,
  ) {
    this.service = definition.id;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The shown pages as engine page instances. */
  get pages(): PageInstance[] {
    const lang = activeLocale();
    const group = this.definition.title[lang];
    return oapPages(this.definition, this.answers, this.date, lang).map((page) => ({
      key: `page:${page.id}`,
      page,
      group: this.service,
      groupTitle: group,
      title: page.title[lang],
    }));
  }

  /** The current page, or undefined on the check page. */
  get page(): PageInstance | undefined {
    return this.pages.find((p) => p.key === this.stepKey);
  }

  /** Position for the progress line: 1-based step and number of steps (pages + check). */
  get position(): { at: number; of: number } {
    const pages = this.pages;
    const i = pages.findIndex((p) => p.key === this.stepKey);
    return { at: i < 0 ? pages.length + 1 : i + 1, of: pages.length + 1 };
  }

  /** Errors of one page for the current answers. */
  pageErrors(p: PageInstance): FieldError[] {
    return validateRecord(p.page, this.answers, this.date, activeLocale());
  }

  /** Sets one answer; returns the new record. */
  answer(id: string, value: unknown): Record<string, unknown> {
    this.answers = { ...this.answers, [id]: value };
    if (this.errors[id]) {
      const { [id]: _gone, ...rest } = this.errors;
      this.errors = rest;
    }
    this.host.requestUpdate();
    return this.answers;
  }

  /** Opens a step; focus goes to its heading. */
  go(key: string): void {
    this.onNavigate?.();
    this.stepKey = key;
    this.errors = {};
    this.summary = [];
    this.focus = 'heading';
    this.host.requestUpdate();
  }

  /** Resume: the first page with a missing or wrong answer, else the check page. */
  resume(): void {
    const first = this.pages.find((p) => this.pageErrors(p).length > 0);
    this.go(first?.key ?? CHECK);
  }

  /** "Weiter": validates the page (never while typing); returns true when it moved on. */
  next(): boolean {
    const p = this.page;
    if (!p) return false;
    const errs = this.pageErrors(p);
    if (errs.length) {
      this.showErrors(errs);
      return false;
    }
    const pages = this.pages;
    const after = pages[pages.findIndex((x) => x.key === p.key) + 1];
    if (this.returnTo || !after) {
      this.returnTo = false;
      this.go(CHECK);
    } else this.go(after.key);
    return true;
  }

  /** "Zurück": the previous page (or the last one from the check page); never validates. */
  back(): void {
    const pages = this.pages;
    const i = pages.findIndex((x) => x.key === this.stepKey);
    const prev = i < 0 ? pages.at(-1) : pages[i - 1];
    this.returnTo = false;
    if (prev) this.go(prev.key);
  }

  /** "Ändern" on the check page: open the page, then come back. */
  change(pageKey: string): void {
    this.returnTo = true;
    this.go(pageKey);
  }

  /** True when the current step is the first page. */
  get first(): boolean {
    return this.pages[0]?.key === this.stepKey;
  }

  /** Shows a problem that belongs to no field in the summary of the current step. */
  fail(message: string): void {
    this.summary = [{ message }];
    this.focus = 'summary';
    this.host.requestUpdate();
  }

  /** Shows errors (the client check or the server's 422) on the first page that has one. */
  showErrors(list: readonly FieldError[]): void {
    const lang = activeLocale();
    const placed = placeErrors(
      list.map((e) => ({ ...e, path: e.path ? `main.${e.path}` : e.path })),
      this.pages,
      lang,
      (e) => engineMessage(e.code) ?? e.message,
    );
    if (placed.page && placed.page.key !== this.stepKey) {
      this.onNavigate?.();
      this.stepKey = placed.page.key;
      this.returnTo = true;
    }
    this.errors = placed.errors;
    this.summary = placed.summary;
    this.focus = 'summary';
    this.host.requestUpdate();
  }
}
