/** Admin: the area tree; add an area, rename one, delete one that nothing uses. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import type { Area, AreaKind } from '../../api-types.js';
import { useAreas } from '../../app/areas.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { useAction } from '../../ui/use-action.js';

const kinds: AreaKind[] = ['city', 'district', 'neighbourhood'];

function childKind(parent: Area | undefined): AreaKind {
  if (!parent) return 'city';
  return parent.kind === 'city' ? 'district' : 'neighbourhood';
}

function AddAreaForm() {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { rows, byId, reload } = useAreas();
  const [parentId, setParentId] = useState('');
  const [kind, setKind] = useState<AreaKind>('city');
  const [slug, setSlug] = useState('');
  const [areaName, setAreaName] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const submit = useAction(async () => {
    await api.post('/areas', { parentId: parentId || null, kind, slug, name: areaName, nameZh: nameZh.trim() || null });
    setAdded(areaName);
    setSlug('');
    setAreaName('');
    setNameZh('');
    await reload();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    void submit.run();
  };
  return (
    <section aria-labelledby="admin-add-area" className="civitas-panel">
      <h3 id="admin-add-area">{t('admin.areas.add')}</h3>
      {added ? (
        <p role="status" className="text-green">
          {t('admin.areas.added', { name: added })}
        </p>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('admin.areas.add')}>
        <SelectField
          id="area-parent"
          name="parentId"
          label={t('admin.areas.parent')}
          value={parentId}
          onChange={(value) => {
            setParentId(value);
            setKind(childKind(byId(value)));
          }}
          emptyLabel={t('admin.areas.noParent')}
          options={rows.map(({ area, depth }) => ({ value: area.id, label: `${'\u00a0\u00a0'.repeat(depth)}${name(area)}` }))}
          error={submit.error}
        />
        <SelectField
          id="area-kind"
          name="kind"
          label={t('admin.areas.kind')}
          value={kind}
          onChange={(value) => setKind(kinds.find((item) => item === value) ?? 'city')}
          options={kinds.map((item) => ({ value: item, label: t(`areaKinds.${item}`) }))}
          error={submit.error}
        />
        <TextField id="area-name" name="name" label={t('admin.areas.name')} value={areaName} onChange={setAreaName} error={submit.error} />
        <TextField id="area-name-zh" name="nameZh" label={t('admin.areas.nameZh')} optional value={nameZh} onChange={setNameZh} error={submit.error} />
        <TextField
          id="area-slug"
          name="slug"
          label={t('admin.areas.slug')}
          hint={t('admin.areas.slugHint')}
          value={slug}
          onChange={setSlug}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('admin.areas.addSubmit')}
        </Button>
      </Form>
    </section>
  );
}

function AreaItem({ area, depth }: { area: Area; depth: number }) {
  const { t } = useTranslation();
  const { name } = useLocalize();
  const { reload } = useAreas();
  const [editing, setEditing] = useState(false);
  const [newName, setNewName] = useState(area.name);
  const [newNameZh, setNewNameZh] = useState(area.nameZh ?? '');
  const rename = useAction(async () => {
    await api.patch(`/areas/${encodeURIComponent(area.id)}`, { name: newName, nameZh: newNameZh.trim() || null });
    setEditing(false);
    await reload();
  });
  const remove = useAction(async () => {
    await api.delete(`/areas/${encodeURIComponent(area.id)}`);
    await reload();
  });
  const onRename = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void rename.run();
  };
  const label = name(area);
  return (
    <li className={`civitas-area-item civitas-depth-${Math.min(depth, 3)}`} data-testid={`area-${area.slug}`}>
      <div className="civitas-area-item__row">
        <span>
          <strong>{label}</strong> <span className="text-base">({t(`areaKinds.${area.kind}`)} · <code>{area.slug}</code>)</span>
        </span>
        <span className="civitas-area-item__actions">
          <Button type="button" unstyled onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {t('admin.areas.rename', { name: label })}
          </Button>
          <Button type="button" unstyled className="civitas-danger-link" disabled={remove.pending} onClick={() => void remove.run()}>
            {t('admin.areas.delete', { name: label })}
          </Button>
        </span>
      </div>
      <ApiErrorAlert error={remove.error} />
      {editing ? (
        <>
          <ApiErrorAlert error={rename.error} />
          <Form onSubmit={onRename} noValidate aria-label={t('admin.areas.rename', { name: label })}>
            <TextField id={`rename-${area.id}`} name="name" label={t('admin.areas.name')} value={newName} onChange={setNewName} error={rename.error} />
            <TextField
              id={`rename-zh-${area.id}`}
              name="nameZh"
              label={t('admin.areas.nameZh')}
              optional
              value={newNameZh}
              onChange={setNewNameZh}
              error={rename.error}
            />
            <Button type="submit" disabled={rename.pending}>
              {t('admin.areas.saveName')}
            </Button>
          </Form>
        </>
      ) : null}
    </li>
  );
}

export function AdminAreas() {
  const { t } = useTranslation();
  const { rows, loaded, error } = useAreas();
  return (
    <section aria-labelledby="admin-areas">
      <h2 id="admin-areas">{t('admin.sections.areas')}</h2>
      <p>{t('admin.areas.intro')}</p>
      <div className="grid-row grid-gap-lg">
        <div className="grid-col-12 desktop:grid-col-7">
          <h3>{t('admin.areas.tree')}</h3>
          <ApiErrorAlert error={error} focus={false} />
          {!loaded ? <Loading /> : null}
          {loaded && rows.length === 0 ? <p>{t('home.noAreas')}</p> : null}
          <ul className="usa-list usa-list--unstyled civitas-area-tree">
            {rows.map(({ area, depth }) => (
              <AreaItem key={`${area.id}-${area.name}-${area.nameZh ?? ''}`} area={area} depth={depth} />
            ))}
          </ul>
        </div>
        <div className="grid-col-12 desktop:grid-col-5">
          <AddAreaForm />
        </div>
      </div>
    </section>
  );
}
