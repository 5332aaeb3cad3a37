import { createHash } from 'node:crypto';

/** A short hash of a text, to tell whether what a capture would write equals what it wrote before. */
export const textHash = (text: string): string => createHash('sha1').update(text).digest('base64url');
