/**
 * The report API's shapes (`GET /reports/{template}`, `/contacts/{id}/journey`, `/report-definitions`) as the
 * screens read them. Reports are generic (columns described beside the rows), so rows stay loosely typed.
 */
export const TEMPLATES = [
  'csq-activity',
  'call-type',
  'agent-summary',
  'agent-state',
  'agent-detail',
  'abandoned',
  'wfm-interval',
] as const;
export type Template = (typeof TEMPLATES)[number];

export const TEMPLATE_LABELS: Record<Template, string> = {
  'csq-activity': 'CSQ activity',
  'call-type': 'Call type',
  'agent-summary': 'Agent summary',
  'agent-state': 'Agent state (Not Ready reasons)',
  'agent-detail': 'Agent detail',
  abandoned: 'Abandoned contacts',
  'wfm-interval': 'Interval history (WFM)',
};

export const ROW_SIZES = ['15', '30', '60', 'day'] as const;
export type RowSize = (typeof ROW_SIZES)[number];

export const CHANNELS = ['voice', 'chat', 'email'] as const;
export type ReportChannel = (typeof CHANNELS)[number];

/** What a contacts drill-down lists: the contacts behind one figure of one row. */
export const DRILL_KINDS = [
  'offered',
  'answered',
  'handled',
  'abandoned',
  'dequeued',
  'withinThreshold',
] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export interface ReportColumn {
  name: string;
  label: string;
  type: 'string' | 'integer' | 'number' | 'ratio' | 'datetime';
  unit: 's' | null;
}

export type ReportValue = string | number | boolean | null;
export type ReportRow = Record<string, ReportValue>;

export interface Report {
  template: Template | 'contacts';
  timeZone: string;
  from: string;
  to: string;
  rowMinutes: 15 | 30 | 60 | 'day';
  summarize: boolean;
  columns: ReportColumn[];
  rows: ReportRow[];
  next: string | null;
}

export interface JourneyStep {
  at: string;
  type: string;
  label: string;
  agentName?: string | null;
  csqName?: string | null;
  detail?: string | null;
}

export interface Journey {
  contact: {
    id: string;
    channel: string;
    callType: string | null;
    createdAt: string;
    outcome: string | null;
  };
  steps: JourneyStep[];
}

export interface SavedDefinition {
  id: string;
  name: string;
  template: Template;
  query: Record<string, string>;
  createdAt: string;
}
