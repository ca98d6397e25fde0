import { render } from 'preact';
import cardCss from '../ui/card.css';
import themeCss from '../ui/theme.css';
import popupCss from './popup.css';
import { sheetOf } from '../ui/sheet';
import { t, uiLocale } from '../ui/i18n';
import { App } from './App';

document.documentElement.lang = uiLocale();
document.title = t('extName');
document.adoptedStyleSheets = [sheetOf(themeCss, cardCss, popupCss)];
render(<App />, document.getElementById('app')!);
