// A number that moves whenever the library changed (here or elsewhere): views reload on it.
import { useSyncExternalStore } from 'react';
import { libraryGeneration, subscribeToLibrary } from './library-revision';

export function useLibraryGeneration(): number {
  return useSyncExternalStore(subscribeToLibrary, libraryGeneration, libraryGeneration);
}
