/** Roles carried in the access token; checked by the API's RolesGuard. */
export type Role = 'customer' | 'staff' | 'admin';

/** The authenticated principal attached to each API request. */
export interface AuthUser {
  id: string;
  email: string;
  roles: Role[];
}
