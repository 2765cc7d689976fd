import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { initI18n } from '../i18n';
import { registerServiceWorker } from '../lib/offline/service-worker';
import { queryClient } from './query-client';
import { router } from './router';
import './global.css';

initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Once the first page is up, the shell (antd, menu, her strings) and the home page come in the background:
// someone typing her name and password on a slow line (10 s or more on a phone) finds them there when she
// signs in, and her home opens without another wait.
window.addEventListener('load', () => {
  const preload = () => {
    void import('./app-layout').catch(() => undefined);
    void import('../i18n/app-messages').then((m) => m.addAppMessages()).catch(() => undefined);
    void import('./landing-page').catch(() => undefined);
  };
  setTimeout(preload, 0);
});

// After one visit online the app opens, and its capture forms work, with no network (lib/offline).
registerServiceWorker();

// No antd here: the entry is what a phone downloads for the login page. antd's providers wrap the
// signed-in shell (app-layout.tsx), which is loaded lazily.
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
