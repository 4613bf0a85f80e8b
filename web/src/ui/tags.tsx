import { useTranslation } from 'react-i18next';
import { Tag } from '@trussworks/react-uswds';
import type { OrganizationStatus, Sector } from '../api-types.js';

/** The sector of an organization as a coloured tag (government, enterprise, social organization). */
export function SectorTag({ sector }: { sector: Sector }) {
  const { t } = useTranslation();
  return <Tag className={`civitas-tag civitas-tag--${sector}`}>{t(`sector.${sector}`)}</Tag>;
}

/** Verified / pending verification / rejected. */
export function StatusTag({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return <Tag className={`civitas-tag civitas-tag--${status}`}>{t(`organizationStatus.${status}`)}</Tag>;
}
