/**
 * Chinese UI font shipped with the app (no machine is assumed to have CJK fonts, and
 * nothing may load from the network). The browser only fetches it when the system fonts
 * earlier in the stack (微软雅黑, 苹方, Noto CJK) are missing.
 */
import notoSansScUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';

export const FONT_STACK =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "OneBag Sans", -apple-system, "Segoe UI", sans-serif';

export function registerBundledFont(): void {
  try {
    const face = new FontFace('OneBag Sans', `url("${new URL(notoSansScUrl, document.baseURI).href}")`, {
      display: 'swap',
    });
    document.fonts.add(face);
  } catch {
    // Font API unavailable: the system stack still applies.
  }
}
