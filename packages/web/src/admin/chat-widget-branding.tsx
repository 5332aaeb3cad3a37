import type { WidgetSettings } from '@switchboard/core';
import { Field } from '../ui/form.tsx';
import { TextField } from '../ui/inputs.tsx';
import type { SectionProps } from './chat-widget-types.ts';

const COLOURS: [keyof WidgetSettings['branding'], string][] = [
  ['titleColor', 'Title bar'],
  ['titleTextColor', 'Title text'],
  ['buttonColor', 'Buttons'],
  ['buttonTextColor', 'Button text'],
  ['agentMessageColor', 'Agent messages'],
  ['agentMessageTextColor', 'Agent message text'],
  ['customerMessageColor', 'Customer messages'],
  ['customerMessageTextColor', 'Customer message text'],
];

/** The widget's look: title, launcher text, font and colours. */
export function BrandingSection({ form, group, err }: SectionProps) {
  return (
    <fieldset>
      <legend>Branding</legend>
      <div className="columns">
        <TextField
          label="Title"
          value={form.branding.titleText}
          onChange={(titleText) => group('branding', { titleText })}
          error={err('branding/titleText')}
        />
        <TextField
          label="Launcher button text"
          value={form.branding.buttonText}
          onChange={(buttonText) => group('branding', { buttonText })}
          error={err('branding/buttonText')}
        />
        <TextField
          label="Font family"
          hint='A CSS font stack, e.g. "Open Sans", Arial, sans-serif'
          value={form.branding.fontFamily}
          onChange={(fontFamily) => group('branding', { fontFamily })}
          error={err('branding/fontFamily')}
        />
        {COLOURS.map(([key, label]) => (
          <Field key={key} label={`${label} colour`} error={err(`branding/${key}`)}>
            {(input) => (
              <input
                {...input}
                type="color"
                value={form.branding[key]}
                onChange={(e) => group('branding', { [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
