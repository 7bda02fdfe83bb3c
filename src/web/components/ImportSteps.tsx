import { Group, Loader, Text } from '@mantine/core';
import { Notice } from './Notice.js';

/**
 * The shared steps of a spreadsheet import dialog (attendance, commitments): choosing the file,
 * waiting for the server's check, and the list of problems that stopped the whole file.
 */
export function ImportFileInput({
  id,
  label,
  accept,
  onFile,
  resetKey,
}: {
  id: string;
  label: string;
  accept: string;
  onFile: (file: File | undefined) => void;
  /** Changing it clears the input, so choosing the same file again reads it again. */
  resetKey: number;
}) {
  return (
    <div>
      <label htmlFor={id} className="ts-mt-file-label">
        {label}
      </label>
      <input key={resetKey} id={id} className="ts-mt-file" type="file" accept={accept} onChange={(e) => onFile(e.currentTarget.files?.[0])} />
    </div>
  );
}

export function ImportBusy({ label }: { label: string }) {
  return (
    <Group gap="sm" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Group>
  );
}

/** Every problem of a refused file, by row, under the server's summary. */
export function ImportProblems({ message, problems }: { message: string; problems: readonly string[] }) {
  return (
    <Notice tone="error" title={message}>
      {problems.length > 0 && (
        <ul className="ts-mt-problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
