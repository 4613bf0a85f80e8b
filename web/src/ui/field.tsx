/**
 * Form fields with their label, hint and the server's message for that input, wired together with
 * aria-describedby so screen readers read the hint and the error with the input.
 */
import type { ChangeEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, FormGroup, Label, Select, TextInput, Textarea } from '@trussworks/react-uswds';
import type { ApiError } from '../api.js';

/** What a field passes to its control. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The message to show under the label, usually `error?.fieldMessage(name)`. */
  error?: string | undefined;
  /** Adds "(optional)" to the label; required fields are not marked (plain-language guidance). */
  optional?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ id, label, hint, error, optional, className, children }: FieldProps) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <FormGroup error={Boolean(error)} className={className}>
      <Label htmlFor={id} error={Boolean(error)}>
        {label}
        {optional ? <span className="usa-hint"> {t('form.optional')}</span> : null}
      </Label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
      {children(control)}
    </FormGroup>
  );
}

interface BaseInputProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  /** The failed request; the field shows the message whose path is `name` (or `errorPath`). */
  error?: ApiError | null;
  errorPath?: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}

function messageFor(error: ApiError | null | undefined, path: string): string | undefined {
  return error?.fieldMessage(path);
}

export interface TextFieldProps extends BaseInputProps {
  type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'date' | 'number';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'url';
  maxLength?: number;
}

/** A labelled text input bound to a string. */
export function TextField(props: TextFieldProps) {
  const { id, name, label, hint, optional, error, errorPath, value, onChange, className, type = 'text' } = props;
  const message = messageFor(error, errorPath ?? name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={message} className={className}>
      {(control) =>
        type === 'date' || type === 'number' ? (
          <input
            {...control}
            className={message ? 'usa-input usa-input--error' : 'usa-input'}
            name={name}
            type={type}
            value={value}
            required={!optional}
            autoComplete={props.autoComplete}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <TextInput
            {...control}
            name={name}
            type={type}
            value={value}
            required={!optional}
            autoComplete={props.autoComplete}
            inputMode={props.inputMode}
            maxLength={props.maxLength}
            validationStatus={message ? 'error' : undefined}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}

/** A labelled textarea bound to a string. */
export function TextAreaField(props: BaseInputProps & { maxLength?: number }) {
  const { id, name, label, hint, optional, error, errorPath, value, onChange, className } = props;
  const message = messageFor(error, errorPath ?? name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={message} className={className}>
      {(control) => (
        <Textarea
          {...control}
          name={name}
          value={value}
          required={!optional}
          maxLength={props.maxLength}
          error={Boolean(message)}
          onChange={(event: ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select bound to a string; `emptyLabel` adds a first option with value ''. */
export function SelectField(props: BaseInputProps & { options: SelectOption[]; emptyLabel?: string }) {
  const { id, name, label, hint, optional, error, errorPath, value, onChange, className, options, emptyLabel } = props;
  const message = messageFor(error, errorPath ?? name);
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={message} className={className}>
      {(control) => (
        <Select
          {...control}
          name={name}
          value={value}
          required={!optional}
          validationStatus={message ? 'error' : undefined}
          onChange={(event: ChangeEvent<HTMLSelectElement>) => onChange(event.target.value)}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
