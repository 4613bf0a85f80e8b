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

/**
 * The state of an item as a coloured tag (`colour` a USWDS background or civitas-tag class), with a
 * red "hidden" tag after it when moderators hid the item (`hiddenLabel` given).
 */
export function StateTags({ colour, label, testId, hiddenLabel }: { colour: string; label: string; testId: string; hiddenLabel?: string | null }) {
  return (
    <span className="civitas-tags">
      <Tag className={`civitas-tag ${colour}`} data-testid={testId}>
        {label}
      </Tag>
      {hiddenLabel ? <Tag className="civitas-tag bg-error-dark">{hiddenLabel}</Tag> : null}
    </span>
  );
}
