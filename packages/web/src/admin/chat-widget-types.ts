import type { WidgetSettings } from '@switchboard/core';
import type { PreviewCalendar } from './chat-widget-preview.tsx';

export interface ProblemStatement {
  id?: string;
  label: string;
  csqId: string;
}
export interface ChatWidget extends WidgetSettings {
  id: string;
  name: string;
  description: string;
  problemStatements: ProblemStatement[];
}
export interface WidgetForm extends WidgetSettings {
  /** Set once saved: the embed snippet needs it. */
  id: string | null;
  name: string;
  description: string;
  problemStatements: ProblemStatement[];
}
export type Calendar = PreviewCalendar & { name: string };

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
