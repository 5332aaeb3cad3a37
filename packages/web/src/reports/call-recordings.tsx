import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { CallRecording } from '../api/types.ts';
import { useDesk } from '../live/hooks.ts';

const duration = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * A call's recordings in its journey, one per agent who took part: who was recorded, how long, how often it
 * was paused, and a player (the audio is fetched only when asked for). Shown to those who may listen.
 */
export function CallRecordings(props: { contactId: string }) {
  const { api } = useDesk();
  const [recordings, setRecordings] = useState<CallRecording[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRecordings([]);
    setError(null);
    api
      .request<CallRecording[]>('GET', `/contacts/${props.contactId}/recordings`)
      .then(setRecordings, (failure) => {
        // Reports are open to some who may not listen to calls: for them there is simply nothing to show.
        if (!(failure instanceof ApiError && failure.status === 403)) setError((failure as Error).message);
      });
  }, [api, props.contactId]);
  if (error) return <p role="alert">{error}</p>;
  if (recordings.length === 0) return null;
  return (
    <section aria-label="Recordings">
      <h3>Recordings</h3>
      <ul className="recordings">
        {recordings.map((recording) => (
          <RecordingItem key={recording.id} recording={recording} />
        ))}
      </ul>
    </section>
  );
}

function RecordingItem(props: { recording: CallRecording }) {
  const { api } = useDesk();
  const { recording } = props;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  const play = () => {
    setError(null);
    api.download(`/recordings/${recording.id}/audio`).then(
      (audio) => setUrl(URL.createObjectURL(audio)),
      (failure: Error) => setError(failure.message),
    );
  };
  const pauses = recording.pauses.length;
  return (
    <li>
      <strong>{recording.recordedUser}</strong>
      <span className="muted">
        {' '}
        · {duration(recording.durationMs)}
        {pauses > 0 ? ` · paused ${pauses === 1 ? 'once' : `${pauses} times`}` : ''}
      </span>{' '}
      {url ? (
        // biome-ignore lint/a11y/useMediaCaption: a call recording has no caption track to offer.
        <audio controls autoPlay src={url} aria-label={`Recording of ${recording.recordedUser}`} />
      ) : (
        <button type="button" onClick={play}>
          Play
        </button>
      )}
      {error ? <span role="alert"> {error}</span> : null}
    </li>
  );
}
