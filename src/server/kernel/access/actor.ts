import type { Permission, Role } from '../../../contracts/common/permissions';

/** The signed-in user on whose behalf a request runs. */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  /** Materialized path of her org unit: her subtree is every path starting with it. */
  orgPath: string;
  permissions: ReadonlySet<Permission>;
  ip: string | null;
};
