import { LIMITS } from '@switchboard/core';
import type { ResponseOf, Role, Skill, Team, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage, type FormProps } from './crud-page.tsx';

interface UserForm {
  /** The user being edited; null while creating one. */
  id: string | null;
  username: string;
  displayName: string;
  role: Role;
  password: string;
  alias: string;
  extension: string;
  teamId: string;
  active: boolean;
  /** skillId → competence as typed ('' = no such skill). */
  skills: Record<string, string>;
}

const ROLES = [
  ['agent', 'Agent'],
  ['supervisor', 'Supervisor'],
  ['administrator', 'Administrator'],
  ['service', 'Service user (API only)'],
] as const;

const skillList = (skills: Record<string, string>) =>
  Object.entries(skills)
    .filter(([, level]) => level !== '')
    .map(([skillId, level]) => ({ skillId, competence: Number(level) }));

/** Users: agents, supervisors, administrators and service users, with their team and skills. */
export function UsersPage() {
  const { api } = useDesk();
  const teams = useLive(() => api.request<Team[]>('GET', '/teams'));
  const skills = useLive(() => api.request<Skill[]>('GET', '/skills'));
  const teamName = (id: string | null) => teams.data?.find((t) => t.id === id)?.name ?? '—';
  const skillName = (id: string) => skills.data?.find((s) => s.id === id)?.name ?? '?';
  return (
    <CrudPage<User, UserForm>
      title="Users"
      noun="user"
      path="/users?limit=500"
      columns={[
        { label: 'Agent ID', render: (u) => u.username },
        { label: 'Name', render: (u) => u.displayName },
        { label: 'Role', render: (u) => u.role },
        { label: 'Team', render: (u) => teamName(u.teamId) },
        {
          label: 'Skills',
          render: (u) => u.skills.map((s) => `${skillName(s.skillId)} ${s.competence}`).join(', '),
        },
        { label: 'Active', render: (u) => (u.active ? 'yes' : 'no') },
      ]}
      blank={() => ({
        id: null,
        username: '',
        displayName: '',
        role: 'agent',
        password: '',
        alias: '',
        extension: '',
        teamId: '',
        active: true,
        skills: {},
      })}
      toForm={(u) => ({
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        password: '',
        alias: u.alias ?? '',
        extension: u.extension ?? '',
        teamId: u.teamId ?? '',
        active: u.active,
        skills: Object.fromEntries(u.skills.map((s) => [s.skillId, String(s.competence)])),
      })}
      toBody={(f, editing) => {
        const common = {
          displayName: f.displayName.trim(),
          role: f.role,
          alias: f.alias.trim() || null,
          extension: f.extension.trim() || null,
          teamId: f.teamId || null,
        };
        return editing
          ? { ...common, active: f.active }
          : {
              ...common,
              username: f.username.trim(),
              ...(f.password ? { password: f.password } : {}),
              skills: skillList(f.skills),
            };
      }}
      afterSave={async (saved, form, editing) => {
        const wanted = skillList(form.skills);
        const same =
          wanted.length === saved.skills.length &&
          wanted.every((w) =>
            saved.skills.some((s) => s.skillId === w.skillId && s.competence === w.competence),
          );
        if (!same) await api.request('PUT', `/users/${saved.id}/skills`, { skills: wanted });
        // A new user got the password with the create request; an edited one gets it here.
        if (editing && form.password)
          await api.request('PUT', `/users/${saved.id}/password`, { password: form.password });
      }}
      fields={(props) => <UserFields {...props} teams={teams.data ?? []} skills={skills.data ?? []} />}
    />
  );
}

function UserFields(props: FormProps<UserForm> & { teams: Team[]; skills: Skill[] }) {
  const { form, set, errors, editing } = props;
  const takesContacts = form.role === 'agent' || form.role === 'supervisor';
  return (
    <>
      <div className="columns">
        <TextField
          label="Agent ID (username)"
          value={form.username}
          onChange={(v) => set({ username: v })}
          error={errors.username}
          maxLength={LIMITS.username.max}
          disabled={editing}
          required
        />
        <TextField
          label="Display name"
          value={form.displayName}
          onChange={(v) => set({ displayName: v })}
          error={errors.displayName}
          maxLength={LIMITS.displayName.max}
          required
        />
        <SelectField
          label="Role"
          value={form.role}
          options={ROLES}
          onChange={(role) => set({ role })}
          error={errors.role}
        />
        <TextField
          label={editing ? 'New password (leave empty to keep)' : 'Password'}
          type="password"
          value={form.password}
          onChange={(v) => set({ password: v })}
          error={errors.password}
          maxLength={LIMITS.password.max}
          hint="8–128 characters"
        />
        {takesContacts ? (
          <>
            <TextField
              label="Alias shown to customers"
              value={form.alias}
              onChange={(v) => set({ alias: v })}
              error={errors.alias}
              maxLength={LIMITS.agentAlias.max}
            />
            <TextField
              label="Extension"
              value={form.extension}
              onChange={(v) => set({ extension: v })}
              error={errors.extension}
              maxLength={LIMITS.extension.max}
            />
          </>
        ) : null}
        <SelectField
          label="Team"
          value={form.teamId}
          options={[['', '— none —'] as const, ...props.teams.map((t) => [t.id, t.name] as const)]}
          onChange={(teamId) => set({ teamId })}
          error={errors.teamId}
        />
        {editing ? (
          <CheckboxField label="Active" checked={form.active} onChange={(active) => set({ active })} />
        ) : null}
        {editing && form.id && form.role === 'supervisor' ? <TeamMessagesSwitch userId={form.id} /> : null}
      </div>
      {takesContacts ? (
        <fieldset>
          <legend>Skills (competence 1–10)</legend>
          <div className="columns">
            {props.skills.map((skill) => (
              <label key={skill.id} className="skill-level">
                {skill.name}
                <input
                  type="number"
                  min={1}
                  max={10}
                  value={form.skills[skill.id] ?? ''}
                  onChange={(e) => set({ skills: { ...form.skills, [skill.id]: e.target.value } })}
                />
              </label>
            ))}
          </div>
          {errors.skills ? <p className="field-error">{errors.skills}</p> : null}
        </fieldset>
      ) : null}
    </>
  );
}

/** The administrator's switch that lets a supervisor send team messages; applied at once. */
function TeamMessagesSwitch(props: { userId: string }) {
  const { api } = useDesk();
  const state = useLive(
    () =>
      api.request<ResponseOf<'/users/{id}/team-messages', 'get'>>(
        'GET',
        `/users/${props.userId}/team-messages`,
      ),
    undefined,
    props.userId,
  );
  const submission = useSubmission();
  if (!state.data) return null;
  return (
    <div>
      <CheckboxField
        label="May send team messages"
        checked={state.data.enabled}
        onChange={async (enabled) => {
          state.set((current) => current && { ...current, enabled });
          const saved = await submission.run(() =>
            api.request('PUT', `/users/${props.userId}/team-messages`, { enabled }),
          );
          if (!saved) state.reload();
        }}
      />
      <FormError message={submission.error} />
    </div>
  );
}
