/**
 * The management forms of an organization, shown according to the `abilities` the server sends
 * (never decided here): edit details, members, posts and their holders, verification.
 * The organization page and the admin console both use them.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Form, Table } from '@trussworks/react-uswds';
import { api } from '../api.js';
import type { MembershipRole, OrganizationDetail, OrganizationFull, Post } from '../api-types.js';
import { ApiErrorAlert } from '../ui/api-error-alert.js';
import { SelectField, TextAreaField, TextField } from '../ui/field.js';
import { useLocalize } from '../ui/localize.js';
import { useAction } from '../ui/use-action.js';

const slugPath = (slug: string) => `/organizations/${encodeURIComponent(slug)}`;

/** Description, website and contact e-mail. */
export function EditOrganizationForm({ organization, onSaved }: { organization: OrganizationFull; onSaved: () => void }) {
  const { t } = useTranslation();
  const [description, setDescription] = useState(organization.description);
  const [website, setWebsite] = useState(organization.website ?? '');
  const [email, setEmail] = useState(organization.email ?? '');
  const [saved, setSaved] = useState(false);
  const submit = useAction(async () => {
    await api.patch(slugPath(organization.slug), {
      description,
      website: website.trim() || null,
      email: email.trim() || null,
    });
    setSaved(true);
    onSaved();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    void submit.run();
  };
  return (
    <section aria-labelledby="organization-edit" className="margin-bottom-4">
      <h2 id="organization-edit">{t('organization.edit')}</h2>
      {saved ? (
        <Alert type="success" headingLevel="h3" slim role="status">
          {t('organization.saved')}
        </Alert>
      ) : null}
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('organization.edit')}>
        <TextAreaField
          id="organization-description"
          name="description"
          label={t('fields.description')}
          value={description}
          onChange={setDescription}
          error={submit.error}
        />
        <TextField
          id="organization-website"
          name="website"
          type="url"
          label={t('fields.website')}
          hint={t('fields.websiteHint')}
          optional
          value={website}
          onChange={setWebsite}
          error={submit.error}
        />
        <TextField
          id="organization-email"
          name="email"
          type="email"
          label={t('fields.contactEmail')}
          optional
          value={email}
          onChange={setEmail}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('organization.saveChanges')}
        </Button>
      </Form>
    </section>
  );
}

/** Add a member by e-mail with a role. */
export function AddMemberForm({ slug, onAdded }: { slug: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MembershipRole>('member');
  const submit = useAction(async () => {
    await api.post(`${slugPath(slug)}/members`, { email, role });
    setEmail('');
    onAdded();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <>
      <h3>{t('organization.addMember')}</h3>
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('organization.addMember')}>
        <TextField
          id="member-email"
          name="email"
          type="email"
          label={t('organization.memberEmail')}
          hint={t('organization.memberEmailHint')}
          value={email}
          onChange={setEmail}
          error={submit.error}
        />
        <SelectField
          id="member-role"
          name="role"
          label={t('organization.memberRole')}
          value={role}
          onChange={(value) => setRole(value === 'representative' ? 'representative' : 'member')}
          options={[
            { value: 'member', label: t('membershipRoles.member') },
            { value: 'representative', label: t('membershipRoles.representative') },
          ]}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('organization.addMemberSubmit')}
        </Button>
      </Form>
    </>
  );
}

