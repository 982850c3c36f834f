/**
 * The contract version this package implements, `MAJOR.MINOR` (`Config.apiVersion`; the
 * OpenAPI document's `info.version` is `MAJOR.MINOR.0`). A client works with any backend of
 * the same MAJOR (CONTRACT.md, Versioning).
 */
export const CONTRACT_VERSION = '1.0';
