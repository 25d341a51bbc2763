import { useState, type KeyboardEvent } from 'react';
import type { Department } from '../../../src-main/common/domain';
import { useFeatureT } from '../../i18n/featureMessages';
import { useT } from '../../i18n/useT';
import type { DepartmentIndex } from './departmentIndex';
import { startDrag } from './dragData';
import { useDropProps } from './dropTarget';
import { orgMessages } from './messages';

interface DepartmentTreeProps {
  index: DepartmentIndex;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The department tree as an ARIA tree: arrows move, Right/Left expand and collapse, Enter selects.
 * Each node shows its headcount so empty departments stand out. Nodes are drop targets (a person moves
 * there, a department moves under it, a role goes to everyone in it) and can be dragged themselves; the
 * department actions offer the same edits from the keyboard.
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

  return (
    <ul role="tree" aria-label={t('org.departments')} className="department-tree" onKeyDown={onKeyDown}>
      {roots.map((root) => (
        <DepartmentNode key={root.id} department={root} level={1} index={index} selectedId={selectedId} onSelect={onSelect} collapsed={collapsed} toggle={toggle} />
      ))}
    </ul>
  );
}

interface NodeProps extends DepartmentTreeProps {
  department: Department;
  level: number;
  collapsed: Set<string>;
  toggle: (id: string, open?: boolean) => void;
}

function DepartmentNode({ department, level, index, selectedId, onSelect, collapsed, toggle }: NodeProps) {
  const ft = useFeatureT(orgMessages);
  const drop = useDropProps({ kind: 'department', departmentId: department.id });
  const kids = index.children.get(department.id) ?? [];
  const open = !collapsed.has(department.id);
  return (
    <li role="treeitem" aria-level={level} aria-expanded={kids.length ? open : undefined} aria-selected={selectedId === department.id}>
      <button
        type="button"
        className={`tree-label${selectedId === department.id ? ' selected' : ''}`}
        data-id={department.id}
        style={{ paddingInlineStart: `${level * 14}px` }}
        draggable={department.parentId !== null}
        title={department.parentId !== null ? ft('dragDept', { name: department.name }) : undefined}
        onDragStart={(e) => startDrag(e, { kind: 'department', departmentId: department.id })}
        {...drop}
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
      {kids.length > 0 && open && (
        <ul role="group">
          {kids.map((k) => (
            <DepartmentNode key={k.id} department={k} level={level + 1} index={index} selectedId={selectedId} onSelect={onSelect} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
