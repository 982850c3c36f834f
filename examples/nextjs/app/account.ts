/** Demo sign-in shared by server and browser (a real app reads its session). */
export const TOKEN = 'nextjs';
export const ACCOUNT = 'nextjs';
export const LOCALE = 'en-US';
export const TIME_ZONE = 'UTC';
