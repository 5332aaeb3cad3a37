import { type FormEvent, useState } from 'react';
import type { Csq } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { NumberField, SelectField, TextField } from '../ui/inputs.tsx';

/** A new workload: its queues (CSQs, and queue names of imported history), channel, target and hours. */
export function WorkloadForm(props: { onSaved: (id: string) => void }) {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<'voice' | 'chat' | 'email'>('voice');
  const [csqIds, setCsqIds] = useState<string[]>([]);
  const [imported, setImported] = useState('');
  const [percent, setPercent] = useState<number | ''>(80);
  const [seconds, setSeconds] = useState<number | ''>(20);
  const [shrinkage, setShrinkage] = useState<number | ''>(30);
  const [occupancy, setOccupancy] = useState<number | ''>(85);
  const [chats, setChats] = useState<number | ''>(2);
  const [hours, setHours] = useState('');
  const submission = useSubmission();
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      name,
      channel,
      basis: 'csq',
      csqIds,
      importedQueues: imported
        .split(',')
        .map((queue) => queue.trim())
        .filter((queue) => queue !== ''),
      target:
        channel === 'email'
          ? { kind: 'response_time', seconds: Number(seconds || 3600) }
          : { kind: 'service_level', percent: Number(percent || 80), seconds: Number(seconds || 20) },
      shrinkage: Number(shrinkage || 0) / 100,
      maxOccupancy: occupancy === '' ? null : Number(occupancy) / 100,
      ...(channel === 'chat' ? { maxConcurrentChats: Number(chats || 1) } : {}),
      openHours: hours.trim() === '' ? null : hours.trim(),
    };
    let id = '';
    const ok = await submission.run(async () => {
      id = (await api.request<{ id: string }>('POST', '/wfm/workloads', body)).id;
    });
    if (ok) props.onSaved(id);
  };
  return (
    <form onSubmit={save} aria-label="New workload" className="wfm-form">
      <FormError message={submission.error} />
      <TextField label="Name" value={name} onChange={setName} required error={submission.fields.name} />
      <SelectField
        label="Channel"
        value={channel}
        options={[
          ['voice', 'Phone'],
          ['chat', 'Chat'],
          ['email', 'Email'],
        ]}
        onChange={setChannel}
      />
      <fieldset>
        <legend>CSQs</legend>
        {(csqs.data ?? []).map((csq) => (
          <label key={csq.id} className="check">
            <input
              type="checkbox"
              checked={csqIds.includes(csq.id)}
              onChange={(e) =>
                setCsqIds(e.target.checked ? [...csqIds, csq.id] : csqIds.filter((id) => id !== csq.id))
              }
            />
            {csq.name}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Queues of imported history"
        hint="Queue names in imported interval history, separated by commas"
        value={imported}
        onChange={setImported}
      />
      {channel === 'email' ? (
        <NumberField label="Answered within (seconds)" value={seconds} onChange={setSeconds} min={60} />
      ) : (
        <>
          <NumberField label="Service level (%)" value={percent} onChange={setPercent} min={1} max={100} />
          <NumberField label="Within (seconds)" value={seconds} onChange={setSeconds} min={1} max={3600} />
        </>
      )}
      {channel === 'chat' ? (
        <NumberField label="Chats per agent at once" value={chats} onChange={setChats} min={1} max={20} />
      ) : null}
      <NumberField label="Shrinkage (%)" value={shrinkage} onChange={setShrinkage} min={0} max={99} />
      <NumberField
        label="Maximum occupancy (%)"
        value={occupancy}
        onChange={setOccupancy}
        min={1}
        max={100}
      />
      <TextField
        label="Open hours"
        hint='e.g. "mon-fri 08:00-20:00; sat 09:00-13:00"; empty: where the history has contacts'
        value={hours}
        onChange={setHours}
        error={submission.fields.openHours}
      />
      <button type="submit" disabled={submission.busy}>
        Create workload
      </button>
    </form>
  );
}
