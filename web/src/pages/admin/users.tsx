/** Admin: find accounts, set staff roles, block with a reason or unblock. */
import { Pager } from '../../ui/pager.js';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Fieldset, Form, Tag } from '@trussworks/react-uswds';
import { api } from '../../api.js';
import type { AdminUser, Role } from '../../api-types.js';
import { useSession } from '../../app/session.js';
import { ApiErrorAlert } from '../../ui/api-error-alert.js';
import { TextField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { useLocalize } from '../../ui/localize.js';
import { useAction } from '../../ui/use-action.js';
import { useLoad } from '../../ui/use-load.js';

const allRoles: Role[] = ['administrator', 'moderator', 'clerk'];
const pageSize = 25;

function UserRow({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t } = useTranslation();
  const { date } = useLocalize();
  const { refresh, session } = useSession();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const saveRoles = useAction(async () => {
    await api.put(`/admin/users/${encodeURIComponent(user.id)}/roles`, { roles });
    setSaved(true);
    if (session?.user?.id === user.id) await refresh();
    onChanged();
  });
  const block = useAction(async () => {
    await api.post(`/admin/users/${encodeURIComponent(user.id)}/block`, { reason });
    setReason('');
    onChanged();
  });
  const unblock = useAction(async () => {
    await api.post(`/admin/users/${encodeURIComponent(user.id)}/unblock`);
    onChanged();
  });
  const onSaveRoles = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void saveRoles.run();
  };
  const onBlock = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void block.run();
  };
  const headingId = `user-${user.id}`;
  // Display names repeat; the e-mail address tells the forms of two accounts apart.
  const who = `${user.displayName} (${user.email})`;
  return (
    <li className="civitas-admin-item" aria-labelledby={headingId} data-testid={`user-${user.email}`}>
      <h3 id={headingId} className="margin-y-0">
        {user.displayName}
      </h3>
      <p className="margin-y-05">
        <span>{user.email}</span> ·{' '}
        {user.verified ? (
          <Tag className="civitas-tag civitas-tag--verified">{t('profile.verified')}</Tag>
        ) : (
          <Tag className="civitas-tag civitas-tag--pending">{t('profile.notVerified')}</Tag>
        )}{' '}
        {user.blocked ? <Tag className="civitas-tag civitas-tag--rejected">{t('admin.users.blocked')}</Tag> : null}{' '}
        <span className="text-base">{t('admin.users.since', { date: date(user.createdAt) })}</span>
      </p>
      {user.posts && user.posts.length > 0 ? (
        <p className="margin-y-05 text-base">{t('admin.users.holds', { posts: user.posts.join(', ') })}</p>
      ) : null}
      <div className="civitas-user-controls">
        <div>
          <ApiErrorAlert error={saveRoles.error} />
          <Form
            onSubmit={onSaveRoles}
            noValidate
            aria-label={t('admin.users.rolesOf', { name: who })}
            className="civitas-inline-form"
          >
            <Fieldset legend={t('admin.users.rolesOf', { name: who })} legendStyle="srOnly">
              <div className="civitas-checkbox-row">
                {allRoles.map((role) => (
                  <Checkbox
                    key={role}
                    id={`role-${user.id}-${role}`}
                    name={`roles-${user.id}`}
                    value={role}
                    label={t(`roles.${role}`)}
                    checked={roles.includes(role)}
                    onChange={(event: ChangeEvent<HTMLInputElement>) =>
                      setRoles((current) =>
                        event.target.checked ? [...current, role] : current.filter((item) => item !== role),
                      )
                    }
                  />
                ))}
              </div>
            </Fieldset>
            <Button type="submit" outline disabled={saveRoles.pending}>
              {t('admin.users.saveRoles')}
            </Button>
            {saved ? (
              <span role="status" className="civitas-saved">
                {t('admin.users.rolesSaved')}
              </span>
            ) : null}
          </Form>
        </div>
        <div>
          {user.blocked ? (
            <>
              <ApiErrorAlert error={unblock.error} />
              <Button type="button" outline disabled={unblock.pending} onClick={() => void unblock.run()}>
                {t('admin.users.unblock')}
              </Button>
            </>
          ) : (
            <>
              <ApiErrorAlert error={block.error} />
              <Form
                onSubmit={onBlock}
                noValidate
                aria-label={t('admin.users.blockForm', { name: who })}
                className="civitas-inline-form"
              >
                <TextField
                  id={`block-reason-${user.id}`}
                  name="reason"
                  label={t('admin.users.blockReason')}
                  value={reason}
                  onChange={setReason}
                  error={block.error}
                />
                <Button type="submit" secondary disabled={block.pending}>
                  {t('admin.users.block')}
                </Button>
              </Form>
            </>
          )}
        </div>
      </div>
    </li>
  );
}

export function AdminUsers() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const list = useLoad(
    () => api.get<{ users: AdminUser[]; total: number }>('/admin/users', { q: search, limit: pageSize, offset: (page - 1) * pageSize }),
    [search, page],
  );
  const onSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPage(1);
    setSearch(q.trim());
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section aria-labelledby="admin-users">
      <h2 id="admin-users">{t('admin.sections.users')}</h2>
      <Form onSubmit={onSearch} noValidate aria-label={t('admin.users.searchForm')} className="civitas-filters" large>
        <TextField
          id="admin-users-q"
          name="q"
          type="search"
          label={t('admin.users.search')}
          hint={t('admin.users.searchHint')}
          optional
          value={q}
          onChange={setQ}
        />
        <Button type="submit">{t('admin.users.searchSubmit')}</Button>
      </Form>
      <ApiErrorAlert error={list.error} focus={false} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        <p role="status" className="text-base">
          {t('admin.users.count', { count: total })}
        </p>
      ) : null}
      {list.data && list.data.users.length > 0 ? (
        <ul className="usa-list usa-list--unstyled">
          {list.data.users.map((user) => (
            <UserRow key={user.id} user={user} onChanged={list.reload} />
          ))}
        </ul>
      ) : null}
      <Pager page={page} pages={pages} onPage={(n) => setPage(n)} />
    </section>
  );
}
