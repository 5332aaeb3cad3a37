import { useEffect, useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { endCall, setMuted, useLine } from './softphone.ts';
import type { MyContact } from './use-desktop.ts';

/**
 * A call answered in this browser: the caller's voice, mute, hold and resume (the caller hears music), the
 * recording (started, paused while the caller gives a card number, stopped, as the CSQ allows), and hang-up, which ends the call and starts wrap-up. The line closes here once the contact leaves the agent's
 * hands, whoever ended it.
 */
export function CallControls(props: { contact: MyContact; onChanged: () => void }) {
  const { api } = useDesk();
  const { contact } = props;
  const line = useLine(contact.id);
  const [held, setHeld] = useState(false);
  const [recording, setRecording] = useState<'recording' | 'paused' | 'stopped'>('stopped');
  const submission = useSubmission();
  const inHand = contact.status === 'active';
  useEffect(() => {
    if (!inHand) endCall(contact.id);
  }, [inHand, contact.id]);
  if (!inHand) return null;
  const act = (path: 'hold' | 'resume' | 'complete') =>
    submission.run(async () => {
      await api.request('POST', `/contacts/${contact.id}/${path}`);
      if (path === 'complete') endCall(contact.id);
      else setHeld(path === 'hold');
      props.onChanged();
    });
  const record = (action: 'start' | 'pause' | 'resume' | 'stop') =>
    submission.run(async () => {
      const result = await api.request<{ state: 'recording' | 'paused' | 'stopped' }>(
        'POST',
        `/contacts/${contact.id}/recording`,
        { action },
      );
      setRecording(result.state);
    });
  return (
    <div className="call-controls">
      {line ? (
        // biome-ignore lint/a11y/useMediaCaption: a live call's audio has no caption track to offer.
        <audio
          autoPlay
          data-testid="caller-audio"
          ref={(element) => {
            if (element && element.srcObject !== line.remote) element.srcObject = line.remote;
          }}
        />
      ) : (
        <p className="muted">The call’s audio is on another device or tab.</p>
      )}
      <FormError message={submission.error} />
      <div className="row">
        <button type="button" onClick={() => act('complete')} disabled={submission.busy}>
          Hang up
        </button>
        <button type="button" onClick={() => act(held ? 'resume' : 'hold')} disabled={submission.busy}>
          {held ? 'Resume' : 'Hold'}
        </button>
        {line ? (
          <button type="button" aria-pressed={line.muted} onClick={() => setMuted(contact.id, !line.muted)}>
            {line.muted ? 'Unmute' : 'Mute'}
          </button>
        ) : null}
        {recording === 'stopped' ? (
          <button type="button" onClick={() => record('start')} disabled={submission.busy}>
            Record
          </button>
        ) : (
          <>
            <button
              type="button"
              aria-pressed={recording === 'paused'}
              onClick={() => record(recording === 'paused' ? 'resume' : 'pause')}
              disabled={submission.busy}
            >
              {recording === 'paused' ? 'Resume recording' : 'Pause recording'}
            </button>
            <button type="button" onClick={() => record('stop')} disabled={submission.busy}>
              Stop recording
            </button>
          </>
        )}
      </div>
    </div>
  );
}
