import { type ReactNode, type RefObject, useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';

/** A labelled input whose server-side error (if any) is shown beneath it and announced to screen readers. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (input: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const describedBy = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, 'aria-invalid': Boolean(props.error), 'aria-describedby': describedBy })}
      {props.error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {props.error}
        </p>
      ) : props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

export interface Submission {
  busy: boolean;
  /** A message for the form as a whole (no field to pin it to). */
  error: string | null;
  fields: Record<string, string>;
  /** The whole refusal's message, whether or not it names fields. */
  message: string | null;
  /** Counts refusals, so that each one moves the focus anew. */
  refusals: number;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/** Runs a save, keeping the server's refusal: field errors next to their fields, the rest above the form. */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [refusals, setRefusals] = useState(0);
  return {
    busy,
    error,
    fields,
    message,
    refusals,
    clear: () => {
      setError(null);
      setFields({});
      setMessage(null);
    },
    run: async (action) => {
      setBusy(true);
      setError(null);
      setFields({});
      setMessage(null);
      try {
        await action();
        return true;
      } catch (failure) {
        const text = failure instanceof Error ? failure.message : String(failure);
        if (failure instanceof ApiError && Object.keys(failure.fields).length > 0) setFields(failure.fields);
        else setError(text);
        setMessage(text);
        setRefusals((n) => n + 1);
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}

export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/**
 * After each refusal, moves the focus to the first field marked invalid. A refusal naming a field the form
 * does not show (or shows nowhere) would go unseen: its message is returned to be shown above the form.
 */
export function useFirstInvalidField(
  form: RefObject<HTMLElement | null>,
  submission: Submission,
): string | null {
  const [unplaced, setUnplaced] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per refusal
  useEffect(() => {
    if (submission.refusals === 0) return;
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
    setUnplaced(invalid || submission.error ? null : submission.message);
  }, [submission.refusals]);
  return submission.message ? unplaced : null;
}
