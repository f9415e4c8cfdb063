import { SetMetadata } from '@nestjs/common';
import { AuthRole } from './token-registry';

export const REQUIRED_ROLE = 'dateline:required-role';

/** The route needs a bearer token with this role (docs/architecture.md section 3: 401 without, 403 without the role). */
export const RequiresRole = (role: AuthRole) => SetMetadata(REQUIRED_ROLE, role);
