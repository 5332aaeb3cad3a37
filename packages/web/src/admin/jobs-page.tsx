import { useCallback, useEffect, useState } from 'react';
import type { ItemOf } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';

type Job = ItemOf<'/jobs'>;
type State = Job['state'];

const SECTIONS: readonly (readonly [State, string])[] = [
  ['failed', 'Failed'],
  ['running', 'Running'],
  ['queued', 'Queued'],
  ['completed', 'Recently completed'],
  ['cancelled', 'Cancelled'],
];

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** The tenant's background jobs by state: retry a failed one, cancel a queued one. */
export function JobsPage() {
  const { api } = useDesk();
  const [jobs, setJobs] = useState<Partial<Record<State, Job[]>>>({});
  const submission = useSubmission();
  const load = useCallback(async () => {
    const lists = await Promise.all(
      SECTIONS.map(
        async ([state]) => [state, await api.request<Job[]>('GET', `/jobs?state=${state}`)] as const,
      ),
    );
    setJobs(Object.fromEntries(lists));
  }, [api]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once per api, not on every render's submission
  useEffect(() => {
    void submission.run(load);
  }, [load]);
  const act = (job: Job, action: 'retry' | 'cancel') =>
    submission.run(async () => {
      await api.request('POST', `/jobs/${job.id}/${action}`);
      await load();
    });
  return (
    <section aria-labelledby="jobs-title">
      <h1 id="jobs-title">Jobs</h1>
      <p className="muted">
        Background work of this tenant. A failed job was tried as often as its kind allows; Retry runs it once
        more.
      </p>
      <button type="button" onClick={() => submission.run(load)} disabled={submission.busy}>
        Refresh
      </button>
      <FormError message={submission.error} />
      {SECTIONS.map(([state, title]) => (
        <section key={state} aria-label={title}>
          <h2>{title}</h2>
          {(jobs[state] ?? []).length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Created</th>
                  <th scope="col">Runs at</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">Error</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {(jobs[state] ?? []).map((job) => (
                  <tr key={job.id}>
                    <td>{job.name}</td>
                    <td>{when(job.createdAt)}</td>
                    <td>{when(job.runAt)}</td>
                    <td>
                      {job.retryCount + (job.startedAt ? 1 : 0)} of {job.retryLimit + 1}
                    </td>
                    <td>{job.error}</td>
                    <td>
                      {job.state === 'failed' ? (
                        <button type="button" onClick={() => act(job, 'retry')} disabled={submission.busy}>
                          Retry
                        </button>
                      ) : null}
                      {job.state === 'queued' ? (
                        <button type="button" onClick={() => act(job, 'cancel')} disabled={submission.busy}>
                          Cancel
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </section>
  );
}