/** The members list, with Remove buttons when the viewer may manage members. */
export function MemberList({ detail, onChanged }: { detail: OrganizationDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const { organization, members, abilities } = detail;
  const remove = useAction(async (userId: string) => {
    await api.delete(`${slugPath(organization.slug)}/members/${encodeURIComponent(userId)}`);
    onChanged();
  });
  if (members.length === 0) return <p className="text-base">{t('organization.noMembers')}</p>;
  return (
    <>
      <ApiErrorAlert error={remove.error} />
      <Table fullWidth stackedStyle="headers">
        <caption className="usa-sr-only">{t('organization.members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.displayName')}</th>
            <th scope="col">{t('organization.memberRole')}</th>
            {abilities.manageMembers ? (
              <th scope="col">
                <span className="usa-sr-only">{t('common.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row" data-label={t('fields.displayName')}>
                {member.displayName}
              </th>
              <td data-label={t('organization.memberRole')}>{t(`membershipRoles.${member.role}`)}</td>
              {abilities.manageMembers ? (
                <td>
                  <Button
                    type="button"
                    unstyled
                    className="civitas-danger-link"
                    disabled={remove.pending}
                    onClick={() => void remove.run(member.userId)}
                  >
                    {t('organization.removeMember', { name: member.displayName })}
                  </Button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** Verify, or reject with a reason, an organization waiting for verification. */
export function VerificationControls({
  slug,
  name,
  idPrefix,
  onDone,
}: {
  slug: string;
  /** The organization's name, to tell the forms of several organizations apart. */
  name: string;
  idPrefix: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const verify = useAction(async () => {
    await api.post(`${slugPath(slug)}/verify`);
    onDone();
  });
  const reject = useAction(async () => {
    await api.post(`${slugPath(slug)}/reject`, { reason });
    onDone();
  });
  const onReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void reject.run();
  };
  return (
    <div className="civitas-verification">
      <ApiErrorAlert error={verify.error} />
      <Button type="button" disabled={verify.pending} onClick={() => void verify.run()}>
        {t('verification.verify')}
      </Button>
      <ApiErrorAlert error={reject.error} />
      <Form onSubmit={onReject} noValidate aria-label={t('verification.rejectForm', { name })} className="margin-top-2">
        <TextField
          id={`${idPrefix}-reason`}
          name="reason"
          label={t('verification.reason')}
          hint={t('verification.reasonHint')}
          value={reason}
          onChange={setReason}
          error={reject.error}
        />
        <Button type="submit" secondary disabled={reject.pending}>
          {t('verification.reject')}
        </Button>
      </Form>
    </div>
  );
}

function HolderForm({ post, onChanged }: { post: Post; onChanged: () => void }) {
  const { t } = useTranslation();
  const { title } = useLocalize();
  const [holderEmail, setHolderEmail] = useState('');
  const save = useAction(async (email: string | null) => {
    await api.patch(`/posts/${encodeURIComponent(post.id)}`, { holderEmail: email });
    setHolderEmail('');
    onChanged();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(holderEmail.trim());
  };
  const postTitle = title(post);
  return (
    <>
      <ApiErrorAlert error={save.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('posts.changeHolderOf', { post: postTitle })} className="civitas-inline-form">
        <TextField
          id={`holder-${post.id}`}
          name="holderEmail"
          type="email"
          label={t('posts.newHolderEmail')}
          value={holderEmail}
          onChange={setHolderEmail}
          error={save.error}
        />
        <Button type="submit" disabled={save.pending}>
          {t('posts.changeHolder')}
        </Button>
        {post.holder ? (
          <Button type="button" outline disabled={save.pending} onClick={() => void save.run(null)}>
            {t('posts.vacate')}
          </Button>
        ) : null}
      </Form>
    </>
  );
}

/** Add a post (title, Chinese title, optional holder). */
export function AddPostForm({ slug, idPrefix, onAdded }: { slug: string; idPrefix: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [titleZh, setTitleZh] = useState('');
  const [holderEmail, setHolderEmail] = useState('');
  const submit = useAction(async () => {
    await api.post(`${slugPath(slug)}/posts`, {
      title,
      titleZh: titleZh.trim() || undefined,
      holderEmail: holderEmail.trim() || undefined,
    });
    setTitle('');
    setTitleZh('');
    setHolderEmail('');
    onAdded();
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit.run();
  };
  return (
    <>
      <ApiErrorAlert error={submit.error} />
      <Form onSubmit={onSubmit} noValidate aria-label={t('posts.add')}>
        <TextField id={`${idPrefix}-title`} name="title" label={t('posts.title')} value={title} onChange={setTitle} error={submit.error} />
        <TextField
          id={`${idPrefix}-title-zh`}
          name="titleZh"
          label={t('posts.titleZh')}
          optional
          value={titleZh}
          onChange={setTitleZh}
          error={submit.error}
        />
        <TextField
          id={`${idPrefix}-holder`}
          name="holderEmail"
          type="email"
          label={t('posts.holderEmail')}
          hint={t('posts.holderEmailHint')}
          optional
          value={holderEmail}
          onChange={setHolderEmail}
          error={submit.error}
        />
        <Button type="submit" disabled={submit.pending}>
          {t('posts.addSubmit')}
        </Button>
      </Form>
    </>
  );
}

/** Posts with their holders; with `manage`, a holder form per post. */
export function PostList({ posts, manage, onChanged }: { posts: Post[]; manage: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { title } = useLocalize();
  const [openPost, setOpenPost] = useState<string | null>(null);
  if (posts.length === 0) return <p className="text-base">{t('departments.noPosts')}</p>;
  return (
    <ul className="usa-list usa-list--unstyled civitas-posts">
      {posts.map((post) => (
        <li key={post.id} className="civitas-posts__item">
          <div>
            <span className="text-bold">{title(post)}</span>
            {t('common.colon')}
            {post.holder ? post.holder.displayName : <span className="text-base">{t('departments.vacant')}</span>}
          </div>
          {manage ? (
            <details
              className="civitas-details"
              open={openPost === post.id}
              onToggle={(event) => {
                const open = event.currentTarget.open;
                setOpenPost((current) => (open ? post.id : current === post.id ? null : current));
              }}
            >
              <summary>{t('posts.changeHolderOf', { post: title(post) })}</summary>
              {openPost === post.id ? <HolderForm post={post} onChanged={onChanged} /> : null}
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
