import { useEffect, useId, useState } from 'react';
import {
  type AudioDevices,
  chooseDevices,
  chosenDevices,
  openMicrophone,
  playOnChosenSpeaker,
} from './audio-devices.ts';

/** How often the level meter is read; the analyser's window (about 0.7 s) spans it, so no sound slips between. */
const METER_MS = 100;
const TONE_HZ = 440;

/**
 * The agent's audio devices and a check of them, folded away until opened: which microphone and speaker this
 * browser's calls use, a meter of what the microphone hears, and a test tone on the speaker.
 */
export function AudioCheck() {
  const [open, setOpen] = useState(false);
  return (
    <details className="audio-check" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Audio devices and check</summary>
      {open ? <AudioCheckPanel /> : null}
    </details>
  );
}

function AudioCheckPanel() {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [chosen, setChosen] = useState<AudioDevices>(chosenDevices);
  const [level, setLevel] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { microphone: useId(), speaker: useId() };
  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    (async () => {
      stream = await openMicrophone(chosen.microphone);
      if (stopped) return;
      setDevices(await navigator.mediaDevices.enumerateDevices());
      context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 32768;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let peak = 0;
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
        setLevel(Math.min(1, peak));
      }, METER_MS);
    })().catch(() => setProblem('The browser gives no microphone: allow it for this site, or plug one in.'));
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      void context?.close();
    };
  }, [chosen.microphone]);
  const choose = (change: Partial<AudioDevices>) => {
    const next = { ...chosen, ...change };
    chooseDevices(next);
    setChosen(next);
  };
  const of = (kind: MediaDeviceKind) => devices.filter((device) => device.kind === kind && device.deviceId);
  const canChooseSpeaker = 'setSinkId' in HTMLMediaElement.prototype;
  return (
    <div className="audio-check-panel">
      {problem ? <p className="field-error">{problem}</p> : null}
      <label htmlFor={ids.microphone}>Microphone</label>
      <select
        id={ids.microphone}
        value={chosen.microphone ?? ''}
        onChange={(event) => choose({ microphone: event.target.value || null })}
      >
        <option value="">The browser's default</option>
        {of('audioinput').map((device, i) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label || `Microphone ${i + 1}`}
          </option>
        ))}
      </select>
      <meter aria-label="Microphone level" min={0} max={1} low={0.05} value={level} />
      {canChooseSpeaker ? (
        <>
          <label htmlFor={ids.speaker}>Speaker</label>
          <select
            id={ids.speaker}
            value={chosen.speaker ?? ''}
            onChange={(event) => choose({ speaker: event.target.value || null })}
          >
            <option value="">The browser's default</option>
            {of('audiooutput').map((device, i) => (
              <option key={device.deviceId} value={device.deviceId}>
                {device.label || `Speaker ${i + 1}`}
              </option>
            ))}
          </select>
        </>
      ) : null}
      <button type="button" onClick={playTestTone}>
        Play a test tone
      </button>
    </div>
  );
}

/** One second of a soft tone on the chosen speaker. */
function playTestTone(): void {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  const out = context.createMediaStreamDestination();
  oscillator.frequency.value = TONE_HZ;
  gain.gain.value = 0.2;
  oscillator.connect(gain).connect(out);
  const element = new Audio();
  element.srcObject = out.stream;
  playOnChosenSpeaker(element);
  oscillator.start();
  void element.play().catch(() => undefined);
  oscillator.stop(context.currentTime + 1);
  oscillator.onended = () => {
    element.srcObject = null;
    void context.close();
  };
}
