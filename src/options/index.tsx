import { render } from 'preact';
import themeCss from '../ui/theme.css';
import optionsCss from './options.css';
import { t } from '../ui/i18n';
import { Options } from './Options';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`${themeCss}\n${optionsCss}`);
document.adoptedStyleSheets = [sheet];
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
