import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType, core } from 'zod';
import type { FieldError } from '../errors.js';

/** Request input that failed its zod schema; the error handler turns it into a 400 with field errors. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: core.$ZodIssue[],
    readonly part: string,
  ) {
    super('validation_failed');
  }
}

/** Validates request parts with zod, keeping each issue's input so messages can say "required". */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

/** Maps zod issues to field errors whose codes are i18n keys (`validation.required`, ...). */
export function fieldErrorsOf(issues: core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'invalid_type':
        out.push(
          issue.input === undefined
            ? { path, code: 'validation.required' }
            : { path, code: 'validation.invalid_type', params: { expected: issue.expected } },
        );
        break;
      case 'too_small': {
        const kind = issue.origin === 'string' ? 'too_short' : issue.origin === 'array' || issue.origin === 'set' ? 'too_few' : 'too_small';
        out.push({ path, code: `validation.${kind}`, params: { minimum: Number(issue.minimum) } });
        break;
      }
      case 'too_big': {
        const kind = issue.origin === 'string' ? 'too_long' : issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'too_big';
        out.push({ path, code: `validation.${kind}`, params: { maximum: Number(issue.maximum) } });
        break;
      }
      case 'invalid_format': {
        const known: Record<string, string> = { email: 'invalid_email', uuid: 'invalid_id', url: 'invalid_url', date: 'invalid_date', regex: 'invalid_format' };
        out.push({ path, code: `validation.${known[issue.format] ?? 'invalid_format'}` });
        break;
      }
      case 'invalid_value':
        out.push({ path, code: 'validation.invalid_choice', params: { options: issue.values.map(String).join(', ') } });
        break;
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, code: 'validation.unknown_field' });
        break;
      case 'custom':
        out.push({ path, code: issue.message?.startsWith('validation.') ? issue.message : 'validation.invalid' });
        break;
      default:
        out.push({ path, code: 'validation.invalid' });
    }
  }
  return out;
}
