import type { PublicWidget, WidgetFieldMode } from '@switchboard/core';
import { h, setText, show } from './dom.ts';
import { type ChatFields, FORM_VALUE_MAX } from './session.ts';
import type { ViewActions, WidgetState } from './state.ts';

/** The closed screen: the holiday or off-hours message, and the weekly hours with the widget's day labels. */
export function closedScreen(config: PublicWidget): HTMLElement {
  const { service, labels } = config;
  const schedule = service.schedule;
  return h(
    'div',
    { class: 'closed' },
    h('p', { class: 'notice' }, service.message ?? ''),
    schedule
      ? h(
          'div',
          { class: 'hours' },
          h('h3', {}, labels.hours),
          h(
            'table',
            {},
            h(
              'tbody',
              {},
              ...schedule.days.map((day) =>
                h(
                  'tr',
                  {},
                  h('th', { scope: 'row' }, day.label),
                  h(
                    'td',
                    {},
                    day.intervals.length === 0
                      ? labels.closedAllDay
                      : day.intervals.map((i) => `${i.start}–${i.end}`).join(', '),
                  ),
                ),
              ),
            ),
          ),
          h('p', { class: 'muted' }, schedule.timeZone),
        )
      : null,
  );
}

interface FieldSpec {
  key: string;
  label: string;
  required: boolean;
  type: 'text' | 'email' | 'tel';
  autocomplete: string;
}

function fieldSpecs(config: PublicWidget): FieldSpec[] {
  const { fields, labels } = config;
  const standard: [
    keyof ChatFields & ('name' | 'email' | 'phone'),
    WidgetFieldMode,
    FieldSpec['type'],
    string,
  ][] = [
    ['name', fields.name, 'text', 'name'],
    ['email', fields.email, 'email', 'email'],
    ['phone', fields.phone, 'tel', 'tel'],
  ];
  return [
    ...standard
      .filter(([, mode]) => mode !== 'off')
      .map(([key, mode, type, autocomplete]) => ({
        key,
        label: labels[key],
        required: mode === 'required',
        type,
        autocomplete,
      })),
    ...fields.custom.map((field) => ({
      key: `custom:${field.label}`,
      label: field.label,
      required: field.required,
      type: 'text' as const,
      autocomplete: 'off',
    })),
  ];
}

/** The form before a chat: the configured fields and the problem statement; errors sit under their field. */
export class FormScreen {
  readonly element: HTMLFormElement;
  readonly #errors = new Map<string, { input: HTMLElement; message: HTMLElement }>();
  readonly #formError: HTMLElement;
  readonly #submit: HTMLButtonElement;
  #shownErrors = '{}';
  readonly #focus: (element: HTMLElement | null) => void;

  constructor(config: PublicWidget, actions: ViewActions, focus: (element: HTMLElement | null) => void) {
    this.#focus = focus;
    const specs = fieldSpecs(config);
    let n = 0;
    const field = (
      key: string,
      label: string,
      required: boolean,
      control: HTMLInputElement | HTMLSelectElement,
    ) => {
      const id = `sb-field-${++n}`;
      const message = h('p', { class: 'error', id: `${id}-error` });
      show(message, false);
      control.id = id;
      control.required = required;
      this.#errors.set(key, { input: control, message });
      return h(
        'div',
        { class: 'field' },
        h(
          'label',
          { for: id },
          label,
          required ? h('span', { class: 'req' }, ` ${config.labels.required}`) : null,
        ),
        control,
        message,
      );
    };
    const inputs = specs.map((spec) => {
      const input = h('input', {
        type: spec.type,
        name: spec.key,
        autocomplete: spec.autocomplete,
        maxlength: FORM_VALUE_MAX,
      });
      return { spec, input, row: field(spec.key, spec.label, spec.required, input) };
    });
    const select = h(
      'select',
      { name: 'problemStatementId' },
      ...config.problemStatements.map((p) => h('option', { value: p.id }, p.label)),
    );
    this.#formError = h('p', { class: 'error', role: 'alert' });
    this.#submit = h('button', { type: 'submit', class: 'primary' }, config.labels.startChat);
    this.element = h(
      'form',
      { class: 'start', novalidate: true },
      ...inputs.map((i) => i.row),
      field('problemStatementId', config.labels.problem, true, select),
      this.#formError,
      this.#submit,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      const errors: Record<string, string> = {};
      const values: ChatFields = {};
      for (const { spec, input } of inputs) {
        const value = input.value.trim();
        // Only what needs no words of its own; the server checks the rest and says what is wrong.
        if (spec.required && value === '') errors[spec.key] = config.labels.required;
        if (value === '') continue;
        if (spec.key.startsWith('custom:')) values.custom = { ...values.custom, [spec.key.slice(7)]: value };
        else values[spec.key as 'name' | 'email' | 'phone'] = value;
      }
      if (Object.keys(errors).length > 0) actions.refuse(errors);
      else actions.start(select.value, values);
    });
  }

  update(form: WidgetState['form']): void {
    let first: HTMLElement | null = null;
    for (const [key, { input, message }] of this.#errors) {
      const error = form.errors[key];
      setText(message, error ?? '');
      show(message, error !== undefined);
      input.setAttribute('aria-invalid', String(error !== undefined));
      if (error !== undefined) input.setAttribute('aria-describedby', message.id);
      else input.removeAttribute('aria-describedby');
      if (error !== undefined && first === null) first = input;
    }
    setText(this.#formError, form.error ?? '');
    show(this.#formError, form.error !== null);
    this.#submit.disabled = form.busy;
    this.element.setAttribute('aria-busy', String(form.busy));
    // Errors that just appeared take the customer to the first of them.
    const shown = JSON.stringify(form.errors);
    if (shown !== this.#shownErrors) this.#focus(first);
    this.#shownErrors = shown;
  }

  /** Where focus goes when the panel opens on this screen. */
  get firstControl(): HTMLElement | null {
    return this.element.querySelector('input, select');
  }
}
