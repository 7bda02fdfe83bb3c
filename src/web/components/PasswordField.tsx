import { useState } from 'react';
import { TextInput, type TextInputProps } from '@mantine/core';

/**
 * A password input with a show/hide button (lighter than Mantine's PasswordInput, which would
 * cost ~2 KB gzipped on the login page). The button's label must not contain the field's label,
 * so that "getByLabel('Mật khẩu')" finds exactly one element.
 */
export function PasswordField({ toggleLabel, ...props }: Omit<TextInputProps, 'type'> & { toggleLabel: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <TextInput
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      rightSectionPointerEvents="all"
      rightSectionWidth={44}
      rightSection={
        <button
          type="button"
          className="ts-eye"
          aria-label={toggleLabel}
          aria-pressed={visible}
          onClick={() => setVisible((v) => !v)}
        >
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
            <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
            <circle cx="12" cy="12" r="3" />
            {visible && <path d="M4 4l16 16" />}
          </svg>
        </button>
      }
    />
  );
}
