import { LIMITS } from '@switchboard/core';
import type { Csq } from '../api/types.ts';
import { SelectField, TextField } from '../ui/inputs.tsx';
import type { SectionProps } from './chat-widget-types.ts';

/** Calls from the widget's page: the voice CSQ they wait in (none: no calls) and the button that starts one. */
export function CallsSection({ form, group, err, voiceCsqs }: SectionProps & { voiceCsqs: Csq[] }) {
  const options: (readonly [string, string])[] = [
    ['', 'No calls'],
    ...voiceCsqs.map((csq) => [csq.id, csq.name] as const),
  ];
  return (
    <fieldset>
      <legend>Calls from the page</legend>
      <div className="columns">
        <SelectField
          label="Calls wait in"
          value={form.calls.csqId ?? ''}
          options={options}
          onChange={(csqId) => group('calls', { csqId: csqId === '' ? null : csqId })}
          error={err('calls/csqId')}
        />
        <TextField
          label="Call button text"
          value={form.calls.buttonText}
          onChange={(buttonText) => group('calls', { buttonText })}
          error={err('calls/buttonText')}
          maxLength={LIMITS.widgetLabel.max}
        />
        <TextField
          label="While on the call"
          value={form.calls.onCallText}
          onChange={(onCallText) => group('calls', { onCallText })}
          error={err('calls/onCallText')}
          maxLength={LIMITS.widgetLabel.max}
        />
        <TextField
          label="Hang-up button text"
          value={form.calls.hangUpText}
          onChange={(hangUpText) => group('calls', { hangUpText })}
          error={err('calls/hangUpText')}
          maxLength={LIMITS.widgetLabel.max}
        />
      </div>
    </fieldset>
  );
}
