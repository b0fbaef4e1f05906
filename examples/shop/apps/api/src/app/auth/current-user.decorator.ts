import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthUser } from '@shop/shared-types';

/** Injects the authenticated `AuthUser` into a controller handler parameter. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
