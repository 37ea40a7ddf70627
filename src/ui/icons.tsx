/** Small inline icons (system fonts lack many symbol glyphs). */
import type { ReactNode } from 'react';

function Svg({ children, size = 14 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      {children}
    </svg>
  );
}

export const PlayIcon = () => (
  <Svg>
    <path d="M4.5 2.8v10.4L13 8z" fill="currentColor" stroke="none" />
  </Svg>
);
export const PauseIcon = () => (
  <Svg>
    <rect x="3.5" y="2.8" width="3" height="10.4" rx="0.8" fill="currentColor" stroke="none" />
    <rect x="9.5" y="2.8" width="3" height="10.4" rx="0.8" fill="currentColor" stroke="none" />
  </Svg>
);
export const SkipIcon = () => (
  <Svg>
    <path d="M2.5 3.2v9.6L9 8z" fill="currentColor" stroke="none" />
    <path d="M8 3.2v9.6L14.5 8z" fill="currentColor" stroke="none" />
  </Svg>
);
export const PowerIcon = () => (
  <Svg size={12}>
    <path d="M8 2v6" />
    <path d="M4.6 4.2a5 5 0 1 0 6.8 0" />
  </Svg>
);
export const RestoreIcon = () => (
  <Svg size={12}>
    <path d="M3 8a5 5 0 1 0 1.6-3.7" />
    <path d="M3 2.5v2.8h2.8" />
  </Svg>
);
export const ServerIcon = () => (
  <Svg size={13}>
    <rect x="2" y="2.5" width="12" height="4.5" rx="1.2" />
    <rect x="2" y="9" width="12" height="4.5" rx="1.2" />
    <path d="M4.5 4.75h.01M4.5 11.25h.01" strokeWidth="2.2" />
  </Svg>
);
export const BrainIcon = () => (
  <Svg size={13}>
    <path d="M8 1.8l5.4 3.1v6.2L8 14.2l-5.4-3.1V4.9z" />
    <path d="M8 8l5.4-3.1M8 8v6.2M8 8L2.6 4.9" />
  </Svg>
);
export const HourglassIcon = () => (
  <Svg size={13}>
    <path d="M4 2h8M4 14h8M5 2c0 3.5 6 4.5 6 12M11 2c0 3.5-6 4.5-6 12" />
  </Svg>
);
export const SearchIcon = () => (
  <Svg size={34}>
    <circle cx="7" cy="7" r="4.5" strokeWidth="1" />
    <path d="M10.5 10.5L14 14" strokeWidth="1" />
  </Svg>
);
export const HelmIcon = () => (
  <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
    <circle cx="12" cy="12" r="6.5" />
    <circle cx="12" cy="12" r="2" fill="currentColor" />
    <path d="M12 2v5.5M12 16.5V22M2 12h5.5M16.5 12H22M4.9 4.9l3.9 3.9M15.2 15.2l3.9 3.9M4.9 19.1l3.9-3.9M15.2 8.8l3.9-3.9" strokeLinecap="round" />
  </svg>
);
