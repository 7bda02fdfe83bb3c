import { can, type Actor } from '../../domain/policy.js';
import { authorize } from '../../core/authorize.js';
import { AppError } from '../../core/errors.js';

/** An account is managed where its home unit is (office or committee of that subtree). */
export function authorizeAccount(actor: Actor, account: { unit_path: string } | undefined): void {
  authorize(actor, 'account.manage', account ? { unitPath: account.unit_path } : null);
}

/** Nobody grants a role over a unit they do not manage themselves. */
export function assertMayGrant(actor: Actor, grants: { unitPath: string | undefined }[]): void {
  grants.forEach((grant, index) => {
    if (!grant.unitPath || !can(actor, 'account.manage', { unitPath: grant.unitPath })) {
      throw new AppError(404, 'not_found', {}, [{ field: `roles.${index}.unitId`, messageKey: 'not_found' }]);
    }
  });
}
