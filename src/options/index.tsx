import { render } from 'preact';
import themeCss from '../ui/theme.css';
import optionsCss from './options.css';
import { t, uiLocale } from '../ui/i18n';
import { sheetOf } from '../ui/sheet';
import { Options } from './Options';

document.adoptedStyleSheets = [sheetOf(themeCss, optionsCss)];
document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
