import type { OpenDataSource } from '../../core/opendata/types.js';
import { fieldsOf, iso } from '../../core/opendata/rows.js';
import { attachmentsOf } from '../../core/attachments/attachments.js';
import { publicationPath } from './operations/publication-input.js';

/**
 * The register in the open-data archive: metadata of every published and withdrawn document, with
 * its files' names, types, sizes and addresses. The department is named; the officials who
 * prepared a document are not.
 */
export const publicationsOpenData: OpenDataSource = {
  tables: [
    {
      name: 'publications',
      description: {
        en: 'One document the government published proactively in the publication register (published or withdrawn; drafts are not public).',
        zh: '政府在信息公开目录中主动公开的一份文件（已公开或已撤回；草稿不公开）。',
      },
      fields: fieldsOf({
        id: ['string', 'The publication\'s identifier.'],
        title: ['string', 'The document\'s title.'],
        summary: ['string', 'What the document is about, as the department summarised it.'],
        category: ['string', 'budgets_spending, plans, regulations, meeting_minutes, contracts, procurement, statistics, reports or other.'],
        department_id: ['string', 'The publishing department (see organizations).'],
        department_name: ['string', 'The publishing department\'s name.'],
        area_slug: ['string', 'The area the document concerns, if any (see areas).'],
        document_date: ['date', 'The date the document bears.'],
        valid_from: ['date', 'When the document takes effect, if it has a validity period.'],
        valid_until: ['date', 'When the document stops having effect, if it has a validity period.'],
        status: ['string', 'published or withdrawn.'],
        published_at: ['datetime', 'When it was put in the register.'],
        corrected_at: ['datetime', 'The last public correction after publication, if any.'],
        withdrawn_at: ['datetime', 'When it was withdrawn, if it was.'],
        withdrawal_reason: ['string', 'The public reason for the withdrawal.'],
        url: ['string', 'The publication\'s page, relative to the site\'s address.'],
        attachments: ['json', 'The files: name, content type, kind (document, spreadsheet, text, image), size in bytes and address relative to the site.'],
      }),
      async rows(db) {
        const rows = await db
          .selectFrom('publications as p')
          .innerJoin('organizations as d', 'd.id', 'p.department_id')
          .leftJoin('areas as a', 'a.id', 'p.area_id')
          .select([
            'p.id', 'p.title', 'p.summary', 'p.category', 'p.department_id', 'd.name as department_name', 'a.slug as area_slug', 'p.document_date',
            'p.valid_from', 'p.valid_until', 'p.status', 'p.published_at', 'p.corrected_at', 'p.withdrawn_at', 'p.withdrawal_reason',
          ])
          .where('p.status', '<>', 'draft')
          .orderBy('p.published_at')
          .orderBy('p.id')
          .execute();
        const files = await attachmentsOf(db, 'publication', rows.map((r) => r.id));
        return rows.map((r) => ({
          id: r.id,
          title: r.title,
          summary: r.summary,
          category: r.category,
          department_id: r.department_id,
          department_name: r.department_name,
          area_slug: r.area_slug,
          document_date: r.document_date,
          valid_from: r.valid_from,
          valid_until: r.valid_until,
          status: r.status,
          published_at: iso(r.published_at),
          corrected_at: iso(r.corrected_at),
          withdrawn_at: iso(r.withdrawn_at),
          withdrawal_reason: r.withdrawal_reason,
          url: publicationPath(r.id),
          attachments: (files.get(r.id) ?? []).map((f) => ({ file_name: f.fileName, content_type: f.contentType, kind: f.kind, size: f.size, url: f.url })),
        }));
      },
    },
  ],
};
