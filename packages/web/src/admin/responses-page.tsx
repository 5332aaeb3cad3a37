import { LIMITS, RESPONSE_FORBIDDEN_CHARACTERS } from '@switchboard/core';
import type { Csq, PredefinedResponse } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { Field } from '../ui/form.tsx';
import { SelectField, TextField } from '../ui/inputs.tsx';
import { CrudPage } from './crud-page.tsx';
import { appliesTo, CsqTags, csqIdsOf, type Tags, tagsOf } from './csq-tags.tsx';

interface ResponseForm {
  channel: PredefinedResponse['channel'];
  title: string;
  body: string;
  tags: Tags;
}

const CHANNELS = [
  ['chat', 'Chat'],
  ['email', 'Email'],
] as const;
const FORBIDDEN = RESPONSE_FORBIDDEN_CHARACTERS.join(' ');
const { predefinedResponseBody, predefinedResponseCsqs, predefinedResponsesPerTenant } = LIMITS;

/** Predefined responses: texts agents insert into chats and email replies, global or for some CSQs. */
export function ResponsesPage() {
  const { api } = useDesk();
  const csqs = useLive(() => api.request<Csq[]>('GET', '/csqs'));
  return (
    <CrudPage<PredefinedResponse, ResponseForm>
      title="Predefined responses"
      noun="response"
      path="/predefined-responses"
      columns={[
        { label: 'Title', render: (r) => r.title },
        { label: 'Channel', render: (r) => (r.channel === 'chat' ? 'Chat' : 'Email') },
        { label: 'Applies to', render: (r) => appliesTo(r, csqs.data) },
        { label: 'Text', render: (r) => <span className="muted">{preview(r)}</span> },
      ]}
      blank={() => ({ channel: 'chat', title: '', body: '', tags: { global: true, csqIds: [] } })}
      toForm={(r) => ({ channel: r.channel, title: r.title, body: r.body, tags: tagsOf(r) })}
      toBody={(f) => ({ channel: f.channel, title: f.title.trim(), body: f.body, csqIds: csqIdsOf(f.tags) })}
      fields={({ form, set, errors }) => (
        <>
          <div className="columns">
            <SelectField
              label="Channel"
              value={form.channel}
              options={CHANNELS}
              onChange={(channel) => set({ channel, tags: { ...form.tags, csqIds: [] } })}
              error={errors.channel}
            />
            <TextField
              label="Title"
              value={form.title}
              onChange={(title) => set({ title })}
              error={errors.title}
              maxLength={LIMITS.predefinedResponseTitle.max}
              hint={`Unique; none of ${FORBIDDEN}`}
              required
            />
          </div>
          <Field
            label={form.channel === 'email' ? 'Text (HTML)' : 'Text'}
            error={errors.body}
            hint={
              form.channel === 'email'
                ? `Up to ${predefinedResponseBody.max} characters of HTML; scripts and unsafe links are removed`
                : `Up to ${predefinedResponseBody.max} characters; none of ${FORBIDDEN}`
            }
          >
            {(input) => (
              <textarea
                {...input}
                rows={5}
                value={form.body}
                onChange={(e) => set({ body: e.target.value })}
              />
            )}
          </Field>
          <CsqTags
            tags={form.tags}
            csqs={(csqs.data ?? []).filter((q) => q.channel === form.channel)}
            onChange={(tags) => set({ tags })}
            error={errors.csqIds}
            globalLabel={`Global: every ${form.channel} CSQ`}
            hint={`Or up to ${predefinedResponseCsqs.max} ${form.channel} CSQs. At most ${predefinedResponsesPerTenant.max} responses in all.`}
          />
        </>
      )}
    />
  );
}

/** The start of a response as plain text. */
function preview(response: PredefinedResponse): string {
  const text = response.channel === 'email' ? response.body.replace(/<[^>]*>/g, ' ') : response.body;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}
