/**
 * The app store for React: a context holding one vanilla store (house-style §4.6), and hooks that
 * select from it. Selectors must return primitives or stored references; wrap tuples in useShallow.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../../store/app-state.ts';
import type { AppStore } from '../../store/app-store.ts';

const StoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(StoreContext.Provider, { value: store }, children);
}

/** The store itself, for actions and imperative islands (getState/subscribe). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStoreApi outside <AppStoreProvider>');
  return store;
}

export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}
