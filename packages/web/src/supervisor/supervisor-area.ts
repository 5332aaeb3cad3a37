/** The supervisor's screens, loaded together as one chunk the first time a supervisor opens one of them. */
export { AssistAlerts } from './assist-alerts.tsx';
export { ChatExports } from './chat-exports.tsx';
export { QueueView } from './queue-view.tsx';
export { TeamMessages } from './team-messages.tsx';
export { TeamView } from './team-view.tsx';
