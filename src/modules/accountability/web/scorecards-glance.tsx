/**
 * For an area's home page: the departments serving it, each with a few headline figures for the
 * last 12 months (answers on time, commitments on time, residents' rating), linking to the full
 * scorecards. Figures without data are left out rather than shown as zero.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, CardBody, CardGroup, CardHeader } from '@trussworks/react-uswds';
import { api } from '../../../../web/src/api.js';
import { ApiErrorAlert } from '../../../../web/src/ui/api-error-alert.js';
import { Loading } from '../../../../web/src/ui/loading.js';
import { useLocalize } from '../../../../web/src/ui/localize.js';
import { useLoad } from '../../../../web/src/ui/use-load.js';
import { useFormats } from './parts.js';
import type { Scorecard } from './types.js';

const HEADLINES = ['questions.on_time_share', 'proposals.answers_on_time_share', 'accountability.on_time_share', 'accountability.average_rating', 'requests.on_time_share'];

export function ScorecardsGlance({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const { name, language } = useLocalize();
  const { metric } = useFormats();
  const card = useLoad(() => api.get<Scorecard>('/scorecards', { period: 'last_12_months', areaId }), [areaId]);
  const columns = (card.data?.columns ?? []).filter((c) => HEADLINES.includes(c.key));
  const rows = (card.data?.departments ?? []).filter((r) => columns.some((c) => r.values[c.key]?.value !== null && r.values[c.key] !== undefined));
  return (
    <section aria-labelledby="area-scorecards" className="margin-bottom-4" data-testid="scorecards-glance">
      <h2 id="area-scorecards">{t('accountability.glance.title')}</h2>
      <p className="text-base margin-top-0">{t('accountability.glance.intro')}</p>
      <ApiErrorAlert error={card.error} focus={false} />
      {card.loading && !card.data ? <Loading /> : null}
      {card.data && rows.length === 0 ? <p className="text-base">{t('accountability.glance.empty')}</p> : null}
      {rows.length > 0 ? (
        <CardGroup>
          {rows.map((r) => (
            <Card key={r.department.id} gridLayout={{ tablet: { col: 6 }, desktop: { col: 4 } }}>
              <CardHeader>
                <h3 className="usa-card__heading">{name(r.department)}</h3>
              </CardHeader>
              <CardBody>
                <dl className="civitas-facts margin-0">
                  {columns
                    .filter((c) => r.values[c.key] && r.values[c.key]!.value !== null)
                    .map((c) => (
                      <div key={c.key}>
                        <dt>{language === 'zh-CN' ? c.label.zh : c.label.en}</dt>
                        <dd>{metric(r.values[c.key]!.value, c.unit)}</dd>
                      </div>
                    ))}
                </dl>
              </CardBody>
            </Card>
          ))}
        </CardGroup>
      ) : null}
      <p>
        <Link to="/scorecards">{t('accountability.glance.all')}</Link>
      </p>
    </section>
  );
}
