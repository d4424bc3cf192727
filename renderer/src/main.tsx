import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import '../../shared/zodChinese';
import { Root } from './app/Root';
import { registerBundledFont } from './app/fonts';
import './styles.css';

dayjs.locale('zh-cn');
registerBundledFont();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
