import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

function Icon({ children, ...props }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function ShieldIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M10 2.5 3.5 5v4.5c0 4 2.8 7 6.5 8 3.7-1 6.5-4 6.5-8V5L10 2.5Z" />
      <path d="m7 10 2 2 4-4" />
    </Icon>
  );
}

export function CheckIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="m6.5 10 2.5 2.5 4.5-5" />
    </Icon>
  );
}

export function ErrorIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 6v5M10 14h.01" />
    </Icon>
  );
}

export function WarningIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M10 3 2.5 16.5h15L10 3Z" />
      <path d="M10 8v4M10 14.5h.01" />
    </Icon>
  );
}

export function InfoIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M10 9v5M10 6h.01" />
    </Icon>
  );
}

export function HistoryIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M3 10a7 7 0 1 0 2-4.9" />
      <path d="M3 3v3.5h3.5M10 6v4l2.5 2" />
    </Icon>
  );
}

export function GlobeIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2 2 3 4.5 3 7.5s-1 5.5-3 7.5c-2-2-3-4.5-3-7.5s1-5.5 3-7.5Z" />
    </Icon>
  );
}

export function MailIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
      <path d="m3 5.5 7 5.5 7-5.5" />
    </Icon>
  );
}

export function WrenchIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M12.5 3a4 4 0 0 0-3.8 5.2L3.5 13.4a1.5 1.5 0 0 0 2.1 2.1l5.2-5.2A4 4 0 0 0 16 6.5l-2.2 2.2-2-.5-.5-2L13.5 4a4 4 0 0 0-1-.1Z" />
    </Icon>
  );
}

export function ListIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M7 5.5h10M7 10h10M7 14.5h10" />
      <path d="M3.5 5.5h.01M3.5 10h.01M3.5 14.5h.01" />
    </Icon>
  );
}

export function RestartIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M16.5 10a6.5 6.5 0 1 1-2-4.7" />
      <path d="M16.5 3v3.5H13" />
    </Icon>
  );
}

export function PrinterIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M5.5 7.5V3h9v4.5" />
      <rect x="2.5" y="7.5" width="15" height="6.5" rx="1" />
      <path d="M5.5 12h9v5h-9z" />
    </Icon>
  );
}

export function ServerIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <rect x="3" y="3" width="14" height="5.5" rx="1" />
      <rect x="3" y="11.5" width="14" height="5.5" rx="1" />
      <path d="M6 5.75h.01M6 14.25h.01M9.5 5.75h4M9.5 14.25h4" />
    </Icon>
  );
}

export function CopyIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <rect x="7" y="7" width="10" height="10" rx="1.5" />
      <path d="M13 7V4.5A1.5 1.5 0 0 0 11.5 3h-7A1.5 1.5 0 0 0 3 4.5v7A1.5 1.5 0 0 0 4.5 13H7" />
    </Icon>
  );
}

export function PackageIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <path d="M3 6.5 10 3l7 3.5v7L10 17l-7-3.5v-7Z" />
      <path d="m3 6.5 7 3.5 7-3.5M10 10v7" />
    </Icon>
  );
}

export function ComputerIcon(p: IconProps) {
  return (
    <Icon {...p}>
      <rect x="2.5" y="3.5" width="15" height="10" rx="1" />
      <path d="M7 16.5h6M10 13.5v3" />
    </Icon>
  );
}
