import type { ItemOf } from './types.ts';

/** A request for help on a contact (supervisor and emergency assist), as the API shows it. */
export type AssistRequest = ItemOf<'/assist-requests'>;

export const isAboutAssist = (event: { type: string }) => event.type.startsWith('assist.');
