import type { DragEvent } from 'react';

/**
 * What is being dragged inside the organisation view. A private MIME type keeps drops from other apps (or
 * text selections) from being read as edits; the payload is ids only.
 */
export type DragItem = { kind: 'person'; userId: string } | { kind: 'department'; departmentId: string } | { kind: 'role'; roleId: string };

const MIME = 'application/x-gatehouse-org';

export function startDrag(event: DragEvent, item: DragItem): void {
  event.dataTransfer.setData(MIME, JSON.stringify(item));
  event.dataTransfer.setData('text/plain', JSON.stringify(item));
  event.dataTransfer.effectAllowed = 'move';
}

export function readDrag(event: DragEvent): DragItem | null {
  const raw = event.dataTransfer.getData(MIME) || event.dataTransfer.getData('text/plain');
  if (!raw) return null;
  try {
    const item = JSON.parse(raw) as DragItem;
    return item && typeof item === 'object' && 'kind' in item ? item : null;
  } catch {
    return null;
  }
}

/** During dragover the data is hidden from the page; the types are not, so targets accept only our drags. */
export function isOrgDrag(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types ?? []).includes(MIME) || Array.from(event.dataTransfer.types ?? []).includes('text/plain');
}
