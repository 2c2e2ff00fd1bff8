import { render } from 'preact';

render(<h1>TeamFollow</h1>, document.getElementById('app') as HTMLElement);
