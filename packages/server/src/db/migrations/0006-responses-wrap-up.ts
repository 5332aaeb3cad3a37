/**
 * Predefined responses and wrap-up reasons (spec C3).
 *
 * A predefined response is global or tagged to CSQs of its channel (`global` is kept rather than read from
 * the absence of tags, so a response whose CSQs were all deleted applies nowhere instead of everywhere).
 *
 * Wrap-up lists are versioned because edits apply to new contacts only: a contact gets the categories and
 * reasons in force when it was created. Each edit closes the current version (valid_to) and adds the next;
 * a delete closes it. The version in force at t has valid_from <= t < valid_to (or no valid_to).
 */
export const responsesWrapUp = `
create table predefined_responses (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  channel text not null check (channel in ('chat', 'email')),
  title text not null,
  body text not null,
  global boolean not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
create unique index predefined_responses_title on predefined_responses (tenant_id, lower(title));

create table predefined_response_csqs (
  tenant_id uuid not null,
  response_id uuid not null,
  csq_id uuid not null,
  primary key (tenant_id, response_id, csq_id),
  foreign key (tenant_id, response_id) references predefined_responses (tenant_id, id) on delete cascade,
  foreign key (tenant_id, csq_id) references csqs (tenant_id, id) on delete cascade
);
create index predefined_response_csqs_csq on predefined_response_csqs (tenant_id, csq_id);

-- A category across its versions: what reasons belong to.
create table wrap_up_categories (
  id uuid primary key,
  tenant_id uuid not null references tenants (id) on delete cascade,
  created_at timestamptz not null,
  unique (tenant_id, id)
);

create table wrap_up_category_versions (
  version bigint generated always as identity primary key,
  tenant_id uuid not null,
  category_id uuid not null,
  name text not null,
  global boolean not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  unique (tenant_id, version),
  check (valid_to is null or valid_to >= valid_from),
  foreign key (tenant_id, category_id) references wrap_up_categories (tenant_id, id) on delete cascade
);
create unique index wrap_up_category_versions_current on wrap_up_category_versions (tenant_id, category_id)
  where valid_to is null;
create unique index wrap_up_category_versions_name on wrap_up_category_versions (tenant_id, lower(name))
  where valid_to is null;

create table wrap_up_category_csqs (
  tenant_id uuid not null,
  category_version bigint not null,
  csq_id uuid not null,
  primary key (tenant_id, category_version, csq_id),
  foreign key (tenant_id, category_version) references wrap_up_category_versions (tenant_id, version)
    on delete cascade,
  foreign key (tenant_id, csq_id) references csqs (tenant_id, id) on delete cascade
);
create index wrap_up_category_csqs_csq on wrap_up_category_csqs (tenant_id, csq_id);

-- One row per version of a reason; id names the reason across its versions.
create table wrap_up_reasons (
  version bigint generated always as identity primary key,
  tenant_id uuid not null,
  id uuid not null,
  category_id uuid not null,
  name text not null,
  valid_from timestamptz not null,
  valid_to timestamptz,
  check (valid_to is null or valid_to >= valid_from),
  foreign key (tenant_id, category_id) references wrap_up_categories (tenant_id, id) on delete cascade
);
create unique index wrap_up_reasons_current on wrap_up_reasons (tenant_id, id) where valid_to is null;
create unique index wrap_up_reasons_name on wrap_up_reasons (tenant_id, category_id, lower(name))
  where valid_to is null;
create index wrap_up_reasons_category on wrap_up_reasons (tenant_id, category_id, valid_from);
`;
