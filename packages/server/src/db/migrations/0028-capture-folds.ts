/**
 * The capture folds contacts into their detail records every minute, not only at an interval's close:
 * `folded_until` is how far contacts' events are folded; `recount` lists the starts of closed intervals whose
 * figures a close's fold changed, counted again by the next minute's run (so the close itself counts only the
 * interval that closed).
 */
export const captureFolds = `
alter table report_captures add column folded_until timestamptz;
alter table report_captures add column recount jsonb not null default '[]';
`;
