import { SetMetadata } from '@nestjs/common';
import { Role } from '@shop/shared-types';

/** Metadata key read by RolesGuard. */
export const ROLES_KEY = 'roles';

/** Restricts a route (or a whole controller) to users holding at least one of `roles`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Metadata key marking a route as reachable without authentication. */
export const IS_PUBLIC_KEY = 'isPublic';

/** Opts a route out of authentication (e.g. the public product catalogue). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
