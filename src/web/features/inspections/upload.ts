// A file picked on the phone, as the API takes it: base64 in the JSON body (as a task's progress report).
import type { Dispatch, SetStateAction } from 'react';
import { readAsBase64 } from '../../lib/files.js';
import { formErrorsFrom, type FormErrors } from '../../lib/forms.js';

/** The chosen file could not be read on this device (moved, permission withdrawn). */
export class UnreadableFile extends Error {}

export async function attachmentOf(file: File | null): Promise<{ fileName: string; contentBase64: string; mimeType?: string } | null> {
  if (!file) return null;
  let contentBase64: string;
  try {
    contentBase64 = await readAsBase64(file);
  } catch {
    throw new UnreadableFile();
  }
  return { fileName: file.name, contentBase64, ...(file.type ? { mimeType: file.type.slice(0, 100) } : {}) };
}

/** An error of a form that sends a file: the file unreadable on this device, or what the API said, at the fields. */
export function uploadErrors<F extends string>(e: unknown, known: readonly F[], fallback: string, unreadable: string): FormErrors<F> {
  if (e instanceof UnreadableFile) return { fields: { attachment: unreadable } as FormErrors<F>['fields'], general: null };
  return formErrorsFrom(e, known, fallback);
}

/** A picked file and the form's errors kept together: a file too big is named at its field at once. */
export function pickInto<F extends string>(setFile: (f: File | null) => void, setErrors: Dispatch<SetStateAction<FormErrors<F>>>) {
  return (file: File | null, problem: string | null) => {
    setFile(file);
    setErrors((x) => ({ ...x, fields: { ...x.fields, attachment: problem ?? undefined } as FormErrors<F>['fields'] }));
  };
}
