/**
 * FormFlowController: where the applicant is in a multi-page form of the engine, what she has seen,
 * where errors are, and how "Weiter", "Zurück", "Ändern" and the progress links move her.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldError } from '../../domain/common.js';
import * as engine from '../../domain/forms/engine.js';
import type { ErrorSummaryItem } from '../error-summary/error-summary.js';
import { engineMessage } from '../locales/field-messages.js';
import { activeLocale } from '../locales/localization.js';
import {
  FINAL_GROUP,
  groupState,
  groupsOf,
  pageErrors,
  placeErrors,
  stepsOf,
  type Group,
  type GroupState,
  type Step,
} from './flow-steps.js';

interface Model {
  answers: engine.Answers;
  lang: string;
  pages: engine.PageInstance[];
  steps: Step[];
  errs: Map<string, FieldError[]>;
}

/**
 * Holds the answers and the position. "Weiter" validates the page (GOV.UK: never while typing),
 * "Zurück" never does. After "Ändern" on a summary, "Weiter" returns to that summary unless the
 * change opened a new page in the same group. `focus` tells the host what to focus after rendering.
 */
export class FormFlowController implements ReactiveController {
  /** All answers. */
  answers: engine.Answers = engine.emptyAnswers();
  /** Date of application. */
  date = '';
  /** Key of the current step. */
  stepKey = '';
  /** Errors by field id on the current page, and the summary. */
  errors: Record<string, string> = {};
  summary: ErrorSummaryItem[] = [];
  /** What to focus after the next render. */
  focus?: 'heading' | 'summary';
  /** Called on every navigation (the host saves then). */
  onNavigate?: () => void;
  private returnTo?: string;
  private readonly visited = new Set<string>();
  private readonly attempted = new Set<string>();
  /** Pages with errors only the server found (until she continues from them). */
  private readonly flagged = new Set<string>();
  private memo?: Model;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Pages, steps and page errors of the current answers (computed once per change). */
  get model(): Model {
    const lang = activeLocale();
    if (this.memo?.answers !== this.answers || this.memo.lang !== lang) {
      const pages = engine.pagesFor(this.answers, this.date, lang);
      const steps = stepsOf(groupsOf(pages));
      this.memo = {
        answers: this.answers,
        lang,
        pages,
        steps,
        errs: pageErrors(this.answers, pages, this.date, engine.validatePage),
      };
    }
    return this.memo;
  }

  /** The current step (undefined when the answers removed it). */
  get step(): Step | undefined {
    return this.model.steps.find((s) => s.key === this.stepKey);
  }

  /** Every group with its state, for the progress overview. */
  groups(): { group: Group; state: GroupState }[] {
    const { steps, errs } = this.model;
    const groups = [...new Map(steps.map((x) => [x.group.id, x.group])).values()];
    return groups.map((group) => ({
      group,
      state: groupState(group, errs, this.visited, this.attempted, this.flagged),
    }));
  }

  /** True when this is the first step (no "Zurück"). */
  get first(): boolean {
    return this.model.steps[0]?.key === this.stepKey;
  }

  /** Sets one answer of the current page. */
  answer(id: string, value: unknown): engine.Answers | undefined {
    const s = this.step;
    if (s?.kind !== 'page') return undefined;
    this.answers = engine.withValue(this.answers, s.page, id, value);
    this.host.requestUpdate();
    return this.answers;
  }

  /** Opens the first page with missing or wrong answers; the pages before count as seen. */
  resume(): void {
    const { steps, errs } = this.model;
    const first =
      steps.find((s) => s.kind === 'page' && errs.get(s.key)!.length > 0) ?? steps[steps.length - 1];
    for (const s of steps.slice(0, steps.indexOf(first))) if (s.kind === 'page') this.visited.add(s.key);
    this.go(first.key);
  }

  /** Shows a step; errors are cleared, focus goes to its heading. */
  go(key: string): void {
    this.stepKey = key;
    this.errors = {};
    this.summary = [];
    this.focus = 'heading';
    this.onNavigate?.();
    this.host.requestUpdate();
  }

  /** "Weiter": validates a page; returns 'submit' when the valid page is the declaration. */
  next(): 'submit' | undefined {
    const s = this.step;
    if (!s) return undefined;
    if (s.kind === 'page') {
      const { errors } = engine.validatePage(this.answers, s.page, this.date, activeLocale());
      if (errors.length) {
        this.showErrors(errors);
        return undefined;
      }
      this.visited.add(s.key);
      this.flagged.delete(s.key);
      if (s.group.id === FINAL_GROUP) return 'submit';
    }
    const steps = this.model.steps;
    const next = steps[steps.findIndex((x) => x.key === s.key) + 1];
    const newInGroup = next?.kind === 'page' && next.group.id === s.group.id && !this.visited.has(next.key);
    if (this.returnTo && !newInGroup) {
      const back = this.returnTo;
      this.returnTo = undefined;
      this.go(back);
    } else if (next) this.go(next.key);
    return undefined;
  }

  /** "Zurück": the previous step, or the summary she came from; never validates. */
  back(): void {
    const steps = this.model.steps;
    const key = this.returnTo ?? steps[steps.findIndex((x) => x.key === this.stepKey) - 1]?.key;
    this.returnTo = undefined;
    if (key) this.go(key);
  }

  /** "Ändern" on the summary `from`: the page, then back to the summary. */
  change(pageKey: string, from: string): void {
    this.returnTo = from;
    this.go(pageKey);
  }

  /** Progress link: a group's first faulty page, else its summary, else its first page. */
  jump(groupId: string): void {
    const { steps, errs } = this.model;
    const inGroup = steps.filter((s) => s.group.id === groupId);
    const target =
      inGroup.find((s) => s.kind === 'page' && errs.get(s.key)!.length > 0) ??
      inGroup.find((s) => s.kind === 'check') ??
      inGroup[0];
    this.returnTo = undefined;
    if (target) this.go(target.key);
  }

  /** Shows field errors on the first page that has one (client check, or the server's 400 on submit). */
  showErrors(list: readonly FieldError[]): void {
    const placed = placeErrors(
      list,
      this.model.pages,
      activeLocale(),
      (e) => engineMessage(e.code) ?? e.message,
    );
    for (const key of placed.pagesWithErrors) {
      this.attempted.add(key);
      this.flagged.add(key);
    }
    if (this.step?.kind === 'page') this.attempted.add(this.stepKey);
    if (placed.page) this.stepKey = placed.page.key;
    this.errors = placed.errors;
    this.summary = placed.summary;
    this.focus = 'summary';
    this.host.requestUpdate();
  }
}
