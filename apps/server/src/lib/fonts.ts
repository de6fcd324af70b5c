import { existsSync } from 'node:fs';

/** Debian's fonts-noto-cjk (installed by scripts/install-test-tools.sh). */
const FONT_CANDIDATES = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'],
  ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'],
] as const;

let configured: string | undefined;
/** Called once at start-up with env.FONT_CJK (a TTF/OTF path that overrides the Debian fonts). */
export function configureCjkFont(path: string | undefined) {
  configured = path;
}

/** A CJK font for PDFs, or null when none is installed. */
export function findCjkFont(): { path: string; family?: string } | null {
  if (configured && existsSync(configured)) return { path: configured };
  for (const [path, family] of FONT_CANDIDATES) if (existsSync(path)) return { path, family };
  return null;
}
