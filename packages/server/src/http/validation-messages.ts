import { LIMITS } from '@switchboard/core';

/** One schema violation as Ajv reports it (with `verbose`, the schema that holds the keyword). */
export interface SchemaIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
  parentSchema?: object | boolean;
}

/** What a refused request's details list per field: where, and what to fix, in plain words. */
export interface FieldIssue {
  /** `body/branding/titleColor`, `query/limit`: the part of the request and the field's path in it. */
  path: string;
  /** The field's path within that part (`branding/titleColor`), as a form names its inputs. */
  field: string;
  message: string;
}

const NAME_PATTERN = '^\\S(.*\\S)?$';
/** What each pattern of the product's limits asks for, in words. */
const PATTERNS: Record<string, string> = {
  [NAME_PATTERN]: 'must not be blank or start or end with a space',
  '\\S': 'must not be blank',
  [LIMITS.username.pattern]:
    'may hold only letters, digits and . _ @ - (no spaces), starting with a letter or digit',
  [LIMITS.extension.pattern]: 'may hold only digits, *, # and +',
  [LIMITS.phoneNumber.pattern]: 'must be 2 to 20 digits, with or without a + in front',
  [LIMITS.agentAlias.pattern]: 'must not contain < or >',
  [LIMITS.tenantName.pattern]:
    'may hold only lower-case letters, digits and dashes, with no dash at either end',
  [LIMITS.widgetColour.pattern]: 'must be a colour written #rrggbb',
  [LIMITS.widgetFontFamily.pattern]: 'may hold only font names: letters, digits, spaces and , \' " . _ -',
};
const FORMATS: Record<string, string> = {
  uuid: 'an id (a UUID)',
  'date-time': 'a date and time such as 2026-12-24T16:30:00Z',
  date: 'a date written YYYY-MM-DD',
  email: 'an email address',
  uri: 'a web address',
};
const TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'empty (null)',
};

/** `titleColor` → `title color`. */
const words = (segment: string) => segment.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * How a field is named to a person: its own name, then where it sits.
 * @example fieldLabel('problemStatements/0/label') // 'Label (problem statements 1)'
 */
export function fieldLabel(field: string): string {
  const segments = field.split('/').filter(Boolean);
  if (segments.length === 0) return 'The request';
  let last = segments.length - 1;
  while (last > 0 && /^\d+$/.test(segments[last] ?? '')) last--;
  const own = words(segments[last] ?? '');
  const trail = segments.slice(last + 1).map((index) => `entry ${Number(index) + 1}`);
  const around = segments.slice(0, last).map((s) => (/^\d+$/.test(s) ? String(Number(s) + 1) : words(s)));
  const named = trail.length > 0 ? `${own} ${trail.join(' ')}` : own;
  return capital(around.length > 0 ? `${named} (${around.join(' ')})` : named);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function problem(issue: SchemaIssue): string {
  const params = issue.params ?? {};
  const limit = Number(params.limit);
  const schema: { description?: unknown } = typeof issue.parentSchema === 'object' ? issue.parentSchema : {};
  switch (issue.keyword) {
    case 'maxLength':
      return `must be at most ${plural(limit, 'character', 'characters')}`;
    case 'minLength':
      return limit === 1
        ? 'must not be empty'
        : `must be at least ${plural(limit, 'character', 'characters')}`;
    case 'maxItems':
      return `may have at most ${plural(limit, 'entry', 'entries')}`;
    case 'minItems':
      return `must have at least ${plural(limit, 'entry', 'entries')}`;
    case 'minimum':
      return `must be at least ${limit}`;
    case 'maximum':
      return `must be at most ${limit}`;
    case 'exclusiveMinimum':
      return `must be more than ${limit}`;
    case 'exclusiveMaximum':
      return `must be less than ${limit}`;
    case 'pattern':
      return (
        PATTERNS[String(params.pattern)] ??
        (typeof schema.description === 'string'
          ? `must be written as: ${schema.description.replace(/\.$/, '')}`
          : 'is not written in the expected form')
      );
    case 'enum':
      return `must be one of: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'type':
      return `must be ${String(params.type)
        .split(',')
        .map((t) => TYPES[t] ?? t)
        .join(' or ')}`;
    case 'format':
      return `must be ${FORMATS[String(params.format)] ?? `in the ${String(params.format)} format`}`;
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a known field; remove it';
    case 'uniqueItems':
      return 'must not list the same entry twice';
    default:
      return issue.message ?? 'is not valid';
  }
}

/**
 * One Ajv issue as a sentence that names the field and says what to fix, with that field's path.
 * @example plainIssue('body', { instancePath: '/name', keyword: 'maxLength', params: { limit: 60 } })
 *   // { path: 'body/name', field: 'name', message: 'Name must be at most 60 characters.' }
 */
export function plainIssue(part: string, issue: SchemaIssue): FieldIssue {
  const params = issue.params ?? {};
  const extra =
    issue.keyword === 'required'
      ? params.missingProperty
      : issue.keyword === 'additionalProperties'
        ? params.additionalProperty
        : undefined;
  const field = `${(issue.instancePath ?? '').replace(/^\//, '')}${extra ? `/${String(extra)}` : ''}`.replace(
    /^\//,
    '',
  );
  const label = issue.keyword === 'additionalProperties' ? `“${String(extra)}”` : fieldLabel(field);
  return { path: field ? `${part}/${field}` : part, field, message: `${label} ${problem(issue)}.` };
}
