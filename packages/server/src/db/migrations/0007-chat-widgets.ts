/**
 * Chat widgets (spec C3): what a website embeds. Branding, form fields, texts, rating and the service-hours
 * messages are one validated jsonb (read back through the defaults, so settings added later need no
 * migration); the calendar and each problem statement's CSQ are real foreign keys, so neither can be deleted
 * while a widget uses it.
 */
export const chatWidgets = `
create table chat_widgets (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  name text not null,
  description text not null default '',
  calendar_id uuid,
  settings jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, name),
  unique (tenant_id, id),
  foreign key (tenant_id, calendar_id) references calendars (tenant_id, id)
);
create index chat_widgets_calendar on chat_widgets (tenant_id, calendar_id) where calendar_id is not null;

create table chat_widget_problem_statements (
  tenant_id uuid not null,
  widget_id uuid not null,
  id uuid not null,
  position smallint not null,
  label text not null,
  csq_id uuid not null,
  primary key (tenant_id, widget_id, id),
  unique (tenant_id, widget_id, position),
  foreign key (tenant_id, widget_id) references chat_widgets (tenant_id, id) on delete cascade,
  foreign key (tenant_id, csq_id) references csqs (tenant_id, id)
);
create index chat_widget_problem_statements_csq on chat_widget_problem_statements (tenant_id, csq_id);
`;
