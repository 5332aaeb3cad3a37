/**
 * The microphone and speaker this browser's calls use, as the agent chose them (kept in this browser). A device
 * chosen and then unplugged is only preferred: the browser's default stands in, and the call still connects.
 */

const KEY = 'switchboard.audioDevices';

export interface AudioDevices {
  microphone: string | null;
  speaker: string | null;
}

export function chosenDevices(): AudioDevices {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<AudioDevices>;
    return {
      microphone: typeof stored.microphone === 'string' ? stored.microphone : null,
      speaker: typeof stored.speaker === 'string' ? stored.speaker : null,
    };
  } catch {
    return { microphone: null, speaker: null };
  }
}

export function chooseDevices(devices: AudioDevices): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(devices));
  } catch {
    // A browser that keeps nothing (private mode): the choice lasts for this page only.
  }
  remembered = devices;
}

let remembered: AudioDevices | null = null;
const current = () => remembered ?? chosenDevices();

/** The chosen microphone (or `microphone`), preferred but not required. */
export function openMicrophone(microphone = current().microphone): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: microphone ? { deviceId: { ideal: microphone } } : true,
    video: false,
  });
}

/** Plays `element` on the chosen speaker, where the browser can choose one. */
export function playOnChosenSpeaker(element: HTMLAudioElement): void {
  const { speaker } = current();
  const sink = element as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string };
  if (speaker && sink.setSinkId && sink.sinkId !== speaker)
    void sink.setSinkId(speaker).catch(() => undefined);
}
