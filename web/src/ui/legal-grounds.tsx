/**
 * Legal grounds (for refusing or declining) as a department edits them in its settings: the form
 * values, their conversion from and to the API, and the four fields of one ground. The wording
 * (legends, hints, add/remove buttons) stays with the module.
 */
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import { TextField } from './field.js';

export interface GroundValues {
  code: string;
  label: string;
  labelZh: string;
  legalReference: string;
}

interface ApiGround {
  code: string;
  label: string;
  labelZh: string | null;
  legalReference: string;
}

export const emptyGround: GroundValues = { code: '', label: '', labelZh: '', legalReference: '' };

export function groundValues(grounds: ApiGround[]): GroundValues[] {
  return grounds.map((g) => ({ code: g.code, label: g.label, labelZh: g.labelZh ?? '', legalReference: g.legalReference }));
}

export function groundsForApi(grounds: GroundValues[]): ApiGround[] {
  return grounds.map((g) => ({ code: g.code.trim(), label: g.label, labelZh: g.labelZh.trim() || null, legalReference: g.legalReference }));
}

/** Code, label, Chinese label and legal reference of ground `index`, named `${listName}.${index}.…` for server messages. */
export function GroundFields({
  index,
  listName,
  ground,
  labels,
  onChange,
  error,
}: {
  index: number;
  listName: string;
  ground: GroundValues;
  labels: { code: string; codeHint?: ReactNode; label: string; labelZh: string; legalReference: string };
  onChange(patch: Partial<GroundValues>): void;
  error: ApiError | null;
}) {
  const i = index;
  return (
    <>
      <TextField id={`ground-${i}-code`} name={`${listName}.${i}.code`} label={labels.code} hint={labels.codeHint} maxLength={40} value={ground.code} onChange={(code) => onChange({ code })} error={error} />
      <TextField id={`ground-${i}-label`} name={`${listName}.${i}.label`} label={labels.label} maxLength={300} value={ground.label} onChange={(label) => onChange({ label })} error={error} />
      <TextField id={`ground-${i}-label-zh`} name={`${listName}.${i}.labelZh`} optional label={labels.labelZh} maxLength={300} value={ground.labelZh} onChange={(labelZh) => onChange({ labelZh })} error={error} />
      <TextField id={`ground-${i}-reference`} name={`${listName}.${i}.legalReference`} label={labels.legalReference} maxLength={300} value={ground.legalReference} onChange={(legalReference) => onChange({ legalReference })} error={error} />
    </>
  );
}
