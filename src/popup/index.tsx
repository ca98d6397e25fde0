import { render } from 'preact';
import cardCss from '../ui/card.css';
import themeCss from '../ui/theme.css';
import popupCss from './popup.css';
import { App } from './App';

const sheet = new CSSStyleSheet();
sheet.replaceSync(`${themeCss}\n${cardCss}\n${popupCss}`);
document.adoptedStyleSheets = [sheet];
render(<App />, document.getElementById('app')!);
