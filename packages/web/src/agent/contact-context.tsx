import { ContactNotes } from './contact-notes.tsx';
import { CustomerHistory } from './customer-history.tsx';

/** Beside the contact in hand: its notes, and what the customer had with us before (spec C5). */
export function ContactContext(props: { contactId: string; canWrite: boolean }) {
  return (
    <div className="contact-context">
      <ContactNotes contactId={props.contactId} canWrite={props.canWrite} />
      <CustomerHistory contactId={props.contactId} />
    </div>
  );
}
