import { createContext, useContext, type DragEvent } from 'react';
import { isOrgDrag, readDrag, type DragItem } from './dragData';
import type { DropTarget } from './dropGesture';

/** What a drop does; provided once by the organisation view so every tree and table row shares it. */
export const OrgDropContext = createContext<((item: DragItem, target: DropTarget) => void) | null>(null);

/**
 * Props that make an element a drop target. The highlight is a class toggled on the element itself, so a
 * drag across a long list re-renders nothing.
 */
export function useDropProps(target: DropTarget) {
  const onDrop = useContext(OrgDropContext);
  if (!onDrop) return {};
  return {
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!isOrgDrag(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      event.currentTarget.classList.add('drop-over');
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => event.currentTarget.classList.remove('drop-over'),
    onDrop: (event: DragEvent<HTMLElement>) => {
      event.currentTarget.classList.remove('drop-over');
      const item = readDrag(event);
      if (!item) return;
      event.preventDefault();
      event.stopPropagation();
      onDrop(item, target);
    },
  };
}
