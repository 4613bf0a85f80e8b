/**
 * The site header: name of the site and of the municipality, the navigation built from `nav.ts`,
 * the area selector, the language switch and the account links. Below the desktop breakpoint the
 * navigation folds into the USWDS mobile menu.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  Button,
  Header,
  Menu,
  NavCloseButton,
  NavDropDownButton,
  NavList,
  NavMenuButton,
  Title,
} from '@trussworks/react-uswds';
import { api } from '../api.js';
import { useLocalize } from '../ui/localize.js';
import { NotificationsBell } from '../ui/notifications-bell.js';
import { AreaSelector } from './area-selector.js';
import { LanguageSwitch } from './language-switch.js';
import { isCurrent, sectionLabels, visibleNav, type NavSection } from './nav.js';
import { useSession } from './session.js';

export function SiteHeader() {
  const { t } = useTranslation();
  const { pick } = useLocalize();
  const { session, refresh } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [expanded, setExpanded] = useState(false);
  const [openSection, setOpenSection] = useState<NavSection | null>(null);
  const navRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setExpanded(false);
    setOpenSection(null);
  }, [location.pathname]);

  useEffect(() => {
    if (!expanded) return;
    navRef.current?.querySelector<HTMLButtonElement>('.usa-nav__close')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setExpanded(false);
        menuButtonRef.current?.querySelector<HTMLButtonElement>('.usa-menu-btn')?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [expanded]);

  const close = () => {
    setExpanded(false);
    menuButtonRef.current?.querySelector<HTMLButtonElement>('.usa-menu-btn')?.focus();
  };

  const signOut = async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      await refresh();
      void navigate('/', { state: { flash: { type: 'success', message: 'flash.signedOut' } } });
    }
  };

  const user = session?.user ?? null;
  const installation = session?.installation;
  const primaryItems = visibleNav(session).map((item) => {
    if (item.kind === 'link') {
      const { entry } = item;
      const current = isCurrent(entry, location.pathname);
      return (
        <Link
          key={entry.id}
          to={entry.path}
          className={current ? 'usa-nav__link usa-current' : 'usa-nav__link'}
          aria-current={current ? 'page' : undefined}
        >
          <span>{t(entry.label)}</span>
        </Link>
      );
    }
    const menuId = `nav-section-${item.section}`;
    return (
      <div key={item.section}>
        <NavDropDownButton
          menuId={menuId}
          label={t(sectionLabels[item.section])}
          isOpen={openSection === item.section}
          isCurrent={item.entries.some((entry) => isCurrent(entry, location.pathname))}
          onToggle={() => setOpenSection((open) => (open === item.section ? null : item.section))}
        />
        <Menu
          id={menuId}
          isOpen={openSection === item.section}
          items={item.entries.map((entry) => (
            <Link key={entry.id} to={entry.path}>
              {t(entry.label)}
            </Link>
          ))}
        />
      </div>
    );
  });

  const accountItems = user
    ? [
        <NotificationsBell key="notifications" />,
        <Link key="me" to="/me" className="civitas-account-name">
          {t('header.signedInAs', { name: user.displayName })}
        </Link>,
        <Button key="signout" type="button" unstyled className="civitas-signout" onClick={() => void signOut()}>
          {t('header.signOut')}
        </Button>,
      ]
    : session
      ? [
          <Link key="signin" to="/signin">
            {t('header.signIn')}
          </Link>,
          <Link key="signup" to="/signup">
            {t('header.signUp')}
          </Link>,
        ]
      : []; // Until the session is known, offer neither signing in nor the account menu.

  return (
    <Header extended showMobileOverlay={expanded} className="civitas-header">
      <div className="usa-navbar">
        <Title>
          <Link to="/" className="civitas-brand">
            <span className="civitas-brand__name">{t('site.name')}</span>
            {installation ? (
              <span className="civitas-brand__place">{pick(installation.name, installation.nameZh)}</span>
            ) : null}
          </Link>
        </Title>
        <div ref={menuButtonRef} className="civitas-menu-button">
          <NavMenuButton
            label={t('header.menu')}
            aria-expanded={expanded}
            aria-controls="site-navigation"
            onClick={() => setExpanded(true)}
          />
        </div>
      </div>
      <nav
        ref={navRef}
        id="site-navigation"
        className={expanded ? 'usa-nav is-visible' : 'usa-nav'}
        aria-label={t('header.navigation')}
      >
        <div className="usa-nav__inner">
          <NavCloseButton aria-label={t('header.closeMenu')} onClick={close} />
          <NavList type="primary" items={primaryItems} />
          <div className="usa-nav__secondary">
            <NavList type="secondary" items={accountItems} className="civitas-account" />
            <div className="civitas-utilities">
              <AreaSelector />
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </nav>
    </Header>
  );
}
