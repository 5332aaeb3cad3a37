import { LIMITS } from '@switchboard/core';
import type { CallFlow, Csq } from '../api/types.ts';
import { SelectField, TextField } from '../ui/inputs.tsx';
import type { SectionProps } from './chat-widget-types.ts';

/**
 * Calls from the widget's page: the voice CSQ they wait in or the call flow they go through (neither: no calls),
 * and the button that starts one.
 */
export function CallsSection({
  form,
  group,
  err,
  voiceCsqs,
  callFlows,
}: SectionProps & { voiceCsqs: Csq[]; callFlows: CallFlow[] }) {
  const options: (readonly [string, string])[] = [
    ['', 'No calls'],
    ...voiceCsqs.map((csq) => [`csq:${csq.id}`, `Queue: ${csq.name}`] as const),
    ...callFlows.map((flow) => [`flow:${flow.id}`, `Call flow: ${flow.name}`] as const),
  ];
  const { csqId, flowId } = form.calls;
  const chosen = flowId ? `flow:${flowId}` : csqId ? `csq:${csqId}` : '';
  const choose = (value: string) => {
    const [kind, id = null] = value === '' ? [''] : value.split(':');
    group('calls', { csqId: kind === 'csq' ? id : null, flowId: kind === 'flow' ? id : null });
  };
  return (
    <fieldset>
      <legend>Calls from the page</legend>
      <div className="columns">
        <SelectField
          label="Calls go to"
          value={chosen}
          options={options}
          onChange={choose}
          error={err('calls/csqId') ?? err('calls/flowId')}
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
        <TextField
          label="Keypad name (screen readers)"
          value={form.calls.keypadLabel}
          onChange={(keypadLabel) => group('calls', { keypadLabel })}
          error={err('calls/keypadLabel')}
          maxLength={LIMITS.widgetLabel.max}
        />
      </div>
    </fieldset>
  );
}
