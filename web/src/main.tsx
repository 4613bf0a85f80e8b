/** Entry point of the Civitas web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import './i18n/index.js';
import './styles/main.scss';
import '@trussworks/react-uswds/lib/index.css';
import { AreasProvider } from './app/areas.js';
import { router } from './app/router.js';
import { SessionProvider } from './app/session.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <SessionProvider>
      <AreasProvider>
        <RouterProvider router={router} />
      </AreasProvider>
    </SessionProvider>
  </StrictMode>,
);
