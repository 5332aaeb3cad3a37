import type { WidgetFields } from '../chat-widget.ts';

/** What a customer typed into a widget's form. Custom fields are keyed by their label. */
export interface ChatFormAnswers {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  custom?: Record<string, string> | undefined;
}

export interface FieldProblem {
  path: string;
  message: string;
}

const STANDARD = [
  ['name', 'Name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
] as const;

const blank = (value: string | undefined) => value === undefined || value.trim() === '';

/**
 * Checks a chat form's answers against the widget's fields: required fields are filled in, and nothing is
 * answered that the form does not ask (a field turned off, an unknown custom field). Paths name the field as
 * the widget shows errors: `body/fields/email`, `body/fields/custom/<label>`.
 */
export function chatFormProblems(fields: WidgetFields, answers: ChatFormAnswers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, label] of STANDARD) {
    const value = answers[key];
    const path = `body/fields/${key}`;
    if (fields[key] === 'off' && value !== undefined)
      problems.push({ path, message: `${label} is not asked on this form.` });
    if (fields[key] === 'required' && blank(value)) problems.push({ path, message: `${label} is required.` });
  }
  const custom = answers.custom ?? {};
  for (const field of fields.custom) {
    if (field.required && blank(custom[field.label]))
      problems.push({ path: `body/fields/custom/${field.label}`, message: `${field.label} is required.` });
  }
  const known = new Set(fields.custom.map((f) => f.label));
  for (const label of Object.keys(custom)) {
    if (!known.has(label))
      problems.push({
        path: `body/fields/custom/${label}`,
        message: `"${label}" is not a field of this form.`,
      });
  }
  return problems;
}
