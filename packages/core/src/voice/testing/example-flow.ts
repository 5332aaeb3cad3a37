export const EXAMPLE_CSQ_ID = '6f1c1b8e-7d2a-4c55-9a59-0b3d6c8e2f10';
export const EXAMPLE_CALENDAR_ID = '0c9a7e44-3a5b-4a2c-8d1e-9f2b6c4d8a31';

/** The example of docs/voice.md: hours, a menu, an account number, a queue, a message when closed. */
export const EXAMPLE_FLOW = {
  format: 1,
  start: 'greeting',
  steps: {
    greeting: { type: 'play', prompts: [{ text: 'Thank you for calling Acme.' }], next: 'hours' },
    hours: { type: 'hours', calendarId: EXAMPLE_CALENDAR_ID, open: 'menu', closed: 'closed' },
    menu: {
      type: 'menu',
      prompt: { text: 'For billing, press 1. For anything else, press 2.' },
      options: { '1': 'account', '2': 'support' },
      otherwise: 'support',
    },
    account: {
      type: 'collect',
      prompt: { text: 'Please enter your account number, then press hash.' },
      variable: 'Account',
      minDigits: 4,
      maxDigits: 12,
      next: 'billing',
      otherwise: 'billing',
    },
    billing: { type: 'set', variable: 'Topic', value: 'Billing', next: 'support' },
    support: {
      type: 'queue',
      csqId: EXAMPLE_CSQ_ID,
      welcome: { text: 'All our agents are busy. Please hold.' },
      comfort: { prompt: { text: 'Thank you for waiting.' }, everySeconds: 30 },
      announcePosition: true,
    },
    closed: {
      type: 'hangup',
      prompt: { text: 'We are closed. Our hours are nine to five, Monday to Friday.' },
    },
  },
};
