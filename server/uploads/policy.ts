/** Upload limits with their defaults, and the scanner in effect: one place, read at request time. */
import { createNoVirusScanner, type VirusScanner } from '../adapters/virus-scan.js';
import type { AppDeps } from '../context.js';
import type { UploadMediaType } from './file-type.js';

/** Limits of evidence uploads (SEC-30); configurable per deployment. */
export interface UploadLimits {
  /** Media types accepted, decided by content. */
  allowedTypes: UploadMediaType[];
  /** Largest single file (bytes). */
  maxFileBytes: number;
  /** All evidence of one account together (bytes). */
  quotaBytes: number;
}

/** Defaults: PDF, JPEG, PNG; 10 MiB a file; 50 MiB an account. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  maxFileBytes: 10 * 1024 * 1024,
  quotaBytes: 50 * 1024 * 1024,
};

/** Room for the multipart framing around the file (boundaries, part headers, a long file name). */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/** The limits in effect. */
export function uploadLimits(deps: AppDeps): UploadLimits {
  return { ...DEFAULT_UPLOAD_LIMITS, ...deps.uploads };
}

const OFF = createNoVirusScanner();

/** The scanner in effect (off unless one is configured). */
export function virusScanner(deps: AppDeps): VirusScanner {
  return deps.virusScanner ?? OFF;
}

/** "12,5 MiB" for details shown to people. */
export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MiB`;
}
