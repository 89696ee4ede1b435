import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from '@shopfloor/gateway/data-access';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'shopfloor:public';
export const REQUIRED_ROLE = 'shopfloor:role';

/** No credentials needed (probes, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The least role that may call the route; routes without it need `viewer`. */
export const RequireRole = (role: ApiKeyRole): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLE, role);

export type AuthenticatedRequest = { principal?: Principal; requestId?: string };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});
