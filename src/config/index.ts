/** The configuration API: loading and checking the config file, discovering identity, writing an initial config. */
export { loadConfig, parseConfig, userConfigPath, LOCAL_CONFIG_NAME, type LoadConfigOptions } from './load.js';
export { discoverIdentity, registrableDomain, DISCOVERY } from './discover.js';
export { renderInitConfig } from './render-init.js';
export { DEFAULT_NIGHT_HOURS, type Identity, type Target, type TweetAuditConfig } from './schema.js';
