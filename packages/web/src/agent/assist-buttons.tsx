import { type AssistRequest, isAboutAssist } from '../api/assist.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import '../ui/assist.css';

const asked = (r: AssistRequest) => {
  const names = [r.primarySupervisor, r.secondarySupervisor]
    .filter((s) => s && r.alerted.includes(s.id))
    .map((s) => s?.name);
  const what = r.kind === 'emergency' ? 'Emergency' : 'Help';
  return `${what} requested — waiting for ${names.join(' and ') || 'a supervisor'}…`;
};

/**
 * Help and Emergency on a contact the agent is handling: asks the team's supervisors (the primary first, the
 * secondary after a while or at once when the primary is away), shows who was asked and who answered, and
 * lets the agent take the request back. Emergency asks at once, without a confirmation.
 */
export function AssistButtons({ contactId }: { contactId: string }) {
  const { api, me } = useDesk();
  const mine = useLive(
    () => api.request<AssistRequest[]>('GET', '/assist-requests?limit=20'),
    isAboutAssist,
    contactId,
    50,
  );
  const submission = useSubmission();
  const latest = mine.data?.find((r) => r.contactId === contactId && r.agent.id === me.id);
  const open = latest?.status === 'open' ? latest : null;
  const ask = (kind: AssistRequest['kind']) =>
    submission.run(async () => {
      await api.request('POST', `/contacts/${contactId}/assist`, { kind });
      mine.reload();
    });
  const cancel = (id: string) =>
    submission.run(async () => {
      await api.request('POST', `/assist-requests/${id}/cancel`);
      mine.reload();
    });
  return (
    <div className="assist" data-testid="assist">
      {!open ? (
        <button type="button" onClick={() => ask('help')} disabled={submission.busy}>
          Help
        </button>
      ) : null}
      {open?.kind !== 'emergency' ? (
        <button
          type="button"
          className="emergency"
          onClick={() => ask('emergency')}
          disabled={submission.busy}
          title="Ask a supervisor for help now"
        >
          Emergency
        </button>
      ) : null}
      <p className="assist-state" role="status" aria-live="polite">
        {open
          ? asked(open)
          : latest?.status === 'answered' && latest.answeredBy
            ? `${latest.answeredBy.name} is on it`
            : null}
      </p>
      {open ? (
        <button type="button" onClick={() => cancel(open.id)} disabled={submission.busy}>
          Cancel request
        </button>
      ) : null}
      <FormError message={submission.error} />
    </div>
  );
}
