import { useId, useState, type ReactNode } from 'react';
import { Button } from '@mantine/core';
import { ChevronRight } from './icons.js';

/**
 * A button that shows or hides what a form rarely needs ("Thêm chi tiết"): closed at first,
 * held open while `forceOpen` (a field inside has an error). The part stays out of the page
 * while closed, so a long form fits a phone's few screens.
 */
export function Disclosure({
  label,
  openLabel = label,
  forceOpen = false,
  children,
}: {
  label: string;
  /** The button's words while open, when they differ ("Thu gọn"). */
  openLabel?: string;
  forceOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || forceOpen;
  return (
    <div className="ts-disclosure">
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setOpen(!shown)}
        leftSection={<ChevronRight size={16} className="ts-disclosure-chevron" />}
      >
        {shown ? openLabel : label}
      </Button>
      <div id={id} hidden={!shown} className="ts-disclosure-body">
        {shown && children}
      </div>
    </div>
  );
}
