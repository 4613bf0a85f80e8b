/**
 * The kind of problem, picked from the routing table grouped as it is grouped (streets, parks, ...)
 * with native option groups, so it works the same with a screen reader, a keyboard and a phone.
 */
import { Field } from '../../../../web/src/ui/field.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import type { Category } from './types.js';

export interface CategorySelectProps {
  id: string;
  label: string;
  hint?: string;
  categories: Category[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  optional?: boolean;
  error?: string;
}

export function CategorySelect({ id, label, hint, categories, value, onChange, emptyLabel, optional, error }: CategorySelectProps) {
  const { pick } = useLocalize();
  const groups = new Map<string, Category[]>();
  for (const c of categories) {
    const group = pick(c.group, c.groupZh);
    groups.set(group, [...(groups.get(group) ?? []), c]);
  }
  return (
    <Field id={id} label={label} hint={hint} optional={optional} error={error}>
      {(control) => (
        <select {...control} className={error ? 'usa-select usa-input--error' : 'usa-select'} name="categoryId" value={value} required={!optional} onChange={(e) => onChange(e.target.value)}>
          <option value="">{emptyLabel}</option>
          {[...groups.entries()].map(([group, items]) =>
            group ? (
              <optgroup key={group} label={group}>
                {items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {pick(c.name, c.nameZh)}
                  </option>
                ))}
              </optgroup>
            ) : (
              items.map((c) => (
                <option key={c.id} value={c.id}>
                  {pick(c.name, c.nameZh)}
                </option>
              ))
            ),
          )}
        </select>
      )}
    </Field>
  );
}
