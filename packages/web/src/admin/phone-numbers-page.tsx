import { LIMITS } from '@switchboard/core';
import type { CallFlow, Csq, PhoneNumber } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage, type FormProps } from './crud-page.tsx';

/** Where calls go, as the select holds it: `flow:<id>` or `csq:<id>` ('' before one is chosen). */
interface NumberForm {
  number: string;
  name: string;
  goesTo: string;
}

type Options = readonly (readonly [string, string])[];

const goesTo = (entry: PhoneNumber) =>
  entry.flowId ? `flow:${entry.flowId}` : entry.csqId ? `csq:${entry.csqId}` : '';

/** Phone numbers (docs/voice.md): where inbound calls arrive, each sending them to a call flow or a voice CSQ. */
export function PhoneNumbersPage() {
  const { api } = useDesk();
  const flows = useLive(() => api.request<CallFlow[]>('GET', '/call-flows'));
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const targets: Options = [
    ...(flows.data ?? []).map((flow) => [`flow:${flow.id}`, `Call flow: ${flow.name}`] as const),
    ...(csqs.data ?? [])
      .filter((csq) => csq.channel === 'voice')
      .map((csq) => [`csq:${csq.id}`, `Queue: ${csq.name}`] as const),
  ];
  const targetName = new Map(targets);
  return (
    <CrudPage<PhoneNumber, NumberForm>
      title="Numbers"
      noun="number"
      path="/phone-numbers"
      updateMethod="PUT"
      columns={[
        { label: 'Number', render: (entry) => entry.number },
        { label: 'Name', render: (entry) => entry.name },
        { label: 'Calls go to', render: (entry) => targetName.get(goesTo(entry)) ?? '' },
      ]}
      blank={() => ({ number: '', name: '', goesTo: '' })}
      toForm={(entry) => ({ number: entry.number, name: entry.name, goesTo: goesTo(entry) })}
      toBody={(form) => {
        const [kind, id = null] = form.goesTo === '' ? [''] : form.goesTo.split(':');
        return {
          number: form.number.trim(),
          name: form.name.trim(),
          flowId: kind === 'flow' ? id : null,
          csqId: kind === 'csq' ? id : null,
        };
      }}
      fields={(props) => <NumberFields {...props} targets={targets} />}
    />
  );
}

function NumberFields({ form, set, errors, targets }: FormProps<NumberForm> & { targets: Options }) {
  return (
    <div className="columns">
      <TextField
        label="Number"
        value={form.number}
        onChange={(number) => set({ number })}
        error={errors.number}
        hint="2 to 20 digits, with + in front for a full number: +4930123456, or 2000"
        required
      />
      <TextField
        label="Name"
        value={form.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        maxLength={LIMITS.phoneNumberName.max}
        required
      />
      <SelectField
        label="Calls go to"
        value={form.goesTo}
        options={[['', 'Choose a call flow or queue'], ...targets]}
        onChange={(goesTo) => set({ goesTo })}
        error={errors.flowId ?? errors.csqId}
      />
    </div>
  );
}
