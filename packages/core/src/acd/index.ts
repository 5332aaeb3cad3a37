export * from './channel-settings.ts';
export type { WrapUp } from './contact-commands.ts';
export type { TransferTarget } from './contact-moves.ts';
export { AcdEngine } from './engine.ts';
export * from './events.ts';
export * from './model.ts';
export type { AgentSnapshot, ContactSnapshot } from './recovery.ts';
export type { Selection } from './state.ts';
export type { AcdView, AgentView, ContactView, CsqView } from './view.ts';
