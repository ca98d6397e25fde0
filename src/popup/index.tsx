import { render } from 'preact';
import cardCss from '../ui/card.css';
import themeCss from '../ui/theme.css';
import popupCss from './popup.css';
import { sheetOf } from '../ui/sheet';
import { App } from './App';

document.adoptedStyleSheets = [sheetOf(themeCss, cardCss, popupCss)];
render(<App />, document.getElementById('app')!);
