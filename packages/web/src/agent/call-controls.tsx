import { useEffect, useState } from 'react';
import { useDesk } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { playOnChosenSpeaker } from './audio-devices.ts';
import { Keypad } from './keypad.tsx';
import {
  endCall,
  type LineRecording,
  rejoinCall,
  setMuted,
  setRecordingState,
  useLine,
} from './softphone.ts';
import { TransferButton } from './transfer-dialog.tsx';
import type { MyContact } from './use-desktop.ts';

/**
 * A call answered in this browser: the caller's voice, mute, hold and resume (the caller hears music), the
 * recording as the CSQ allows it (started, paused while the caller gives a card number, stopped), a blind
 * transfer to an agent or a queue (the caller hears music until someone answers), a keypad, and hang-up,
 * which ends the call and starts wrap-up. The line closes here once the contact leaves the agent's hands,
 * whoever ended it. A call answered on the agent's desk phone has its audio there: the same buttons, but mute,
 * work here.
 */
export function CallControls(props: {
  contact: MyContact;
  deskPhone?: string | null;
  onChanged: () => void;
}) {
  const { api } = useDesk();
  const { contact } = props;
  const line = useLine(contact.id);
  const [held, setHeld] = useState(false);
  const submission = useSubmission();
  const inHand = contact.status === 'active';
  useEffect(() => {
    if (!inHand) endCall(contact.id);
  }, [inHand, contact.id]);
  const onPhone = inHand && !line && Boolean(props.deskPhone);
  const phoneRecording = usePhoneRecording(contact.id, onPhone);
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
      setRecordingState(contact.id, result.state);
      phoneRecording.set(result.state);
    });
  return (
    <div className="call-controls">
      {line ? (
        // biome-ignore lint/a11y/useMediaCaption: a live call's audio has no caption track to offer.
        <audio
          autoPlay
          data-testid="caller-audio"
          ref={(element) => {
            if (element && element.srcObject !== line.remote) {
              element.srcObject = line.remote;
              playOnChosenSpeaker(element);
            }
          }}
        />
      ) : props.deskPhone ? (
        <p className="muted">On your desk phone {props.deskPhone}: hang up there, or here.</p>
      ) : (
        <p className="muted">
          The call’s audio is not in this tab: another tab has it, or its connection dropped (the caller then
          hears music).{' '}
          <button
            type="button"
            onClick={() => submission.run(() => rejoinCall(api, contact.id))}
            disabled={submission.busy}
          >
            Rejoin the call here
          </button>
        </p>
      )}
      <FormError message={submission.error} />
      <div className="row">
        <button type="button" onClick={() => act('complete')} disabled={submission.busy}>
          Hang up
        </button>
        <button type="button" onClick={() => act(held ? 'resume' : 'hold')} disabled={submission.busy}>
          {held ? 'Resume' : 'Hold'}
        </button>
        <TransferButton
          contact={contact}
          onTransferred={() => {
            endCall(contact.id);
            props.onChanged();
          }}
        />
        {line ? (
          <button type="button" aria-pressed={line.muted} onClick={() => setMuted(contact.id, !line.muted)}>
            {line.muted ? 'Unmute' : 'Mute'}
          </button>
        ) : null}
        {contact.direction === 'outbound' ? <Keypad contactId={contact.id} /> : null}
        {line || phoneRecording.value ? (
          <RecordingButtons
            recording={line?.recording ?? (phoneRecording.value as LineRecording)}
            busy={submission.busy}
            record={record}
          />
        ) : null}
      </div>
    </div>
  );
}

/** Record under `on_demand`; pause and resume under both policies that record; stop under `on_demand` only. */
function RecordingButtons(props: {
  recording: LineRecording;
  busy: boolean;
  record: (action: 'start' | 'pause' | 'resume' | 'stop') => void;
}) {
  const { recording, busy, record } = props;
  if (recording.policy === 'off') return null;
  if (recording.state === 'stopped')
    return (
      <button type="button" onClick={() => record('start')} disabled={busy}>
        Record
      </button>
    );
  const paused = recording.state === 'paused';
  return (
    <>
      <button
        type="button"
        aria-pressed={paused}
        onClick={() => record(paused ? 'resume' : 'pause')}
        disabled={busy}
      >
        {paused ? 'Resume recording' : 'Pause recording'}
      </button>
      {recording.policy === 'on_demand' ? (
        <button type="button" onClick={() => record('stop')} disabled={busy}>
          Stop recording
        </button>
      ) : null}
    </>
  );
}

/** Where the recording of a call on the agent's desk phone stands, asked of the server (no answer here told it). */
function usePhoneRecording(contactId: string, onPhone: boolean) {
  const { api } = useDesk();
  const [value, setValue] = useState<LineRecording | null>(null);
  useEffect(() => {
    if (!onPhone) return;
    let current = true;
    api
      .request<LineRecording>('GET', `/contacts/${contactId}/recording`)
      .then((status) => {
        if (current) setValue({ policy: status.policy, state: status.state });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, contactId, onPhone]);
  return {
    value,
    set: (state: LineRecording['state']) => setValue((now) => now && { ...now, state }),
  };
}
