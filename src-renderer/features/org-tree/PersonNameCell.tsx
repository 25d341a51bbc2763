import type { User } from '../../../src-main/common/domain';
import { useFeatureT } from '../../i18n/featureMessages';
import { startDrag } from './dragData';
import { useDropProps } from './dropTarget';
import { orgMessages } from './messages';

/** A person's name in the people table: drag it to move the person, drop someone on it to set their manager. */
export function PersonNameCell({ user }: { user: User }) {
  const ft = useFeatureT(orgMessages);
  const drop = useDropProps({ kind: 'person', userId: user.id });
  return (
    <span
      className="person-drag"
      draggable
      data-user-id={user.id}
      title={ft('dragPerson', { name: user.name })}
      onDragStart={(e) => startDrag(e, { kind: 'person', userId: user.id })}
      {...drop}
    >
      {user.name}
    </span>
  );
}
