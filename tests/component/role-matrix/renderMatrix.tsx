import { fireEvent, render, screen } from '@testing-library/react';
import { DraftBar } from '../../../src-renderer/features/drafts/DraftBar';
import { FieldMatrixView } from '../../../src-renderer/features/field-matrix/FieldMatrixView';
import { RoleMatrixView } from '../../../src-renderer/features/role-matrix/RoleMatrixView';

/** The demo catalogue's customer module (客户管理). */
export const CUSTOMER_MODULE = '10';

/** The permission matrix under the draft bar, narrowed to the customer module and the roles whose name has `roleQuery`. */
export async function renderPermissionMatrix(roleQuery: string): Promise<HTMLElement> {
  render(
    <>
      <DraftBar />
      <RoleMatrixView />
    </>,
  );
  const grid = await screen.findByRole('grid', { name: 'Permissions matrix' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Module' }), { target: { value: CUSTOMER_MODULE } });
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search roles' }), { target: { value: roleQuery } });
  return grid;
}

/** The field rules grid under the draft bar, narrowed to the roles whose name has `roleQuery`, painting with `brush`. */
export async function renderFieldMatrix(roleQuery: string, brush: string): Promise<HTMLElement> {
  render(
    <>
      <DraftBar />
      <FieldMatrixView />
    </>,
  );
  const grid = await screen.findByRole('grid', { name: 'Field rules' });
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search roles' }), { target: { value: roleQuery } });
  fireEvent.click(screen.getByRole('button', { name: brush }));
  return grid;
}
