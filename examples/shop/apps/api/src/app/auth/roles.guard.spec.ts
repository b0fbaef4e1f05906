import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser, Role } from '@shop/shared-types';
import { RolesGuard } from './roles.guard';

function contextFor(user: AuthUser | undefined): ExecutionContext {
  return {
    getHandler: () => undefined,
    getClass: () => undefined,
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

describe('RolesGuard', () => {
  const reflector = new Reflector();
  const guard = new RolesGuard(reflector);
  const staff: AuthUser = { id: 'u1', email: 'sam@shop.test', roles: ['staff'] };

  function requireRoles(roles: Role[] | undefined, isPublic = false): void {
    jest
      .spyOn(reflector, 'getAllAndOverride')
      .mockImplementation((key: unknown) => (key === 'isPublic' ? isPublic : roles));
  }

  afterEach(() => jest.restoreAllMocks());

  it('lets public routes through without a user', () => {
    requireRoles(undefined, true);
    expect(guard.canActivate(contextFor(undefined))).toBe(true);
  });

  it('rejects anonymous requests', () => {
    requireRoles(['staff']);
    expect(() => guard.canActivate(contextFor(undefined))).toThrow(UnauthorizedException);
  });

  it('rejects users without a required role', () => {
    requireRoles(['admin']);
    expect(() => guard.canActivate(contextFor(staff))).toThrow(ForbiddenException);
  });

  it('accepts users holding one of the roles', () => {
    requireRoles(['staff', 'admin']);
    expect(guard.canActivate(contextFor(staff))).toBe(true);
  });
});
