import { createContext, useContext } from 'react';
import type { AppTask } from './feature';

/**
 * The features' daily jobs (their manifests' `tasks`, in order), provided by the shell from
 * app/features.ts: a context rather than an import, so that the landing page does not import the
 * feature list that lists it.
 */
const AppTasksContext = createContext<readonly AppTask[]>([]);

export const AppTasksProvider = AppTasksContext.Provider;

export const useAppTasks = () => useContext(AppTasksContext);
