/**
 * The fields that say whom a citizen writes to and for whom: the department (required), an
 * optional named post in it, and "on behalf of" (myself or an organization the user represents,
 * shown only to representatives). The wording comes from the module; the field names are the
 * API's (`departmentId`, `postId`, `organizationId`) so server messages land on them.
 */
import type { ReactNode } from 'react';
import type { ApiError } from '../api.js';
import { SelectField } from './field.js';
import { useLocalize } from './localize.js';

type Named = { id: string; name: string; nameZh?: string | null };
type Titled = { id: string; title: string; titleZh?: string | null };

interface PickerProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: ApiError | null;
}

/** The department select (also as an optional list filter, "any department" being the empty choice). */
export function DepartmentSelect({ departments, emptyLabel, ...props }: PickerProps & { departments: Named[]; emptyLabel: string; optional?: boolean }) {
  const { name } = useLocalize();
  return <SelectField {...props} name="departmentId" emptyLabel={emptyLabel} options={departments.map((d) => ({ value: d.id, label: name(d) }))} />;
}

/** The post select; nothing when the department has no named posts. */
export function PostSelect({ posts, emptyLabel, ...props }: PickerProps & { posts: Titled[]; emptyLabel: string }) {
  const { title } = useLocalize();
  if (posts.length === 0) return null;
  return <SelectField {...props} name="postId" optional emptyLabel={emptyLabel} options={posts.map((p) => ({ value: p.id, label: title(p) }))} />;
}

/** "Myself" or one of the user's organizations; nothing for someone who represents none. */
export function OnBehalfSelect({
  organizations,
  myselfLabel,
  organizationLabel,
  ...props
}: PickerProps & { organizations: Named[]; myselfLabel: string; organizationLabel(organization: string): string }) {
  const { name } = useLocalize();
  if (organizations.length === 0) return null;
  return <SelectField {...props} name="organizationId" options={[{ value: '', label: myselfLabel }, ...organizations.map((o) => ({ value: o.id, label: organizationLabel(name(o)) }))]} />;
}
