import { useState, type KeyboardEvent } from 'react';
import type { Department } from '../../../src-main/common/domain/department';
import { useT } from '../../i18n/useT';
import type { DepartmentIndex } from './departmentIndex';

interface DepartmentTreeProps {
  index: DepartmentIndex;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The department tree as an ARIA tree: arrows move, Right/Left expand and collapse, Enter selects.
 * Each node shows its headcount so empty departments stand out.
 */
export function DepartmentTree({ index, selectedId, onSelect }: DepartmentTreeProps) {
  const t = useT();
  const roots = index.children.get(null) ?? [];
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  const toggle = (id: string, open?: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      const willOpen = open ?? next.has(id);
      if (willOpen) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="treeitem"] > .tree-label')];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const id = items[at]!.dataset.id!;
    if (event.key === 'ArrowDown') items[Math.min(at + 1, items.length - 1)]!.focus();
    else if (event.key === 'ArrowUp') items[Math.max(at - 1, 0)]!.focus();
    else if (event.key === 'ArrowRight') toggle(id, true);
    else if (event.key === 'ArrowLeft') toggle(id, false);
    else return;
    event.preventDefault();
  };

  const renderNode = (department: Department, level: number) => {
    const kids = index.children.get(department.id) ?? [];
    const open = !collapsed.has(department.id);
    return (
      <li
        key={department.id}
        role="treeitem"
        aria-level={level}
        aria-expanded={kids.length ? open : undefined}
        aria-selected={selectedId === department.id}
      >
        <button
          type="button"
          className={`tree-label${selectedId === department.id ? ' selected' : ''}`}
          data-id={department.id}
          style={{ paddingInlineStart: `${level * 14}px` }}
          onClick={() => onSelect(department.id)}
          onDoubleClick={() => kids.length && toggle(department.id)}
        >
          {kids.length > 0 && (
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                toggle(department.id);
              }}
            >
              {open ? '▾' : '▸'}
            </span>
          )}
          <span className="tree-name">{department.name}</span>
          <span className="tree-count">{index.headcount.get(department.id) ?? 0}</span>
        </button>
        {kids.length > 0 && open && <ul role="group">{kids.map((k) => renderNode(k, level + 1))}</ul>}
      </li>
    );
  };

  return (
    <ul role="tree" aria-label={t('org.departments')} className="department-tree" onKeyDown={onKeyDown}>
      {roots.map((root) => renderNode(root, 1))}
    </ul>
  );
}
