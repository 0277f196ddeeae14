/** The configuration API: loading and checking the config file, discovering identity, writing an initial config. */
export { loadConfig, userConfigPath } from './load.js';
export { parseConfig } from './parse.js';
export { discoverIdentity, registrableDomain } from './discover.js';
export { renderInitConfig } from './render-init.js';
export { type Identity } from './schema.js';
