import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { Label, Select } from '@trussworks/react-uswds';
import { useLocalize } from '../ui/localize.js';
import { useAreas } from './areas.js';
import { useSession } from './session.js';

/**
 * The area selector of the header (city > district > neighbourhood). Choosing an area opens its
 * home page; the choice is remembered so the home page opens on it next time.
 */
export function AreaSelector({ id = 'area-selector' }: { id?: string }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { rows, selectedSlug, select, bySlug, byId } = useAreas();
  const { session } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (rows.length === 0) return null;
  const value = bySlug(selectedSlug)?.slug ?? byId(session?.user?.areaId)?.slug ?? rows[0]?.area.slug ?? '';
  return (
    <div className="civitas-area-selector">
      <Label htmlFor={id} className="civitas-area-selector__label">
        {t('header.area')}
      </Label>
      <Select
        id={id}
        name="area"
        value={value}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => {
          const slug = event.target.value;
          select(slug);
          if (location.pathname !== `/areas/${slug}`) void navigate(`/areas/${slug}`);
        }}
      >
        {rows.map(({ area, depth }) => (
          <option key={area.id} value={area.slug}>
            {`${'\u00a0\u00a0'.repeat(depth)}${name(area)}`}
          </option>
        ))}
      </Select>
    </div>
  );
}
