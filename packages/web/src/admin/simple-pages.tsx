import { LIMITS } from '@switchboard/core';
import type { ReasonCode, Skill, Team, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { NumberField, SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage } from './crud-page.tsx';

export function SkillsPage() {
  return (
    <CrudPage<Skill, { name: string }>
      title="Skills"
      noun="skill"
      path="/skills"
      columns={[{ label: 'Name', render: (s) => s.name }]}
      blank={() => ({ name: '' })}
      toForm={(s) => ({ name: s.name })}
      toBody={(f) => ({ name: f.name.trim() })}
      fields={({ form, set, errors }) => (
        <TextField
          label="Name"
          value={form.name}
          onChange={(name) => set({ name })}
          error={errors.name}
          maxLength={LIMITS.skillName.max}
          required
        />
      )}
    />
  );
}

const REASON_KINDS = [
  ['not_ready', 'Not ready'],
  ['logout', 'Log out'],
] as const;

export function ReasonCodesPage() {
  return (
    <CrudPage<ReasonCode, { kind: ReasonCode['kind']; code: number | ''; label: string }>
      title="Reason codes"
      noun="reason code"
      path="/reason-codes"
      columns={[
        { label: 'Kind', render: (r) => (r.kind === 'logout' ? 'Log out' : 'Not ready') },
        { label: 'Code', render: (r) => r.code },
        { label: 'Label', render: (r) => r.label },
      ]}
      blank={() => ({ kind: 'not_ready', code: '', label: '' })}
      toForm={(r) => ({ kind: r.kind, code: r.code, label: r.label })}
      toBody={(f) => ({ kind: f.kind, code: f.code === '' ? 0 : f.code, label: f.label.trim() })}
      fields={({ form, set, errors }) => (
        <>
          <SelectField
            label="Kind"
            value={form.kind}
            options={REASON_KINDS}
            onChange={(kind) => set({ kind })}
            error={errors.kind}
          />
          <NumberField
            label="Code"
            value={form.code}
            min={1}
            max={65535}
            onChange={(code) => set({ code })}
            error={errors.code}
            hint="1–65535, as telephony reports it"
          />
          <TextField
            label="Label"
            value={form.label}
            onChange={(label) => set({ label })}
            error={errors.label}
            maxLength={LIMITS.reasonLabel.max}
            required
          />
        </>
      )}
    />
  );
}

interface TeamForm {
  name: string;
  primarySupervisorId: string;
  secondarySupervisorId: string;
}

export function TeamsPage() {
  const { api } = useDesk();
  const supervisors = useLive(() => api.request<User[]>('GET', '/users?role=supervisor&limit=500'));
  const options = [
    ['', '— none —'] as const,
    ...(supervisors.data ?? []).map((u) => [u.id, u.shownName] as const),
  ];
  const name = (id: string | null) => supervisors.data?.find((u) => u.id === id)?.shownName ?? '—';
  return (
    <CrudPage<Team, TeamForm>
      title="Teams"
      noun="team"
      path="/teams"
      columns={[
        { label: 'Name', render: (t) => t.name },
        { label: 'Primary supervisor', render: (t) => name(t.primarySupervisorId) },
        { label: 'Secondary supervisor', render: (t) => name(t.secondarySupervisorId) },
      ]}
      blank={() => ({ name: '', primarySupervisorId: '', secondarySupervisorId: '' })}
      toForm={(t) => ({
        name: t.name,
        primarySupervisorId: t.primarySupervisorId ?? '',
        secondarySupervisorId: t.secondarySupervisorId ?? '',
      })}
      toBody={(f) => ({
        name: f.name.trim(),
        primarySupervisorId: f.primarySupervisorId || null,
        secondarySupervisorId: f.secondarySupervisorId || null,
      })}
      fields={({ form, set, errors }) => (
        <>
          <TextField
            label="Name"
            value={form.name}
            onChange={(n) => set({ name: n })}
            error={errors.name}
            maxLength={LIMITS.teamName.max}
            required
          />
          <SelectField
            label="Primary supervisor"
            value={form.primarySupervisorId}
            options={options}
            onChange={(v) => set({ primarySupervisorId: v })}
            error={errors.primarySupervisorId}
          />
          <SelectField
            label="Secondary supervisor"
            value={form.secondarySupervisorId}
            options={options}
            onChange={(v) => set({ secondarySupervisorId: v })}
            error={errors.secondarySupervisorId}
          />
        </>
      )}
    />
  );
}
