import { version } from '../../../../../package.json';

/** The platform's release, as the workspace's package.json states it. */
export const PLATFORM_VERSION: string = version;
