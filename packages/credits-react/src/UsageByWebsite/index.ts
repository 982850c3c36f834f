export { UsageByWebsite, type UsageByWebsiteProps } from './UsageByWebsite.js';
