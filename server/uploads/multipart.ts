/** Reads the one file of an upload request (multipart/form-data, field `file`), as the browser's FormData sends it. */
import type { Context } from 'hono';
import { problem } from '../http/problem.js';
import { fieldProblem } from '../http/validate.js';
import { mib } from './policy.js';

/** The uploaded bytes and the name the sender claimed (display only, never a path). */
export interface UploadedFile {
  bytes: Uint8Array;
  claimedName: string;
}

/** 415 for other encodings, 400 for malformed multipart or other fields, 413 above the file limit. */
export async function readUploadedFile(c: Context, maxFileBytes: number): Promise<UploadedFile> {
  if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) throw problem('multipart-required');
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch (err) {
    // The body limit aborts an oversized body mid-parse; anything else is broken framing from the client.
    if ((err as { status?: number })?.status === 413) throw err;
    throw problem('validation', { detail: 'Der multipart-Inhalt ist fehlerhaft.', errors: [{ path: 'file', code: 'file_required', message: 'Wählen Sie eine Datei aus.' }] });
  }
  const keys = [...form.keys()];
  const other = keys.find((k) => k !== 'file');
  if (other !== undefined) fieldProblem(c, other.slice(0, 64), 'unknown_field');
  const files = form.getAll('file');
  if (files.length > 1) fieldProblem(c, 'file', 'one_file_only');
  const file = files[0];
  if (!file || typeof file === 'string') fieldProblem(c, 'file', 'file_required');
  if (file.size === 0) fieldProblem(c, 'file', 'file_empty');
  if (file.size > maxFileBytes) {
    throw problem('file-too-large', { detail: `Eine Datei darf höchstens ${mib(maxFileBytes)} groß sein.` });
  }
  return { bytes: new Uint8Array(await file.arrayBuffer()), claimedName: file.name ?? '' };
}
