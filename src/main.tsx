import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './ui/app/App.tsx';
import { bootStore } from './ui/app/boot.ts';
import { AppStoreProvider } from './ui/app/store-context.ts';
import { installTestApi } from './test-api.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const store = bootStore();
installTestApi(store);

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);

// Offline after the first visit: the service worker precaches the whole built app (a no-op in
// `vite` dev mode, where the plugin serves no worker).
void registerSW({ immediate: true });
