import { CAMEO_CODEBOOK, CameoCode } from './cameo-codebook';

const byCode = new Map<string, CameoCode>(CAMEO_CODEBOOK.map((c) => [c.code, c]));

/** The CAMEO 1.1b3 entry for a code, or undefined when the codebook has no such code. */
export function lookupCameo(code: string): CameoCode | undefined {
  return byCode.get(code);
}

export function isCameoCode(value: unknown): value is string {
  return typeof value === 'string' && byCode.has(value);
}
