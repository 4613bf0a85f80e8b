/**
 * Seed statements as pairs of English and Chinese text, with a button to add another and one to
 * remove each; field errors from the server (`seeds.2.body`, `statements.0.body`) appear under the
 * right input.
 */
import { useTranslation } from 'react-i18next';
import { Button, Fieldset } from '@trussworks/react-uswds';
import type { ApiError } from '../../../../web/src/api.js';
import { TextField } from '../../../../web/src/ui/field.js';
import { STATEMENT_MAX } from './types.js';

export interface SeedPair {
  body: string;
  bodyZh: string;
}

export const emptySeed = (): SeedPair => ({ body: '', bodyZh: '' });

/** The pairs to send: empty ones left out, an empty translation sent as null. */
export function seedPayload(seeds: SeedPair[]) {
  return seeds.filter((s) => s.body.trim() !== '').map((s) => ({ body: s.body.trim(), bodyZh: s.bodyZh.trim() || null }));
}

export function SeedFields({ seeds, onChange, error, path, legend }: { seeds: SeedPair[]; onChange: (seeds: SeedPair[]) => void; error: ApiError | null; path: 'seeds' | 'statements'; legend: string }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<SeedPair>) => onChange(seeds.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  return (
    <Fieldset legend={legend} className="margin-top-3" data-testid="seed-fields">
      <p className="usa-hint">{t('opinions.seeds.hint')}</p>
      {seeds.map((seed, i) => (
        <div key={i} className="border-left-05 border-base-lighter padding-left-2 margin-bottom-2">
          <TextField
            id={`seed-${i}`}
            name={`${path}.${i}.body`}
            label={t('opinions.seeds.statement', { n: i + 1 })}
            optional={seeds.length > 1}
            maxLength={STATEMENT_MAX}
            value={seed.body}
            onChange={(v) => set(i, { body: v })}
            error={error}
          />
          <TextField
            id={`seed-${i}-zh`}
            name={`${path}.${i}.bodyZh`}
            label={t('opinions.seeds.statementZh', { n: i + 1 })}
            optional
            maxLength={STATEMENT_MAX}
            value={seed.bodyZh}
            onChange={(v) => set(i, { bodyZh: v })}
            error={error}
          />
          {seeds.length > 1 ? (
            <Button type="button" unstyled className="margin-top-1" onClick={() => onChange(seeds.filter((_, k) => k !== i))}>
              {t('opinions.seeds.remove', { n: i + 1 })}
            </Button>
          ) : null}
        </div>
      ))}
      <Button type="button" outline onClick={() => onChange([...seeds, emptySeed()])} disabled={seeds.length >= 100}>
        {t('opinions.seeds.add')}
      </Button>
    </Fieldset>
  );
}
