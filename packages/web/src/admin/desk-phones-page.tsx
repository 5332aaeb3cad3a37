import { LIMITS } from '@switchboard/core';
import { useState } from 'react';
import type { DeskPhone, DeskPhoneCredentials, User } from '../api/types.ts';
import { useDesk, useLive } from '../live/hooks.ts';
import { FormError, useSubmission } from '../ui/form.tsx';
import { TextField } from '../ui/inputs.tsx';
import { CrudPage, type FormProps } from './crud-page.tsx';
import { ExtensionPatternForm, useExtensionPattern } from './extension-pattern-form.tsx';
import { OutboundDialPlanForm } from './outbound-dial-plan-form.tsx';
import './desk-phones.css';

interface PhoneForm {
  extension: string;
  name: string;
}

/** A phone as the list has it; right after it is added, with its credentials too. */
type Listed = DeskPhone & { credentials?: DeskPhoneCredentials };

/** Credentials just made, and the phone they are for. */
interface Shown {
  phone: Pick<DeskPhone, 'extension' | 'name'>;
  credentials: DeskPhoneCredentials;
  renewed: boolean;
}

/**
 * Desk phones (docs/voice.md): SIP phones on agents' desks, each known by its extension. A phone's password is
 * shown once, when the phone is added or given a new one; the tenant's extension pattern and its outbound dial
 * plan sit above the list.
 */
export function DeskPhonesPage() {
  const { api } = useDesk();
  const pattern = useExtensionPattern();
  const users = useLive(() => api.request<User[]>('GET', `/users?limit=${LIMITS.listPageSize.max}`));
  const userName = new Map((users.data ?? []).map((user) => [user.id, user.displayName]));
  const [shown, setShown] = useState<Shown | null>(null);
  const renewal = useSubmission();
  const renew = (phone: DeskPhone) =>
    renewal.run(async () => {
      const credentials = await api.request<DeskPhoneCredentials>(
        'POST',
        `/desk-phones/${phone.id}/password`,
      );
      setShown({ phone, credentials, renewed: true });
    });
  return (
    <CrudPage<Listed, PhoneForm>
      title="Desk phones"
      noun="desk phone"
      path="/desk-phones"
      columns={[
        { label: 'Extension', render: (phone) => phone.extension },
        { label: 'Name', render: (phone) => phone.name },
        { label: 'SIP username', render: (phone) => <code>{phone.sipUsername}</code> },
        {
          label: 'Taking calls',
          render: (phone) => (phone.agentId ? (userName.get(phone.agentId) ?? 'An agent') : '—'),
        },
      ]}
      blank={() => ({ extension: '', name: '' })}
      toForm={(phone) => ({ extension: phone.extension, name: phone.name })}
      toBody={(form, editing) =>
        editing ? { name: form.name.trim() } : { extension: form.extension.trim(), name: form.name.trim() }
      }
      afterSave={async (saved) => {
        if (saved.credentials) setShown({ phone: saved, credentials: saved.credentials, renewed: false });
        else setShown(null);
      }}
      actions={(phone) => (
        <button
          type="button"
          onClick={() => {
            if (confirm(`Give desk phone ${phone.extension} a new password? The old one stops working.`))
              void renew(phone);
          }}
        >
          New password
        </button>
      )}
      intro={
        <>
          <ExtensionPatternForm state={pattern} />
          <OutboundDialPlanForm />
        </>
      }
      notice={
        <>
          <FormError message={renewal.error} />
          {shown ? <CredentialsPanel shown={shown} onDone={() => setShown(null)} /> : null}
        </>
      }
      fields={(props) => <PhoneFields {...props} pattern={pattern.current} />}
    />
  );
}

function PhoneFields({ form, set, errors, editing, pattern }: FormProps<PhoneForm> & { pattern: string }) {
  return (
    <div className="columns">
      <TextField
        label="Extension"
        value={form.extension}
        onChange={(extension) => set({ extension })}
        error={errors.extension}
        hint={
          editing
            ? 'An extension stays: delete the phone and add another for a new one.'
            : `Digits, *, # and +, fitting the extension pattern ${pattern}`
        }
        maxLength={LIMITS.extension.max}
        disabled={editing}
        required
      />
      <TextField
        label="Name"
        value={form.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        hint="Where it stands, say: Reception, desk 12"
        maxLength={LIMITS.deskPhoneName.max}
        required
      />
    </div>
  );
}

/** The phone's SIP credentials, once: the server keeps only a hash of the password. */
function CredentialsPanel({ shown, onDone }: { shown: Shown; onDone: () => void }) {
  const { phone, credentials, renewed } = shown;
  const label = `desk phone ${phone.extension} (${phone.name})`;
  return (
    <section className="panel secret credentials" role="alert" aria-label={`Credentials of ${label}`}>
      <h2>{renewed ? `New password for ${label}` : `Desk phone ${phone.extension} added`}</h2>
      <p>
        <strong>Shown only now:</strong> set up the phone with these, or note them somewhere safe. Switchboard
        keeps only a hash of the password; if it is lost, give the phone a new password.
        {renewed ? ' The old password no longer works.' : ''}
      </p>
      <dl>
        <dt>SIP username</dt>
        <dd>
          <code data-testid="sip-username">{credentials.sipUsername}</code>
        </dd>
        <dt>Password</dt>
        <dd>
          <code data-testid="sip-password">{credentials.password}</code>
        </dd>
        <dt>Realm</dt>
        <dd>
          <code>{credentials.realm}</code>
        </dd>
        <dt>Registrar</dt>
        <dd>This server's SIP address (the operator's SWITCHBOARD_SIP setting)</dd>
      </dl>
      <button type="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
