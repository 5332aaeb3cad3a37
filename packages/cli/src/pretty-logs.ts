import pretty from 'pino-pretty';

interface RequestFields {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
}

/** `request completed GET /api/v1/csqs 200 in 4 ms`: a request's fields folded into its line. */
export function formatMessage(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime } = log as RequestFields;
  const parts = [String(log[messageKey] ?? '')];
  if (req) parts.push(`${req.method} ${req.url}`);
  if (res?.statusCode !== undefined) parts.push(String(res.statusCode));
  if (typeof responseTime === 'number') parts.push(`in ${Math.round(responseTime)} ms`);
  return parts.filter(Boolean).join(' ');
}

/** Log lines for a person at a terminal; synchronous, so they keep their place among the start banner's. */
export const prettyLogs = () =>
  pretty({
    sync: true,
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,req,res,responseTime',
    messageFormat: formatMessage,
  });
