import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Skill, User } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

/** Live reskilling: the agent's skills and competences; saved changes apply to the next routing decision. */
export function Reskill(props: { user: User | undefined; skills: Skill[]; onClose: () => void }) {
  const { api } = useDesk();
  const dialog = useRef<HTMLDialogElement>(null);
  const [levels, setLevels] = useState<Record<string, string>>(() =>
    Object.fromEntries((props.user?.skills ?? []).map((s) => [s.skillId, String(s.competence)])),
  );
  const submission = useSubmission();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  if (!props.user) return null;
  const user = props.user;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const skills = Object.entries(levels)
      .filter(([, level]) => level !== '')
      .map(([skillId, level]) => ({ skillId, competence: Number(level) }));
    if (await submission.run(() => api.request('PUT', `/users/${user.id}/skills`, { skills })))
      props.onClose();
  };
  return (
    <dialog ref={dialog} onClose={props.onClose} aria-labelledby="reskill-title">
      <form onSubmit={save}>
        <h2 id="reskill-title">Skills of {user.shownName}</h2>
        <p className="muted">
          Competence 1–10; leave empty to remove a skill. Applies to the next routing decision.
        </p>
        <FormError message={submission.error} />
        <table className="grid">
          <tbody>
            {props.skills.map((skill) => (
              <tr key={skill.id}>
                <th scope="row">
                  <label htmlFor={`level-${skill.id}`}>{skill.name}</label>
                </th>
                <td>
                  <input
                    id={`level-${skill.id}`}
                    type="number"
                    min={1}
                    max={10}
                    value={levels[skill.id] ?? ''}
                    onChange={(e) => setLevels((l) => ({ ...l, [skill.id]: e.target.value }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {submission.fields.skills ? <p className="field-error">{submission.fields.skills}</p> : null}
        <div className="row">
          <button type="submit" className="primary" disabled={submission.busy}>
            Save skills
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
