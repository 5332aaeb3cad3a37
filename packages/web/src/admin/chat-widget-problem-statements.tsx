import { LIMITS } from '@switchboard/core';
import type { Csq } from '../api/types.ts';
import { SelectField, TextField } from '../ui/inputs.tsx';
import type { ProblemStatement, SectionProps, WidgetForm } from './chat-widget-types.ts';
import type { FormProps } from './crud-page.tsx';

/** The problem statements a customer chooses from, each routed to a chat CSQ. */
export function ProblemStatementsSection({
  form,
  set,
  err,
  errors,
  chatCsqs,
}: SectionProps & Pick<FormProps<WidgetForm>, 'set' | 'errors'> & { chatCsqs: Csq[] }) {
  const statements = form.problemStatements;
  const setStatement = (i: number, patch: Partial<ProblemStatement>) =>
    set((now) => ({
      problemStatements: now.problemStatements.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    }));
  const csqOptions = [
    ['', '— choose a chat CSQ —'] as const,
    ...chatCsqs.map((q) => [q.id, q.name] as const),
  ];
  return (
    <fieldset>
      <legend>Problem statements (each goes to a chat CSQ; 1 to {LIMITS.widgetProblemStatements.max})</legend>
      {errors.problemStatements && !Object.keys(errors).some((k) => k.startsWith('problemStatements/')) ? (
        <p className="field-error" role="alert">
          {errors.problemStatements}
        </p>
      ) : null}
      {statements.map((statement, i) => (
        <div className="row" key={statement.id ?? `new-${i}`}>
          <TextField
            label={`Problem statement ${i + 1}`}
            value={statement.label}
            onChange={(label) => setStatement(i, { label })}
            error={err(`problemStatements/${i}/label`)}
          />
          <SelectField
            label={`CSQ for problem statement ${i + 1}`}
            value={statement.csqId}
            options={csqOptions}
            onChange={(csqId) => setStatement(i, { csqId })}
            error={err(`problemStatements/${i}/csqId`)}
          />
          <button
            type="button"
            disabled={statements.length <= 1}
            onClick={() => set({ problemStatements: statements.filter((_, j) => j !== i) })}
          >
            Remove problem statement {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={statements.length >= LIMITS.widgetProblemStatements.max}
        onClick={() =>
          set({ problemStatements: [...statements, { label: '', csqId: chatCsqs[0]?.id ?? '' }] })
        }
      >
        Add a problem statement
      </button>
    </fieldset>
  );
}
