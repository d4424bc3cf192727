import type { ThemeConfig } from 'antd';
import { FONT_STACK } from './fonts';

/** A restrained government-office look: navy actions, a dark red masthead, compact density. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d4f91',
    colorLink: '#1d4f91',
    colorError: '#b42318',
    borderRadius: 4,
    fontFamily: FONT_STACK,
    fontSize: 14,
    colorBgLayout: '#f3f4f6',
  },
  components: {
    Table: { headerBg: '#f1f3f7', cellPaddingBlockSM: 6 },
    Menu: { itemSelectedBg: '#e8eef7', itemSelectedColor: '#1d4f91' },
  },
};

const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };

/** The theme with antd's motion off when the system asks for reduced motion (reducedMotion.ts). */
export function themeFor(reduceMotion: boolean): ThemeConfig {
  return reduceMotion ? stillTheme : theme;
}
