/** The configuration API: loading and checking the config file, discovering identity, writing an initial config. */
export { loadConfig, parseConfig, userConfigPath } from './load.js';
export { discoverIdentity, registrableDomain } from './discover.js';
export { renderInitConfig } from './render-init.js';
export { type Identity } from './schema.js';
