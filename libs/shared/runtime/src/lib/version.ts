// The workspace manifest is the single source of the release number, so this one import reaches outside the library.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../../../../package.json';

/** The platform's release, as the workspace's package.json states it. */
export const PLATFORM_VERSION: string = version;
