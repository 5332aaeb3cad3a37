/**
 * Telling an agent about a new offer while the desktop is in the background: a system notification (when the
 * agent allowed them) and a short two-tone chime made with Web Audio, so no sound file has to be fetched.
 */
let audio: AudioContext | null = null;

export function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.18, 1175],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.17);
    }
  } catch {
    // No audio device (or autoplay refused before any click): the visual alert still shows.
  }
}

export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export async function askForNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  return (await Notification.requestPermission()) === 'granted';
}

/** Alerts only when the agent is looking elsewhere; in front of them the offer card is enough. */
export function alertInBackground(title: string, body: string): void {
  if (!document.hidden) return;
  chime();
  if (notificationsAllowed()) {
    const notification = new Notification(title, { body, tag: 'switchboard-offer' });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  }
}
