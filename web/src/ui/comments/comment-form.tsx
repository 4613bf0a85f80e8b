/**
 * The form to write, answer or correct a comment: the text, the stance where the resource asks for
 * one, and in whose name to speak (yourself, an organization you represent, a post you hold).
 * What was typed stays after a refused submit; the server's field errors show next to the fields.
 */
import { useId, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorMessage, Fieldset, Form, Radio } from '@trussworks/react-uswds';
import type { ApiError } from '../../api.js';
import { ApiErrorAlert } from '../api-error-alert.js';
import { SelectField, TextAreaField } from '../field.js';
import { useLocalize } from '../localize.js';
import { stances, type CommentThreadData, type Stance } from './types.js';

export interface CommentFormValues {
  body: string;
  stance: Stance | '';
  /** '' for yourself, `org:<id>` or `post:<id>`. */
  speakAs: string;
}

export const emptyCommentForm: CommentFormValues = { body: '', stance: '', speakAs: '' };

export interface CommentFormProps {
  values: CommentFormValues;
  onChange: (values: CommentFormValues) => void;
  onSubmit: () => void;
  onCancel?: () => void;
  pending: boolean;
  error: ApiError | null;
  /** `required` for top-level comments where the resource asks for a stance, `optional` for replies there. */
  stanceMode: 'required' | 'optional' | 'none';
  /** Offered for new comments and replies, not for edits. */
  speakAs?: CommentThreadData['speakAs'];
  label: string;
  submitLabel: string;
  hint?: string;
}

export function CommentForm({ values, onChange, onSubmit, onCancel, pending, error, stanceMode, speakAs, label, submitLabel, hint }: CommentFormProps) {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const id = useId();
  const set = (patch: Partial<CommentFormValues>) => onChange({ ...values, ...patch });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  const stanceError = error?.fieldMessage('stance');
  const speakAsOptions = speakAs
    ? [
        ...speakAs.organizations.map((o) => ({ value: `org:${o.id}`, label: t('comments.form.forOrganization', { name: pick(o.name, o.nameZh) }) })),
        ...speakAs.posts.map((p) => ({
          value: `post:${p.id}`,
          label: t('comments.form.asOfficial', { post: pick(p.title, p.titleZh), department: pick(p.departmentName, p.departmentNameZh) }),
        })),
      ]
    : [];
  const otherProblem = error && error.fields.length === 0 ? error : null;

  return (
    <Form onSubmit={submit} noValidate className="maxw-full margin-y-2">
      <ApiErrorAlert error={otherProblem} />
      {error && error.fields.length > 0 ? (
        <p className="usa-error-message" role="alert">
          {t('errors.checkFields')}
        </p>
      ) : null}
      <TextAreaField
        id={`${id}-body`}
        name="body"
        label={label}
        hint={hint}
        maxLength={5000}
        value={values.body}
        onChange={(body) => set({ body })}
        error={error}
        className="maxw-full"
      />
      {stanceMode !== 'none' ? (
        <Fieldset
          legend={stanceMode === 'required' ? t('comments.form.stance') : `${t('comments.form.stance')} ${t('form.optional')}`}
          className={stanceError ? 'usa-form-group usa-form-group--error' : 'usa-form-group'}
        >
          {stanceError ? <ErrorMessage id={`${id}-stance-error`}>{stanceError}</ErrorMessage> : null}
          <div className="civitas-checkbox-row">
            {stances.map((stance) => (
              <Radio
                key={stance}
                id={`${id}-stance-${stance}`}
                name={`${id}-stance`}
                value={stance}
                label={t(`comments.stance.${stance}`)}
                checked={values.stance === stance}
                onChange={(event: ChangeEvent<HTMLInputElement>) => set({ stance: event.target.value as Stance })}
                aria-describedby={stanceError ? `${id}-stance-error` : undefined}
              />
            ))}
            {stanceMode === 'optional' && values.stance ? (
              <Button type="button" unstyled onClick={() => set({ stance: '' })}>
                {t('comments.form.noStance')}
              </Button>
            ) : null}
          </div>
        </Fieldset>
      ) : null}
      {speakAsOptions.length > 0 ? (
        <SelectField
          id={`${id}-speak-as`}
          name="speakAs"
          label={t('comments.form.speakAs')}
          optional
          options={speakAsOptions}
          emptyLabel={t('comments.form.asMyself')}
          value={values.speakAs}
          onChange={(speakAs) => set({ speakAs })}
          error={error}
          errorPath={error?.fieldMessage('organizationId') ? 'organizationId' : 'postId'}
        />
      ) : null}
      <div className="margin-top-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('common.working') : submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" outline onClick={onCancel}>
            {t('comments.form.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}

/** The request body parts for the chosen stance and voice. */
export function commentPayload(values: CommentFormValues, withVoice: boolean) {
  const [kind, id] = values.speakAs.split(':');
  return {
    body: values.body,
    stance: values.stance || null,
    ...(withVoice && kind === 'org' ? { organizationId: id } : {}),
    ...(withVoice && kind === 'post' ? { postId: id } : {}),
  };
}
