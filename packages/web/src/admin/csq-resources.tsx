import type { Csq, ItemOf } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';

type Resource = ItemOf<'/csqs/{id}/resources'>;

/** "Show resources": the agents who qualify for a CSQ today, as the server computes it. */
export function Resources(props: { csq: Csq; skillName: (id: string) => string; onClose: () => void }) {
  const { api } = useDesk();
  const resources = useLive(() => api.request<Resource[]>('GET', `/csqs/${props.csq.id}/resources`));
  const levels = (r: Resource) =>
    r.competences
      .map((c) => `${props.skillName(c.skillId)} ${c.competence} (≥ ${c.minCompetence})`)
      .join(', ');
  return (
    <section className="panel" aria-labelledby="resources-title">
      <div className="row spread">
        <h2 id="resources-title">Agents who qualify for {props.csq.name}</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      {resources.error ? <p className="form-error">{resources.error.message}</p> : null}
      <ul data-testid="csq-resources">
        {(resources.data ?? []).map((r) => (
          <li key={r.agentId}>
            {r.alias ?? r.name} <span className="muted">{r.username}</span>{' '}
            <span className="muted">{levels(r)}</span>
          </li>
        ))}
      </ul>
      {resources.data?.length === 0 ? (
        <p className="muted">Nobody has these skills at these levels.</p>
      ) : null}
    </section>
  );
}
