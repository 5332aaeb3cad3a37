import { FLOW_LIMITS, FLOW_STEP_TYPES, type FlowStepType } from '@switchboard/core';
import { Field } from '../ui/form.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/inputs.tsx';
import { MENU_KEYS, type StepForm } from './call-flow-form.ts';

const TYPE_LABELS: Record<FlowStepType, string> = {
  play: 'Play a message',
  menu: 'Menu (one key)',
  collect: 'Collect digits',
  set: 'Set a variable',
  hours: 'Check opening hours',
  queue: 'Queue for an agent',
  hangup: 'Hang up',
};

export interface StepProps {
  step: StepForm;
  /** The flow's steps, as the exits offer them: [key, name]. */
  steps: readonly (readonly [string, string])[];
  csqs: readonly (readonly [string, string])[];
  calendars: readonly (readonly [string, string])[];
  /** The server's refusals for this step, by field ('prompt/text', 'options/1', …; '' for the step). */
  errors: Record<string, string>;
  change: (patch: Partial<StepForm>) => void;
  rename: (name: string) => void;
  remove: () => void;
}

/** One step of a call flow in the form: its name, its kind, and the fields that kind has. */
export function CallFlowStep(props: StepProps) {
  const { step, change, errors } = props;
  const exit = (
    label: string,
    field: 'next' | 'otherwise' | 'open' | 'closed' | 'afterCall',
    optional = false,
  ) => (
    <SelectField
      label={label}
      value={step[field]}
      options={[['', optional ? '— (none)' : '— choose a step'], ...props.steps]}
      onChange={(value) => change({ [field]: value })}
      error={errors[field]}
    />
  );
  const text = (
    label: string,
    field: 'prompt' | 'retryPrompt' | 'variable' | 'value' | 'comfort',
    path: string = field,
  ) => (
    <TextField
      label={label}
      value={step[field]}
      onChange={(value) => change({ [field]: value })}
      error={errors[path] ?? errors[`${path}/text`]}
      maxLength={FLOW_LIMITS.promptText}
    />
  );
  const count = (label: string, field: 'timeoutSeconds' | 'attempts' | 'minDigits' | 'maxDigits') => (
    <TextField
      label={label}
      value={step[field]}
      onChange={(value) => change({ [field]: value })}
      error={errors[field]}
    />
  );
  return (
    <fieldset className="flow-step" aria-label={`Step ${step.name}`}>
      <legend>{step.name || 'New step'}</legend>
      {errors[''] ? (
        <p className="field-error" role="alert">
          {errors['']}
        </p>
      ) : null}
      <div className="columns">
        <TextField
          label="Step name"
          value={step.name}
          onChange={props.rename}
          maxLength={FLOW_LIMITS.stepName}
        />
        <SelectField
          label="Does"
          value={step.type}
          options={FLOW_STEP_TYPES.map((type) => [type, TYPE_LABELS[type]] as const)}
          onChange={(type) => change({ type })}
          error={errors.type}
        />
      </div>
      {step.type === 'play' ? (
        <>
          <Field label="Messages (one per line, spoken in turn)" error={errors.prompts}>
            {(input) => (
              <textarea
                {...input}
                rows={2}
                value={step.prompt}
                onChange={(e) => change({ prompt: e.target.value })}
              />
            )}
          </Field>
          <div className="columns">{exit('Then', 'next')}</div>
        </>
      ) : null}
      {step.type === 'menu' || step.type === 'collect' ? (
        <>
          {text(step.type === 'menu' ? 'Menu message' : 'Message asking for the digits', 'prompt')}
          {text('Said before trying again (optional)', 'retryPrompt')}
          <div className="columns">
            {count('Seconds to wait for a key (5)', 'timeoutSeconds')}
            {count('Tries (3)', 'attempts')}
          </div>
        </>
      ) : null}
      {step.type === 'menu' ? (
        <>
          <fieldset className="menu-keys">
            <legend>Keys</legend>
            {MENU_KEYS.map((key) => (
              <SelectField
                key={key}
                label={`Key ${key}`}
                value={step.options[key] ?? ''}
                options={[['', '—'], ...props.steps]}
                onChange={(value) => change({ options: { ...step.options, [key]: value } })}
                error={errors[`options/${key}`]}
              />
            ))}
          </fieldset>
          {errors.options ? (
            <p className="field-error" role="alert">
              {errors.options}
            </p>
          ) : null}
          <div className="columns">{exit('When no key or a wrong key, after the last try', 'otherwise')}</div>
        </>
      ) : null}
      {step.type === 'collect' ? (
        <>
          <div className="columns">
            {text('Into the variable', 'variable')}
            {count('Fewest digits (1)', 'minDigits')}
            {count('Most digits (32)', 'maxDigits')}
            <SelectField
              label="Ended by"
              value={step.endKey}
              options={[
                ['#', 'the # key'],
                ['*', 'the * key'],
                ['', 'a pause or the most digits'],
              ]}
              onChange={(endKey) => change({ endKey })}
              error={errors.endKey}
            />
          </div>
          <div className="columns">
            {exit('Then', 'next')}
            {exit('When no digits came, after the last try', 'otherwise')}
          </div>
        </>
      ) : null}
      {step.type === 'set' ? (
        <div className="columns">
          {text('Variable', 'variable')}
          {text('Value', 'value')}
          {exit('Then', 'next')}
        </div>
      ) : null}
      {step.type === 'hours' ? (
        <div className="columns">
          <SelectField
            label="Calendar"
            value={step.calendarId}
            options={[['', '— choose a calendar'], ...props.calendars]}
            onChange={(calendarId) => change({ calendarId })}
            error={errors.calendarId}
          />
          {exit('While open', 'open')}
          {exit('While closed', 'closed')}
        </div>
      ) : null}
      {step.type === 'queue' ? (
        <>
          <div className="columns">
            <SelectField
              label="Voice CSQ"
              value={step.csqId}
              options={[['', '— choose a CSQ'], ...props.csqs]}
              onChange={(csqId) => change({ csqId })}
              error={errors.csqId}
            />
            {exit('After the agent hangs up (a survey)', 'afterCall', true)}
          </div>
          {text('Welcome (optional)', 'prompt', 'welcome')}
          <div className="columns">
            {text('Comfort message (optional)', 'comfort', 'comfort/prompt')}
            <TextField
              label="Every (seconds)"
              value={step.comfortEverySeconds}
              onChange={(comfortEverySeconds) => change({ comfortEverySeconds })}
              error={errors['comfort/everySeconds']}
            />
          </div>
          <CheckboxField
            label="Tell the caller their place in line"
            checked={step.announcePosition}
            onChange={(announcePosition) => change({ announcePosition })}
          />
          <CheckboxField
            label="Tell the caller the expected wait"
            checked={step.announceWait}
            onChange={(announceWait) => change({ announceWait })}
          />
        </>
      ) : null}
      {step.type === 'hangup' ? text('Goodbye message (optional)', 'prompt') : null}
      <div className="row">
        <button type="button" onClick={props.remove}>
          Remove step {step.name}
        </button>
      </div>
    </fieldset>
  );
}
