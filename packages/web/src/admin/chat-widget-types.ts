import type { WidgetSettings } from '@switchboard/core';
import type { ItemOf } from '../api/types.ts';

/** The editor's problem statement: a new one has no id until saved. */
export interface ProblemStatement {
  id?: string;
  label: string;
  csqId: string;
}
export type ChatWidget = ItemOf<'/chat-widgets'>;
/** The editor's state (client-side). */
export interface WidgetForm extends WidgetSettings {
  /** Set once saved: the embed snippet needs it. */
  id: string | null;
  name: string;
  description: string;
  problemStatements: ProblemStatement[];
}
/** A calendar as the API lists it: the widget's hours may follow one. */
export type Calendar = ItemOf<'/calendars'>;

/** Merges a patch into one settings group of the form. */
export type GroupSetter = <G extends keyof WidgetSettings>(
  name: G,
  patch: Partial<WidgetSettings[G]>,
) => void;

/** What every section of the widget editor gets. */
export interface SectionProps {
  form: WidgetForm;
  group: GroupSetter;
  /** The server's message for one field path, if any. */
  err: (path: string) => string | undefined;
}

export const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
