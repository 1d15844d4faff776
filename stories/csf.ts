/** The parts of Storybook's Component Story Format 3 used here (Storybook itself is not installed yet). */
import type { TemplateResult } from 'lit';
import type { PlayContext } from './play.js';

/** Default export of a stories file. */
export interface Meta {
  title: string;
  component: string;
}

/** One story: how to render it and, optionally, what a person does next. */
export interface Story {
  name?: string;
  render: () => TemplateResult;
  play?: (context: PlayContext) => Promise<void>;
}
