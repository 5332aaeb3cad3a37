/**
 * What the browser tests of the desktop and the widget share: a real `switchboard start` in its own process,
 * Debian's Chromium, the desktop's and widget's builds, the public API as a client, and page helpers for the
 * agent's desktop, a customer's website with the widget, and a chat center set up through the API.
 */
export { ApiClient, ApiError } from '@switchboard/cli/api-client';
export { AgentDesk } from './agent.ts';
export {
  addSpecialistQueue,
  addTeamLead,
  type ChatAgent,
  type ChatCenter,
  setUpChatCenter,
  WIDGET_TEXTS,
} from './chat-center.ts';
export { Customer, customerSite } from './customer.ts';
export * from './harness.ts';
