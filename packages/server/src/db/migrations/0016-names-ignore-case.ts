/**
 * Names are unique per tenant ignoring case: `billing` beside `Billing` is one name said twice. Rows that
 * already clash only by case keep the first one's name (oldest first); each later one gets the first free
 * suffix " (2)", " (3)"… so that no row is lost and an administrator can rename it. The name is cut short
 * where needed so that name and suffix stay within the column's limit (core/limits.ts; CSQs: 60), or the
 * administration form would refuse to save the row as it stands.
 * Users, predefined responses and wrap-up names already compared without
 * case; reason codes are known by their kind and number, not their label.
 */
export const namesIgnoreCase = `
do $$
declare
  target record;
  clash record;
  suffix integer;
  candidate text;
  taken boolean;
begin
  for target in
    select * from (values
      ('skills', 'name', 'tenant_id', 60),
      ('teams', 'name', 'tenant_id', 60),
      ('csqs', 'name', 'tenant_id', 60),
      ('calendars', 'name', 'tenant_id', 100),
      ('chat_widgets', 'name', 'tenant_id', 60)
    ) as t (tbl, col, scope, max_length)
  loop
    for clash in execute format(
      'select id, %2$I as value from (
         select id, %2$I, created_at,
           row_number() over (partition by %3$s, lower(%2$I) order by created_at, id) as position
         from %1$I) ranked
       where position > 1 order by created_at, id',
      target.tbl, target.col, target.scope)
    loop
      suffix := 2;
      loop
        candidate := ' (' || suffix || ')';
        candidate := rtrim(left(clash.value, target.max_length - char_length(candidate))) || candidate;
        execute format(
          'select exists (select 1 from %1$I o join %1$I r on (%3$s) = (%4$s)
             where r.id = $1 and lower(o.%2$I) = lower($2))',
          target.tbl, target.col,
          regexp_replace(target.scope, '(\\w+)', 'o.\\1', 'g'),
          regexp_replace(target.scope, '(\\w+)', 'r.\\1', 'g'))
          into taken using clash.id, candidate;
        exit when not taken;
        suffix := suffix + 1;
      end loop;
      execute format('update %1$I set %2$I = $1 where id = $2', target.tbl, target.col)
        using candidate, clash.id;
    end loop;
  end loop;
end
$$;

alter table skills drop constraint skills_tenant_id_name_key;
create unique index skills_name_ci on skills (tenant_id, lower(name));
alter table teams drop constraint teams_tenant_id_name_key;
create unique index teams_name_ci on teams (tenant_id, lower(name));
alter table csqs drop constraint csqs_tenant_id_name_key;
create unique index csqs_name_ci on csqs (tenant_id, lower(name));
alter table calendars drop constraint calendars_tenant_id_name_key;
create unique index calendars_name_ci on calendars (tenant_id, lower(name));
alter table chat_widgets drop constraint chat_widgets_tenant_id_name_key;
create unique index chat_widgets_name_ci on chat_widgets (tenant_id, lower(name));
`;
