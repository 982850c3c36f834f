import type { Decorator } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { createCreditsClient } from 'credits-core';
import { CreditsProvider, type CreditsTheme } from 'credits-react';
import { useEffect, useState } from 'react';
import { STORY_FONT } from './storyFont';

/**
 * Wraps a story in a CreditsProvider talking to credits-msw (the story's
 * `parameters.msw.handlers`), with a fresh cache per story and the toolbar's
 * locale and theme.
 */
export const withCredits: Decorator = (Story, context) => {
  const locale = (context.globals.locale as string | undefined) ?? 'en-US';
  const theme = (context.globals.creditsTheme as CreditsTheme | undefined) ?? 'light';
  const [client] = useState(() =>
    createCreditsClient({ baseUrl: '/api/credits/v1', retry: false }),
  );
  // One account per story: a payment one story leaves under way (kept in sessionStorage
  // for resume-after-reload) never reopens a dialog in the next story.
  const account = `storybook:${context.id}`;
  const [queryClient] = useState(() => {
    const created = new QueryClient();
    // A story may preload the cache (e.g. 100,000 rows) without any request.
    (
      context.parameters.creditsCache as
        | ((client: QueryClient, account: string) => void)
        | undefined
    )?.(created, account);
    return created;
  });
  // Dialogs are portalled to <body>: give it the page font a host app would have.
  useEffect(() => {
    document.body.style.fontFamily = STORY_FONT;
  }, []);
  return (
    <div
      style={{
        padding: 16,
        background: theme === 'dark' ? '#020617' : '#f8fafc',
        fontFamily: STORY_FONT,
      }}
    >
      <CreditsProvider
        client={client}
        account={account}
        locale={locale}
        timeZone="UTC"
        theme={theme}
        queryClient={queryClient}
      >
        <Story />
      </CreditsProvider>
    </div>
  );
};
