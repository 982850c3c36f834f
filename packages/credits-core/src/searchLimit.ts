/**
 * The longest history `search` text the contract accepts (the OpenAPI document's `maxLength`):
 * backends refuse longer text with 400, so a search field never lets a user type more.
 */
export const MAX_SEARCH_LENGTH = 200;
