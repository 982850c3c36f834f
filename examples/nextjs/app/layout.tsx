import type { ReactNode } from 'react';
import 'credits-react/styles.css';

export const metadata = { title: 'Credits — Next.js', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, background: '#f8fafc' }}>
        {children}
      </body>
    </html>
  );
}
