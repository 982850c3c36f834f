import { safeHttpUrl, type Transaction } from 'credits-core';

/** The website that spent the credits: a link when its URL is safe to open, else its name. */
export function WebsiteCell({
  website,
  opensInNewTab,
}: {
  website: Transaction['website'];
  opensInNewTab: string;
}) {
  if (!website) return null;
  const href = safeHttpUrl(website.url);
  if (!href)
    return (
      <span className="cr:block cr:truncate" dir="auto" title={website.name}>
        {website.name}
      </span>
    );
  return (
    <a
      href={href}
      dir="auto"
      title={website.name}
      target="_blank"
      rel="noopener noreferrer"
      className="cr:relative cr:block cr:truncate cr:text-accent cr:underline cr:underline-offset-2"
    >
      {website.name}
      <span className="cr:sr-only">{` ${opensInNewTab}`}</span>
    </a>
  );
}
