/**
 * The filter form above a list: a search landmark named `label`, the fields, and the submit button;
 * `FilterCheckbox` is a yes/no filter ("only mine", "overdue only") in the same form.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button } from '@trussworks/react-uswds';

export function FilterForm({ label, submitLabel, onSubmit, children }: { label: string; submitLabel: string; onSubmit(event: FormEvent): void; children: ReactNode }) {
  return (
    <form className="usa-form civitas-filters" role="search" aria-label={label} onSubmit={onSubmit}>
      {children}
      <Button type="submit">{submitLabel}</Button>
    </form>
  );
}

export function FilterCheckbox({ id, label, checked, onChange }: { id: string; label: ReactNode; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="usa-checkbox margin-y-2">
      <input className="usa-checkbox__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
